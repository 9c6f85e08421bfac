package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on the real embedded stack: contacts POSTed to the gateway are classified by
 * the analyzer, counted into trends, a surge becomes a SPIKE insight, the sink writes it to
 * PostgreSQL as a backlog item, and the board's HTML and REST API show it.
 */
class PipelineIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  @TempDir static Path dataDir;
  private static LocalStack stack;

  @BeforeAll
  static void start() {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_KAFKA_PORT", "0");
    env.put("WAAROM_KAFKA_CONTROLLER_PORT", "0");
    env.put("WAAROM_GATEWAY_PORT", "0");
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_SINK_PORT", "0");
    env.put("WAAROM_PG_PORT", "0");
    stack = LocalStack.start(env);
  }

  @AfterAll
  static void stop() {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void aSurgeOfContactsBecomesASpikeOnTheBoard() throws Exception {
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));
    List<ObjectNode> contacts = new ArrayList<>();
    // Ten quiet minutes: two payment problems and two parcel questions a minute.
    for (int minute = 0; minute < 10; minute++) {
      Instant at = base.plus(Duration.ofMinutes(minute)).plusSeconds(5);
      contacts.add(contact("CHAT", at, "Mijn betaling is mislukt maar het geld is wel afgeschreven."));
      contacts.add(contact("EMAIL", at, "My payment failed but the money was taken from my account."));
      contacts.add(contact("CALL", at, "Waar blijft mijn pakket? Het zou gisteren bezorgd worden."));
      contacts.add(contact("CHAT", at, "Where is my parcel? It was supposed to arrive yesterday."));
    }
    post(contacts);
    // Minute 10: the broken payment link in a marketing e-mail.
    List<ObjectNode> surge = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      Instant at = base.plus(Duration.ofMinutes(10)).plusSeconds(i);
      surge.add(contact(i % 2 == 0 ? "CHAT" : "EMAIL", at, i % 3 == 0
          ? "De betaallink in jullie mail van vanochtend werkt niet."
          : "The payment link in your email this morning does not work."));
    }
    post(surge);

    int total = contacts.size() + surge.size();
    Topics topics = Topics.defaults();
    try (KafkaConsumer<String, ClassifiedContact> consumer =
        KafkaBroker.consumer(stack.bootstrapServers(), topics.classified)) {
      List<ClassifiedContact> classified = new ArrayList<>();
      await().atMost(Duration.ofSeconds(90)).until(() -> {
        // each contact once as classified; a repeat comes out once more, marked
        consumer.poll(Duration.ofMillis(500)).forEach(r -> {
          if (r.value().getRepeatOf() == null) {
            classified.add(r.value());
          }
        });
        return classified.size() >= total;
      });
      assertThat(classified).hasSize(total);
      assertThat(classified).filteredOn(c -> !c.getUnexplained())
          .extracting(c -> c.getReasons().get(0).getReasonId())
          .containsOnly("payment-problem", "delivery-status");
    }

    await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
      JsonNode backlog = JSON.readTree(get("/api/backlog").body());
      assertThat(backlog.isArray()).isTrue();
      assertThat(backlog.findValuesAsText("reasonId")).contains("payment-problem");
    });
    try (Connection db = DriverManager.getConnection(stack.sink().jdbcUrl(), "postgres", "postgres");
        ResultSet rs = db.createStatement().executeQuery(
            "select kind, insight_count from backlog_items where reason_id = 'payment-problem'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("kind")).isEqualTo("SPIKE");
      assertThat(rs.getInt("insight_count")).isEqualTo(1);
      assertThat(rs.next()).as("one backlog item per reason and kind").isFalse();
    }
    String board = get("/").body();
    assertThat(board).contains("payment-problem").contains("Backlog");
    assertThat(get("/healthy").statusCode()).isEqualTo(200);

    // The board listens on loopback only: anyone on this machine reads it, a change needs the
    // one-time sign-in link the stack prints, and the change is recorded as the machine's user.
    assertThat(stack.sink().bindAddress()).isEqualTo("127.0.0.1");
    String status = "/api/items/spike.payment-problem/status";
    assertThat(post(status, "{\"status\":\"triaged\"}", Map.of()).statusCode()).isEqualTo(401);
    URI link = stack.signInLink();
    HttpResponse<String> signedIn = HTTP.send(HttpRequest.newBuilder(link).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(signedIn.statusCode()).isEqualTo(302);
    String setCookie = signedIn.headers().firstValue("Set-Cookie").orElseThrow();
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    String csrf = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(stack.boardUri()
        + "/auth/me")).header("Cookie", cookie).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body()).get("csrf").asText();
    HttpResponse<String> triaged = post(status, "{\"status\":\"triaged\",\"actor\":\"x\"}",
        Map.of("Cookie", cookie, "X-CSRF-Token", csrf));
    assertThat(triaged.statusCode()).as(triaged.body()).isEqualTo(200);
    JsonNode history = JSON.readTree(get("/api/items/spike.payment-problem").body()).get("history");
    assertThat(history.get(history.size() - 1).get("actor").asText())
        .isEqualTo(System.getProperty("user.name"));
    assertThat(HTTP.send(HttpRequest.newBuilder(link).GET().build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).as("the link works once").isEqualTo(401);
  }

  private static HttpResponse<String> post(String path, String json, Map<String, String> headers)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stack.boardUri() + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static ObjectNode contact(String channel, Instant at, String text) {
    ObjectNode c = JSON.createObjectNode();
    c.put("contactId", channel.toLowerCase(java.util.Locale.ROOT) + "-" + UUID.randomUUID());
    c.put("channel", channel);
    c.put("occurredAt", at.toString());
    c.put("customerId", "customer-" + UUID.randomUUID());
    c.put("talkMillis", 240_000);
    ArrayNode turns = c.putArray("turns");
    ObjectNode t = turns.addObject();
    t.put("speaker", "CUSTOMER");
    t.put("text", text);
    return c;
  }

  private static void post(List<ObjectNode> contacts) throws Exception {
    ArrayNode body = JSON.createArrayNode();
    contacts.forEach(body::add);
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(stack.gatewayUri().resolve("/v1/contacts"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + stack.keys().user())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(stack.boardUri() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
