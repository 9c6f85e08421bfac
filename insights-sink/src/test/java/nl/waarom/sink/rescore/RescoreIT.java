package nl.waarom.sink.rescore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.sink.RescoreFixtures;
import nl.waarom.sink.access.TestTokens;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.backtest.ModelInForce;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.board.Money;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.TaxonomyReads;
import nl.waarom.sink.explore.Explorer;
import nl.waarom.sink.explore.FigureSource;
import nl.waarom.sink.explore.Names;
import nl.waarom.sink.explore.Overview;
import nl.waarom.sink.explore.Period;
import nl.waarom.sink.explore.ReasonPage;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Re-scoring a past period on a real embedded PostgreSQL with the analyzer's real classifier,
 * through the board's real HTTP API: the contacts kept ({@link RescoreFixtures}) were classified by
 * an older taxonomy version that left payment links unexplained; an editor queues a re-score of
 * the last 7 days and the 7 before under the version in force; the job, deposed once mid-run,
 * starts over and finishes; the explore pages then show the re-scored figures (with the repeat the
 * old version could not see) and say so, and still show the figures as classified on request.
 */
class RescoreIT {
  private static final Instant NOW = RescoreFixtures.NOW;
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static String version;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    version = RescoreFixtures.seed(database);
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0),
        TestTokens.access(database.dataSource(), "vi:viewer", "ed:editor"),
        database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), Ranking.defaults(),
        new Money(0.9, Money.parseCurrency("EUR")),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true);
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
  void anEditorReScoresTwoWeeksAndTheExplorePagesCompareLikeWithLike() throws Exception {
    Explorer explorer = new Explorer(database.dataSource(), 0.9,
        () -> ReasonNames.of(new TaxonomyReads(database.dataSource()).inForce().orElseThrow()));
    Period week = Period.parse("7d", null, null, NOW);
    Names names = explorer.names();
    assertThat(names.version()).isEqualTo(version);

    // as classified: the old version left the payment links unexplained
    FigureSource before = explorer.source(week, version, false, false);
    assertThat(before.rescored()).isNull();
    assertThat(before.mixed()).isTrue();
    assertThat(before.canRescore()).isTrue();
    assertThat(before.classifiedBy()).singleElement()
        .satisfies(v -> assertThat(v.version()).isEqualTo(RescoreFixtures.OLD));
    Overview classified = explorer.overview(week, filter(), names, null);
    assertThat(line(classified, "unexplained").now().contacts()).isEqualTo(5);
    assertThat(line(classified, "payment-problem")).isNull();
    String page = get("/explore?period=7d", "vi").body();
    assertThat(page).contains("id=\"figures-classified\"").contains(RescoreFixtures.OLD)
        .contains("id=\"figures-mixed\"").contains("id=\"rescore\"")
        .contains("data-from=\"" + week.previous().from() + "\"")
        .contains("data-to=\"" + week.to() + "\"");

    // a viewer may not queue; bad and too-old periods answer 400 naming the field
    String body = "{\"from\": \"" + week.previous().from() + "\", \"to\": \"" + week.to() + "\"}";
    assertThat(post("vi", body).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = post("ed", "{\"from\": \"last week\", \"to\": \"" + week.to()
        + "\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(bad.body()).get("field").asText()).isEqualTo("from");
    HttpResponse<String> old = post("ed", "{\"from\": \"2026-11-01T00:00:00Z\", \"to\": \""
        + week.to() + "\"}");
    assertThat(old.statusCode()).isEqualTo(400);
    assertThat(old.body()).contains("from").contains("2026-11-10T08:00:00Z");
    HttpResponse<String> queued = post("ed", body);
    assertThat(queued.statusCode()).isEqualTo(202);
    JsonNode run = Json.mapper().readTree(queued.body());
    assertThat(run.get("status").asText()).isEqualTo("queued");
    assertThat(run.get("taxonomyVersion").asText()).isEqualTo(version);
    assertThat(run.get("requestedBy").asText()).isEqualTo("ed");
    String runId = run.get("runId").asText();
    // asked again while it waits: the same run
    assertThat(Json.mapper().readTree(post("ed", body).body()).get("runId").asText())
        .isEqualTo(runId);
    assertThat(get("/explore?period=7d", "vi").body()).contains("rescore-pending")
        .contains(runId).doesNotContain("id=\"rescore\"");

    // the leader is deposed before the run finishes: it stays running, the next one starts over
    Rescorer job = new Rescorer(database.dataSource(), RescoreIT::compile,
        new RepeatRule(Duration.ofDays(7), Duration.ofMinutes(15)), Duration.ofHours(1),
        Clock.fixed(NOW, ZoneOffset.UTC), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    AtomicInteger asked = new AtomicInteger();
    assertThat(job.runNext(() -> asked.incrementAndGet() < 1)).isTrue();
    assertThat(runJson(runId).get("status").asText()).isEqualTo("running");
    assertThat(job.runNext(() -> true)).isTrue();
    assertThat(job.runNext(() -> true)).isFalse(); // nothing left
    JsonNode done = runJson(runId);
    assertThat(done.get("status").asText()).isEqualTo("done");
    // read: all 9 (chat-0 only for the repeat rule); classified anew: the 6 payment links of the
    // two weeks; chat-6 keeps its correction; call-5 has no words and keeps debt collection
    assertThat(done.get("read").asLong()).isEqualTo(9);
    assertThat(done.get("rescored").asLong()).isEqualTo(6);
    assertThat(done.get("corrected").asLong()).isEqualTo(1);
    assertThat(done.get("kept").asLong()).isEqualTo(1);
    assertThat(done.get("changed").asLong()).isEqualTo(6);

    // the real classifier puts the payment links under payment-problem now
    try (Classifier classifier = compile(null)) {
      assertThat(classifier.classify(paymentLink()).primary().orElseThrow().reasonId())
          .isEqualTo("payment-problem");
    }
    FigureSource after = explorer.source(week, version, false, false);
    assertThat(after.runId()).isEqualTo(runId);
    Overview rescored = explorer.overview(week, filter(), names, after.runId());
    assertThat(line(rescored, "payment-problem").now().contacts()).isEqualTo(4);
    assertThat(line(rescored, "payment-problem").before().contacts()).isEqualTo(2);
    assertThat(line(rescored, "payment-problem").now().repeats()).isEqualTo(1); // chat-2
    assertThat(line(rescored, "payment-problem").now().handleMinutes()).isEqualTo(16.0);
    assertThat(line(rescored, "payment-problem").now().callbacks()).isEqualTo(1); // chat-3
    assertThat(line(rescored, "change-of-details").now().contacts()).isEqualTo(1);
    assertThat(line(rescored, "debt-collection").now().contacts()).isEqualTo(1);
    assertThat(line(rescored, "unexplained")).isNull();
    assertThat(rescored.total().contacts()).isEqualTo(classified.total().contacts());
    ReasonPage hourly = explorer.reason("payment-problem", week, "hour", null, after.runId());
    assertThat(hourly.series()).extracting(p -> p.start().toString())
        .containsExactly("2026-11-18T09:00:00Z", "2026-11-19T10:00:00Z", "2026-11-20T11:00:00Z",
            "2026-11-21T12:00:00Z");
    ReasonPage minutes = explorer.reason("payment-problem", week, "minute", null, after.runId());
    assertThat(minutes.series()).isEmpty(); // the minute chart shows the last day: none then

    String rescoredPage = get("/explore?period=7d", "vi").body();
    assertThat(rescoredPage).contains("id=\"figures-rescored\"").contains(version)
        .contains("figures=classified").doesNotContain("id=\"rescore\"");
    assertThat(get("/explore?period=7d&figures=classified", "vi").body())
        .contains("id=\"figures-classified\"").contains("id=\"figures-rescored-link\"");
    assertThat(get("/reasons/payment-problem?period=7d", "vi").body())
        .contains("id=\"figures-rescored\"");
    assertThat(get("/explore?period=7d&figures=maybe", "vi").statusCode()).isEqualTo(400);
    // a period the run does not cover is shown as classified
    assertThat(explorer.source(Period.parse("30d", null, null, NOW), version, false, false)
        .rescored()).isNull();
    JsonNode list = Json.mapper().readTree(get("/api/rescores", "vi").body());
    assertThat(list.get("rescores")).hasSize(1);
  }

  @Test
  void theMigrationDocumentsEveryColumnOfTheReScoreTables() throws Exception {
    try (var c = database.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT c.table_name || '.' || c.column_name"
            + " FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name"
            + " WHERE c.table_schema = 'public'"
            + " AND c.table_name IN ('rescore_runs', 'rescored_trends')"
            + " AND col_description(t.oid, c.ordinal_position) IS NULL")) {
      java.util.List<String> undocumented = new java.util.ArrayList<>();
      while (rs.next()) {
        undocumented.add(rs.getString(1));
      }
      assertThat(undocumented).isEmpty();
    }
  }

  private static Classifier compile(nl.waarom.sink.db.TaxonomyRow row) {
    TaxonomyDocument doc = TaxonomyDocument.builtIn();
    if (row != null) { // as the sink compiles it: with the editors' corrections it stored
      assertThat(row.version()).isEqualTo(version);
      return new ModelInForce(database.dataSource(), ClassifierRecipe.DEFAULT)
          .classifier(row.version(), row.yaml());
    }
    return ClassifierRecipe.DEFAULT.compile(doc);
  }

  private static Contact paymentLink() {
    return Contact.newBuilder().setContactId("x").setChannel(Channel.CHAT).setOccurredAt(NOW)
        .setLanguage("nl").setTurns(java.util.List.of(new Turn(Speaker.CUSTOMER,
            RescoreFixtures.PAYMENT_LINK, 1000L))).build();
  }

  private static Overview.Filter filter() {
    return new Overview.Filter(null, null, Overview.Sort.VOLUME);
  }

  private static Overview.Line line(Overview o, String reasonId) {
    return o.groups().stream().flatMap(g -> g.lines().stream())
        .filter(l -> l.reasonId().equals(reasonId)).findFirst().orElse(null);
  }

  private static JsonNode runJson(String runId) throws Exception {
    return Json.mapper().readTree(get("/api/rescores/" + runId, "vi").body());
  }

  private static HttpResponse<String> get(String path, String who) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
            + path)).header("Authorization", TestTokens.bearer(who)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String who, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port()
            + "/api/rescores")).header("Authorization", TestTokens.bearer(who))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
