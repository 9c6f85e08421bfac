package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.TrackerLink;
import nl.waarom.sink.export.ExportMetrics.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook exporter against a local receiver that verifies signatures as EXPORTERS.md says. */
class WebhookExportIT {
  private static final String SECRET = "0123456789abcdef-webhook";
  @TempDir static Path dir;
  private static ExportDb db;
  private Receiver receiver;

  /** Verifies X-Waarom-Signature independently of the production code, like a third party. */
  static final class Receiver extends FakeServer {
    final List<JsonNode> deliveries = new CopyOnWriteArrayList<>();
    volatile String status = "accepted";

    @Override
    Object handle(HttpExchange ex, Request r) {
      String ts = ex.getRequestHeaders().getFirst("X-Waarom-Timestamp");
      String sig = ex.getRequestHeaders().getFirst("X-Waarom-Signature");
      require(ex.getRequestHeaders().getFirst("X-Waarom-Delivery") != null, "delivery id");
      if (ts == null || sig == null
          || Math.abs(Instant.now().getEpochSecond() - Long.parseLong(ts)) > 300
          || !MessageDigest.isEqual(sig.getBytes(StandardCharsets.UTF_8),
              ("v1=" + hmacHex(SECRET, ts + "." + r.body())).getBytes(StandardCharsets.UTF_8))) {
        throw new Reject(401, "{\"message\":\"bad signature\"}");
      }
      JsonNode body = json(r.body());
      deliveries.add(body);
      return Map.of("id", "T-" + body.get("itemId").asText(), "status", status,
          "statusCategory", status.equals("done") ? "done" : "new");
    }

    static String hmacHex(String secret, String message) {
      try {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @BeforeAll
  static void startDatabase() {
    db = new ExportDb(dir);
  }

  @AfterAll
  static void stopDatabase() {
    db.close();
  }

  @BeforeEach
  void setUp() throws SQLException {
    db.reset();
    receiver = new Receiver();
    db.store(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0));
  }

  @AfterEach
  void tearDown() {
    receiver.close();
  }

  private Map<String, String> env(String secret) {
    return Map.of("WAAROM_EXPORT_TRACKER", "webhook", "WAAROM_WEBHOOK_URL",
        receiver.baseUrl() + "/hooks/waarom", "WAAROM_WEBHOOK_SECRET", secret);
  }

  @Test
  void signedDeliveriesCreateThenUpdateAndTheReceiversStatusIsStored() throws Exception {
    Exporter exporter = db.exporter(env(SECRET), new SimpleMeterRegistry());

    Exporter.RunReport first = exporter.runOnce();
    Exporter.RunReport unchanged = exporter.runOnce();
    receiver.status = "done";
    db.store(Fixtures.spike("payment-problem", Fixtures.T0.plusSeconds(7200), 80, 1800.0));
    Exporter.RunReport changed = exporter.runOnce();

    assertThat(first.count(Outcome.CREATED)).isEqualTo(1);
    assertThat(unchanged.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(changed.count(Outcome.UPDATED)).isEqualTo(1);
    assertThat(receiver.deliveries).extracting(d -> d.get("event").asText(),
            d -> d.get("itemId").asText(), d -> d.get("externalId").asText(null))
        .containsExactly(tuple("backlog_item.created", "spike.payment-problem", null),
            tuple("backlog_item.updated", "spike.payment-problem", "T-spike.payment-problem"));
    assertThat(receiver.deliveries.get(1).get("valueAtStake").toString())
        .contains("Estimated cost: 1800 per week");
    assertThat(db.links()).extracting(TrackerLink::externalId, TrackerLink::trackerStatus,
            TrackerLink::trackerStatusCategory)
        .containsExactly(tuple("T-spike.payment-problem", "done", "done"));
  }

  @Test
  void aWrongSecretFailsVerificationAtTheReceiverAndIsRecorded() throws Exception {
    Exporter.RunReport report = db.exporter(env("another-secret-of-16+"), new SimpleMeterRegistry())
        .runOnce();

    assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(receiver.deliveries).isEmpty();
    assertThat(db.links()).singleElement().satisfies(l -> {
      assertThat(l.linked()).isFalse();
      assertThat(l.lastError()).contains("HTTP 401");
    });
  }

  @Test
  void topNTakesTheItemsOfHighestValueAtStakeNotOfHighestCost() throws Exception {
    // payment-problem (setUp): 900 a week, PREVENT (weight 1.0): value 900
    db.store(nl.waarom.schemas.Insight.newBuilder(
            Fixtures.spike("agent-script", Fixtures.T0, 40, 1500.0))
        .setPreventability(nl.waarom.schemas.Preventability.ASSIST).build()); // value 1500 × 0.4
    Map<String, String> env = new java.util.HashMap<>(env(SECRET));
    env.put("WAAROM_EXPORT_TOP_N", "1");

    db.exporter(env, new SimpleMeterRegistry()).runOnce();

    assertThat(receiver.deliveries).extracting(d -> d.get("itemId").asText())
        .containsExactly("spike.payment-problem");
  }
}
