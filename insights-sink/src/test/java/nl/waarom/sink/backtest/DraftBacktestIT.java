package nl.waarom.sink.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.platform.Config;
import nl.waarom.sink.DraftFixtures;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.AccessSettings;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backtest of an emerging reason's drafted rule over HTTP, on a real embedded PostgreSQL
 * holding the default taxonomy as published and contacts as the sink stores them: the answer
 * before any taxonomy was published, then the figures — which contacts the drafted reason takes,
 * which of those had no reason and which come from another reason, with examples — and the
 * explained share before and after; and with the editors' corrections the sink stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DraftBacktestIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;

  @BeforeAll
  static void start() {
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    Access access = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of())),
        Clock.systemUTC(), BoardServer.LOOPBACK, database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access,
        database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true, null, 100);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1) // first: before any taxonomy is published
  void theDraftedRuleIsBacktestedOverTheStoredContactsAgainstTheTaxonomyInForce()
      throws Exception {
    String itemId = DraftFixtures.emergingReason(database);
    JsonNode none = get("/api/items/" + itemId + "/backtest");
    assertThat(none.get("problem").asText()).startsWith("No taxonomy has been published yet");

    String version = DraftFixtures.taxonomyAndContactsOnce(database);
    JsonNode b = get("/api/items/" + itemId + "/backtest");

    assertThat(b.get("problem").isNull()).as(b.toString()).isTrue();
    assertThat(b.get("taxonomyVersion").asText()).isEqualTo(version);
    assertThat(b.get("reasonId").asText()).isEqualTo("thermostaat-koppelen");
    assertThat(b.get("rules").get(0).asText()).isEqualTo(DraftFixtures.RULE);
    assertThat(b.get("contacts").asLong()).isEqualTo(4);
    assertThat(b.get("taken").asLong()).as(b.toString()).isEqualTo(3);
    assertThat(b.get("fromUnexplained").asLong()).isEqualTo(2);
    assertThat(b.at("/unexplained/examples")).extracting(e -> e.get("contactId").asText())
        .containsExactlyInAnyOrder("chat-1", "chat-2");
    JsonNode fromReasons = b.get("fromReasons");
    assertThat(fromReasons).hasSize(1);
    assertThat(fromReasons.at("/0/from").asText()).isEqualTo("payment-problem");
    assertThat(fromReasons.at("/0/count").asLong()).isEqualTo(1);
    assertThat(fromReasons.at("/0/examples/0/contactId").asText()).isEqualTo("chat-3");
    assertThat(fromReasons.at("/0/examples/0/snippet").asText()).contains("thermostaat");
    assertThat(b.get("explainedShareBefore").asDouble()).isEqualTo(0.5);
    assertThat(b.get("explainedShareAfter").asDouble()).isEqualTo(1.0);
    assertThat(b.get("elapsedMillis").asLong()).isNotNegative();
  }

  @Test
  @Order(2)
  void aRequestThatDoesNotWaitLeavesTheRunGoingAndTheNextOneGetsItsResult() throws Exception {
    String itemId = DraftFixtures.emergingReason(database);
    DraftFixtures.taxonomyAndContactsOnce(database);
    BacklogItem item = new BacklogQueries(database.dataSource()).item(itemId).orElseThrow();
    try (DraftBacktests backtests = new DraftBacktests(database.dataSource(),
        ClassifierRecipe.DEFAULT, 100, Duration.ofMinutes(1), Clock.systemUTC())) {
      assertThat(backtests.within(item, Duration.ZERO)).as("compiling takes longer").isEmpty();
      DraftBacktest done = backtests.of(item);
      assertThat(done.taken()).isEqualTo(3);
      assertThat(backtests.within(item, Duration.ZERO)).as("kept").contains(done);
    }
  }

  /**
   * The corrections the sink stored apply to both sides, as the analyzer applies them: the
   * payment-link contact an editor kept as a payment problem is not taken by the drafted rule,
   * nor is the one an editor said is about none of the reasons (stored before the sink kept
   * words: its verdict counts, it is not learned).
   */
  @Test
  @Order(3)
  void theStoredCorrectionsApplyToBothSides() throws Exception {
    String itemId = DraftFixtures.emergingReason(database);
    String version = DraftFixtures.taxonomyAndContactsOnce(database);
    try (Connection c = database.dataSource().getConnection()) {
      correction(c, "k-3", "chat-3", "payment-problem", version,
          "Ik kreeg een betaallink voor de thermostaat");
      correction(c, "k-1", "chat-1", null, version, null);
    }
    BacklogItem item = new BacklogQueries(database.dataSource()).item(itemId).orElseThrow();
    CorrectedRecipe recipe = new ModelInForce(database.dataSource(), ClassifierRecipe.DEFAULT)
        .recipe();
    assertThat(recipe.book().size()).isEqualTo(2);
    assertThat(recipe.training(TaxonomyDocument.builtIn().parse()).corrections().examples())
        .as("only the correction with words is learned").hasSize(1);

    try (DraftBacktests backtests = new DraftBacktests(database.dataSource(),
        ClassifierRecipe.DEFAULT, 100, Duration.ofMinutes(1), Clock.systemUTC())) {
      DraftBacktest done = backtests.of(item);
      assertThat(done.result().contacts()).isEqualTo(4);
      assertThat(done.taken()).as(done.toString()).isEqualTo(1);
      assertThat(done.fromUnexplained()).isEqualTo(1);
      assertThat(done.fromOtherReasons()).isEmpty();
    }
  }

  private static void correction(Connection c, String id, String contactId, String reasonId,
      String version, String text) throws Exception {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO corrections (correction_id,"
        + " contact_id, actor, reason_id, taxonomy_version, corrected_at, text, language)"
        + " VALUES (?, ?, 'editor', ?, ?, now(), ?, ?)")) {
      s.setString(1, id);
      s.setString(2, contactId);
      s.setString(3, reasonId);
      s.setString(4, version);
      s.setString(5, text);
      s.setString(6, text == null ? null : "nl");
      s.executeUpdate();
    }
  }

  private static JsonNode get(String path) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
