package nl.waarom.sink.backlog;

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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Preventability;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.access.TestTokens;
import nl.waarom.sink.board.BoardServer;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.TrendRow;
import nl.waarom.sink.verify.ImpactVerifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backlog as the team works it, through the real HTTP API on a real embedded PostgreSQL:
 * ranking, lifecycle with history, errors naming the field, the OpenAPI document, and the
 * impact verification on generated hourly trends.
 */
class BacklogApiIT {
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static SinkRepository repository;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    repository = new SinkRepository(database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0),
        TestTokens.access(database.dataSource(), "anna:editor", "bram:editor"), database.dataSource(),
        Clock.systemUTC(), Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true, () -> true);
  }

  @AfterAll
  static void stop() {
    server.close();
    database.close();
  }

  @BeforeEach
  void empty() throws SQLException {
    execute("TRUNCATE backlog_events, backlog_item_insights, backlog_items, insights,"
        + " reason_trends, explained_share");
  }

  private static void insight(String reasonId, double cost, Preventability preventability,
      Double repeatRate) throws SQLException {
    Insight insight = Insight.newBuilder(Fixtures.spike(reasonId, Fixtures.T0, 40, cost))
        .setPreventability(preventability).setRepeatRate(repeatRate)
        .setReasonName(reasonId.replace('-', ' ')).build();
    repository.write(List.of(InsightRow.from(insight)), List.of());
  }

  @Test
  void itemsAreRankedByValueAtStakeWeightedByPreventabilityAndRepeats() throws Exception {
    insight("assist-heavy", 2000, Preventability.ASSIST, null);      // 2000 × 0.4 = 800
    insight("preventable", 1000, Preventability.PREVENT, null);      // 1000 × 1.0 = 1000
    insight("self-service", 1000, Preventability.SELF_SERVICE, 0.5); // 1000 × 0.8 × 1.5 = 1200

    JsonNode items = get("/api/items").body();

    assertThat(ids(items)).containsExactly("spike.self-service", "spike.preventable",
        "spike.assist-heavy");
    assertThat(items.get(0).at("/work/valueAtStake").asDouble()).isEqualTo(1200.0);
    assertThat(items.get(0).get("title").asText()).isEqualTo("Spike: self service");
  }

  @Test
  void theTeamWorksAnItemThroughItsLifecycleAndEveryChangeIsRecorded() throws Exception {
    insight("payment-problem", 1000, Preventability.PREVENT, null);
    String item = "/api/items/spike.payment-problem";

    assertThat(post(item + "/status", "{\"status\":\"triaged\"}").status())
        .isEqualTo(200);
    assertThat(post(item + "/owner", "{\"owner\":\"team betalen\"}").status())
        .isEqualTo(200);
    Response progress = post(item + "/status", "{\"status\":\"in_progress\"}", "bram");
    assertThat(progress.status()).isEqualTo(200);
    assertThat(progress.body().get("status").asText()).isEqualTo("in_progress");
    assertThat(post(item + "/notes", "{\"note\":\"payment link fixed in mail template\"}",
        "bram").status()).isEqualTo(200);
    Response done = post(item + "/status",
        "{\"status\":\"done\",\"effectiveAt\":\"2026-03-03T00:00:00Z\"}", "bram");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body().at("/work/doneAt").asText()).isEqualTo("2026-03-03T00:00:00Z");

    JsonNode detail = get(item).body();
    assertThat(detail.at("/item/work/owner").asText()).isEqualTo("team betalen");
    List<String> history = new ArrayList<>();
    detail.get("history").forEach(e -> history.add(e.get("actor").asText() + ":"
        + e.get("action").asText() + ":" + e.get("toStatus").asText("")));
    assertThat(history).containsExactly("anna:status:triaged", "anna:owner:",
        "bram:status:in_progress", "bram:note:", "bram:status:done");
    assertThat(detail.get("insights")).hasSize(1);
    // done items stay on the open list until verified
    assertThat(ids(get("/api/items?status=open").body())).containsExactly("spike.payment-problem");
    assertThat(ids(get("/api/items?status=verified,dismissed").body())).isEmpty();
  }

  @Test
  void badRequestsNameTheFieldAndIllegalMovesConflict() throws Exception {
    insight("refund", 100, Preventability.AUTOMATE, null);
    String item = "/api/items/spike.refund";

    Response skip = post(item + "/status", "{\"status\":\"verified\"}");
    assertThat(skip.status()).isEqualTo(409);
    assertThat(skip.body().get("error").asText()).contains("from new to verified");
    Response unknown = post(item + "/status", "{\"status\":\"closed\"}");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.body().get("field").asText()).isEqualTo("status");
    Response noReason = post(item + "/status", "{\"status\":\"dismissed\"}");
    assertThat(noReason.body().get("field").asText()).isEqualTo("reason");
    assertThat(post(item + "/status", "not json").body().get("field").asText()).isEqualTo("body");
    assertThat(post("/api/items/spike.nothing/status", "{\"status\":\"triaged\"}")
        .status()).isEqualTo(404);
    assertThat(get("/api/items?status=closed").status()).isEqualTo(400);

    Response dismissed = post(item + "/status",
        "{\"status\":\"dismissed\",\"reason\":\"seasonal, expected\"}");
    assertThat(dismissed.body().at("/work/dismissedReason").asText()).isEqualTo("seasonal, expected");
    assertThat(get("/api/items").body()).isEmpty(); // dismissed is not open
  }

  @Test
  void aPageABrowserAsksForSpeaksItsLanguageEvenToSayItCannotBeShownWhileTheApiStaysJson()
      throws Exception {
    insight("parcel-lost", 100, Preventability.PREVENT, null);

    HttpResponse<String> item = page("/items/spike.parcel-lost", "nl-NL,nl;q=0.9");
    assertThat(item.statusCode()).isEqualTo(200);
    assertThat(item.body()).contains("<html lang=\"nl\">", "<h1>Piek: parcel lost</h1>",
        "status <b class=\"status\" id=\"status\">nieuw</b>", ">Triëren</button>");

    HttpResponse<String> unknown = page("/items/spike.nothing", "nl-NL,nl;q=0.9");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(unknown.body()).contains("<html lang=\"nl\">", "<h1>Niet gevonden</h1>",
        "Geen backlogitem spike.nothing.");
    assertThat(page("/items/spike.nothing?lang=en", "nl").body())
        .contains("<html lang=\"en\">", "No backlog item spike.nothing.");
    HttpResponse<String> noRule = page("/items/spike.parcel-lost/backtest", "nl");
    assertThat(noRule.statusCode()).isEqualTo(404);
    assertThat(noRule.body()).contains("Backlogitem spike.parcel-lost is van de soort piek: alleen"
        + " een nieuwe reden heeft een voorgestelde regel om te backtesten.");
    HttpResponse<String> badChannel = page("/contacts?channel=FAX", "nl");
    assertThat(badChannel.statusCode()).isEqualTo(400);
    assertThat(badChannel.body()).contains("De waarde van channel is ongeldig.")
        .contains("<code>channel: one of CHAT, CALL, EMAIL, OTHER: &#39;FAX&#39;</code>");

    // the API answers the same requests in English JSON, whatever the browser prefers
    HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(uri("/api/items/spike.nothing"))
        .header("Authorization", TestTokens.bearer("anna")).header("Accept-Language", "nl")
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(api.statusCode()).isEqualTo(404);
    assertThat(Json.mapper().readTree(api.body()).get("error").asText())
        .isEqualTo("no backlog item 'spike.nothing'");
  }

  private static HttpResponse<String> page(String path, String acceptLanguage) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path))
            .header("Authorization", TestTokens.bearer("anna"))
            .header("Accept-Language", acceptLanguage).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void anEmergingReasonIsPromotedToATaxonomyDraftForReview() throws Exception {
    Insight emerging = Insight.newBuilder(Fixtures.emerging(List.of("app update", "settings"),
            Fixtures.T0))
        .setDraftedRule("customer:\"app update\" AND customer:settings")
        .setExamples(List.of(new nl.waarom.schemas.InsightExample("e-1",
            "since the app update my settings are gone")))
        .build();
    repository.write(List.of(InsightRow.from(emerging)), List.of());
    insight("refund", 100, Preventability.AUTOMATE, null);

    Response promoted = post("/api/items/emerging-reason.app-update_settings/promote",
        "{}");

    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.body().at("/item/status").asText()).isEqualTo("triaged");
    String draft = promoted.body().get("draft").asText();
    assertThat(draft).contains("  - id: app-update-settings",
        "      - 'customer:\"app update\" AND customer:settings'",
        "      - since the app update my settings are gone", "owner: TODO");
    JsonNode history = get("/api/items/emerging-reason.app-update_settings").body().get("history");
    assertThat(history.get(0).get("action").asText()).isEqualTo("promote");
    assertThat(history.get(0).get("detail").asText()).isEqualTo(draft);
    assertThat(post("/api/items/spike.refund/promote", "{}").status())
        .isEqualTo(409);
  }

  @Test
  void theOpenApiDocumentDescribesEveryApiRoute() throws Exception {
    JsonNode doc = get("/api/openapi.json").body();

    assertThat(doc.get("openapi").asText()).startsWith("3.1");
    Set<String> paths = new TreeSet<>();
    doc.get("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).containsExactlyInAnyOrder("/api/backlog", "/api/items", "/api/items/{id}",
        "/api/items/{id}/status", "/api/items/{id}/owner", "/api/items/{id}/notes",
        "/api/items/{id}/promote", "/api/items/{id}/backtest", "/api/trends", "/api/insights",
        "/api/explained-share", "/api/contacts", "/api/contacts/{id}",
        "/api/contacts/{id}/corrections", "/api/rescores", "/api/rescores/{id}",
        "/api/openapi.json", "/api/stream");
    for (String path : paths) {
      if (path.endsWith("/status") || path.endsWith("/owner") || path.endsWith("/notes")
          || path.endsWith("/promote") || path.endsWith("/corrections")) {
        continue; // POST only
      }
      if (path.equals("/api/stream")) {
        continue; // an endless event stream; the browser test reads it
      }
      int status = get(path.replace("{id}", "spike.none")).status();
      assertThat(status).as("GET %s is served", path).isIn(200, 404);
      if (status == 404) {
        assertThat(path).isIn("/api/items/{id}", "/api/items/{id}/backtest",
            "/api/contacts/{id}", "/api/rescores/{id}");
      }
    }
  }

  /**
   * Four weeks of hourly trends before a fix and one week after, with a weekly rhythm and noise;
   * the reason falls 30% after the fix for one item and stays the same for another.
   */
  @Test
  void aDoneItemIsVerifiedWhenItsReasonRealyFellAndNotEffectiveWhenItDidNot() throws Exception {
    Instant change = Instant.parse("2026-03-02T10:00:00Z");
    Instant from = Instant.parse("2026-02-02T00:00:00Z");
    Instant to = Instant.parse("2026-03-10T00:00:00Z");
    Random random = new Random(42);
    List<TrendRow> rows = new ArrayList<>();
    for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1))) {
      var t = h.atZone(ZoneOffset.UTC);
      boolean weekend = t.getDayOfWeek() == DayOfWeek.SATURDAY
          || t.getDayOfWeek() == DayOfWeek.SUNDAY;
      double hourly = (t.getHour() >= 8 && t.getHour() < 18 ? 400 : 40) * (weekend ? 0.4 : 1);
      double day = 1 + 0.05 * new Random(t.toLocalDate().toEpochDay()).nextGaussian();
      boolean after = !h.isBefore(change);
      long fixed = poisson(random, hourly * 0.05 * day * (after ? 0.7 : 1.0));
      long same = poisson(random, hourly * 0.04 * day);
      long other = poisson(random, hourly * 0.91);
      rows.add(row("payment-problem", h, fixed));
      rows.add(row("delivery-status", h, same));
      rows.add(row("other", h, other));
    }
    repository.write(List.of(), rows);
    insight("payment-problem", 1000, Preventability.PREVENT, null);
    insight("delivery-status", 800, Preventability.SELF_SERVICE, null);
    for (String id : List.of("spike.payment-problem", "spike.delivery-status")) {
      post("/api/items/" + id + "/status", "{\"status\":\"in_progress\"}");
      post("/api/items/" + id + "/status", "{\"status\":\"done\","
          + "\"effectiveAt\":\"" + change + "\"}");
    }

    ImpactVerifier verifier = new ImpactVerifier(database.dataSource(),
        new BacklogActions(database.dataSource()),
        new ImpactVerifier.Options(Duration.ofDays(7), 4, 0.05, 0.10, Duration.ofMinutes(1)));
    assertThat(verifier.runOnce()).containsExactlyInAnyOrder("spike.payment-problem",
        "spike.delivery-status");
    assertThat(verifier.runOnce()).isEmpty(); // judged once

    JsonNode fixed = get("/api/items/spike.payment-problem").body();
    assertThat(fixed.at("/item/status").asText()).isEqualTo("verified");
    JsonNode figures = Json.mapper().readTree(fixed.at("/item/work/verification").asText());
    assertThat(figures.get("change").asDouble()).isBetween(-0.40, -0.20);
    assertThat(figures.get("pValue").asDouble()).isLessThan(0.05);
    assertThat(figures.get("afterDays").asInt()).isEqualTo(7);
    assertThat(figures.get("beforeDays").asInt()).isEqualTo(28);
    JsonNode last = fixed.get("history").get(fixed.get("history").size() - 1);
    assertThat(last.get("actor").asText()).isEqualTo(BacklogActions.VERIFIER);
    assertThat(last.get("detail").asText()).contains("verified");

    JsonNode same = get("/api/items/spike.delivery-status").body();
    assertThat(same.at("/item/status").asText()).isEqualTo("not_effective");
    assertThat(Math.abs(Json.mapper().readTree(same.at("/item/work/verification").asText())
        .get("change").asDouble())).isLessThan(0.10);
  }

  private static TrendRow row(String reason, Instant start, long count) {
    return new TrendRow(reason, "CHAT", start, start.plusSeconds(3600), count, 0, null, null, 60,
        0, 0, false);
  }

  private static long poisson(Random random, double mean) {
    return Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
  }

  private static List<String> ids(JsonNode items) {
    List<String> ids = new ArrayList<>();
    for (Iterator<JsonNode> it = items.elements(); it.hasNext(); ) {
      ids.add(it.next().get("itemId").asText());
    }
    return ids;
  }

  record Response(int status, JsonNode body) {}

  private static Response get(String path) throws Exception {
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri(path))
            .header("Authorization", TestTokens.bearer("anna")).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  /** A change by anna, an editor. */
  private static Response post(String path, String body) throws Exception {
    return post(path, body, "anna");
  }

  private static Response post(String path, String body, String user) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer(user))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Response(r.statusCode(), Json.mapper().readTree(r.body()));
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + server.port() + path);
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
