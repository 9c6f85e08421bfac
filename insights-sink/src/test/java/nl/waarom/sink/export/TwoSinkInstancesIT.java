package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.access.TestTokens;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.sink.consume.SinkConsumer;
import nl.waarom.sink.lead.SingletonJob;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.EmbeddedPostgresServer;
import nl.waarom.sink.db.TrendRow;
import nl.waarom.testing.KafkaBroker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sink instances in one consumer group on one database, as in production: both consume (the
 * topics have three partitions each), but the tracker export and the impact verification run on
 * one instance at a time. The leader loses its lock connection (terminated in PostgreSQL), the
 * other takes over; then that one stops, and the first takes over again. Through all of it every
 * backlog item is created in the tracker (a real local HTTP receiver) once and verified once, and
 * each instance's own export counter shows it exported only while it led.
 */
class TwoSinkInstancesIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Topics TOPICS = Topics.withPrefix("ha.");
  private static final int PARTITIONS = 3;
  private static final String SECRET = "0123456789abcdef-webhook";
  private static final Instant CHANGE = Instant.parse("2026-03-02T10:00:00Z");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SAMPLE = Pattern.compile("^(\\w+)\\{([^}]*)} (\\S+)$",
      Pattern.MULTILINE);

  @TempDir Path dir;
  private final List<AutoCloseable> resources = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (AutoCloseable r : resources.reversed()) {
      r.close();
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    resources.add(resource);
    return resource;
  }

  @Test
  void exportAndVerificationRunOnOneInstanceAtATimeAndHandOverWithoutDoingAnythingTwice()
      throws Exception {
    KafkaBroker broker = open(KafkaBroker.start());
    broker.createTopics(TOPICS, PARTITIONS);
    EmbeddedPostgresServer pg = open(EmbeddedPostgresServer.start(dir.resolve("pg"), 0));
    WebhookExportIT.Receiver receiver = open(new WebhookExportIT.Receiver());
    Map<String, String> env = new java.util.HashMap<>(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "ha.",
        "WAAROM_SINK_PORT", "0",
        "WAAROM_JDBC_URL", pg.jdbcUrl(),
        "WAAROM_EXPORT_TRACKER", "webhook",
        "WAAROM_WEBHOOK_URL", receiver.baseUrl() + "/hook",
        "WAAROM_WEBHOOK_SECRET", SECRET,
        "WAAROM_EXPORT_INTERVAL", "300ms",
        "WAAROM_VERIFY_INTERVAL", "300ms",
        "WAAROM_SINK_LEADER_CHECK_INTERVAL", "300ms"));
    env.put("WAAROM_API_TOKENS", TestTokens.setting("it:editor"));
    List<String> reasons = List.of("r1", "r2", "r3", "r4", "r5", "r6", "r7", "r8");
    Database db = open(Database.open(new Database.Options(pg.jdbcUrl(), "", "",
        dir.resolve("unused"), 0, 2)));
    new SinkRepository(db.dataSource()).write(List.of(), trendHistory(reasons));

    SinkApp a = open(SinkApp.start(env));
    await().atMost(WAIT).until(() -> leads(a, "export") && leads(a, "verify"));
    SinkApp b = open(SinkApp.start(env));

    // Both instances consume: the group splits every topic's partitions between them.
    await().atMost(WAIT).untilAsserted(() -> {
      Set<String> ofA = assigned(a);
      Set<String> ofB = assigned(b);
      assertThat(ofA).isNotEmpty();
      assertThat(ofB).isNotEmpty();
      assertThat(ofA).doesNotContainAnyElementsOf(ofB);
      assertThat(union(ofA, ofB))
          .hasSize(SinkConsumer.subscribed(TOPICS).size() * PARTITIONS);
    });

    // Phase 1: a leads both jobs; b stands by and never runs the export.
    // The keys of r1, r2, r4 and r8 hash to partitions 2, 2, 1 and 0: whichever partitions each
    // instance was given, both store some of these insights.
    List<String> first = List.of("r1", "r2", "r4", "r8");
    feed(broker, a, first);
    awaitExportedAndVerified(db, receiver, first);
    assertThat(leads(b, "export") || leads(b, "verify")).isFalse();
    assertThat(exportRuns(b)).isZero();
    assertThat(created(a)).isEqualTo(4.0);
    assertThat(consumedInsights(a)).isPositive();
    assertThat(consumedInsights(b)).isPositive();

    // Phase 2: a's lock sessions (one per singleton job: export, verify, purge) are killed; a
    // notices, b takes over the jobs.
    assertThat(query(db, "SELECT count(pg_terminate_backend(pid)) FROM pg_locks"
        + " WHERE locktype = 'advisory' AND granted AND classid::bigint = 1463894354"))
        .containsExactly(String.valueOf(SingletonJob.values().length));
    await().atMost(WAIT).until(() -> !leads(a, "export") && !leads(a, "verify")
        && leads(b, "export") && leads(b, "verify"));
    feed(broker, b, List.of("r5", "r6"));
    awaitExportedAndVerified(db, receiver, List.of("r5", "r6"));
    assertThat(created(b)).isEqualTo(2.0);
    assertThat(created(a)).isEqualTo(4.0);
    assertThat(leads(a, "export") || leads(a, "verify")).isFalse();

    // Phase 3: b stops; a takes over again (and gets all partitions).
    b.close();
    await().atMost(WAIT).until(() -> leads(a, "export") && leads(a, "verify"));
    feed(broker, a, List.of("r3", "r7"));
    awaitExportedAndVerified(db, receiver, List.of("r3", "r7"));
    assertThat(created(a)).isEqualTo(6.0);

    // Nothing twice: one creation per item at the tracker, one verdict per item in the history.
    Map<String, Long> creations = receiver.deliveries.stream()
        .filter(d -> d.get("event").asText().equals("backlog_item.created"))
        .collect(Collectors.groupingBy(d -> d.get("itemId").asText(), Collectors.counting()));
    assertThat(creations).isEqualTo(reasons.stream()
        .collect(Collectors.toMap(r -> "spike." + r, r -> 1L)));
    assertThat(query(db, "SELECT item_id || ' ' || count(*) FROM backlog_events"
        + " WHERE action = 'verification' GROUP BY item_id ORDER BY item_id"))
        .containsExactlyElementsOf(reasons.stream().map(r -> "spike." + r + " 1").toList());
    assertThat(query(db, "SELECT count(*) FROM tracker_links WHERE external_id IS NOT NULL"))
        .containsExactly("8");
  }

  /** Insights through Kafka; once their items exist, each is marked done through the API. */
  private static void feed(KafkaBroker broker, SinkApp api, List<String> reasons) throws Exception {
    Map<String, Insight> insights = new LinkedHashMap<>();
    for (String r : reasons) {
      Insight i = Fixtures.spike(r, Fixtures.T0, 40, 500.0);
      insights.put(i.getInsightId(), i);
    }
    broker.produce(TOPICS.insights, insights);
    for (String r : reasons) {
      String item = "/api/items/spike." + r;
      await().atMost(WAIT).until(() -> get(api, item).statusCode() == 200);
      assertThat(post(api, item + "/status", "{\"status\":\"in_progress\"}"))
          .isEqualTo(200);
      assertThat(post(api, item + "/status", "{\"status\":\"done\","
          + "\"effectiveAt\":\"" + CHANGE + "\"}")).isEqualTo(200);
    }
  }

  private static void awaitExportedAndVerified(Database db, WebhookExportIT.Receiver receiver,
      List<String> reasons) {
    Set<String> items = reasons.stream().map(r -> "spike." + r).collect(Collectors.toSet());
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(receiver.deliveries.stream().map(d -> d.get("itemId").asText())
          .collect(Collectors.toSet())).containsAll(items);
      assertThat(query(db, "SELECT item_id FROM backlog_items WHERE status IN"
          + " ('verified', 'not_effective')")).containsAll(items);
    });
  }

  /** Five weeks of hourly counts around CHANGE for every reason, enough to judge each item. */
  private static List<TrendRow> trendHistory(List<String> reasons) {
    List<TrendRow> rows = new ArrayList<>();
    Instant from = CHANGE.minus(Duration.ofDays(29)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    Instant to = CHANGE.plus(Duration.ofDays(9)).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
    long n = 0;
    for (Instant h = from; h.isBefore(to); h = h.plus(Duration.ofHours(1)), n++) {
      boolean after = !h.isBefore(CHANGE);
      for (String r : reasons) {
        rows.add(row(r, h, (after ? 10 : 20) + n % 5));
      }
      rows.add(row("other", h, 300 + n % 7));
    }
    return rows;
  }

  private static TrendRow row(String reason, Instant start, long count) {
    return new TrendRow(reason, "CHAT", start, start.plusSeconds(3600), count, 0, null, null, 60,
        0, 0, false);
  }

  private static boolean leads(SinkApp app, String task) throws Exception {
    return samples(app, "waarom_sink_leader", s -> s.label("task")).getOrDefault(task, 0.0) == 1.0;
  }

  private static Set<String> assigned(SinkApp app) throws Exception {
    return samples(app, "waarom_sink_consumer_lag", s -> s.label("topic") + "-" + s.label("partition"))
        .keySet();
  }

  private static double created(SinkApp app) throws Exception {
    return samples(app, "waarom_sink_export_total", s -> s.label("outcome"))
        .getOrDefault("created", 0.0);
  }

  private static double exportRuns(SinkApp app) throws Exception {
    return samples(app, "waarom_sink_export_total", s -> s.label("outcome")).values().stream()
        .mapToDouble(Double::doubleValue).sum();
  }

  private static double consumedInsights(SinkApp app) throws Exception {
    return samples(app, "waarom_sink_insights_written_total", s -> s.label("outcome")).values()
        .stream().mapToDouble(Double::doubleValue).sum();
  }

  private record Sample(String labels, double value) {
    String label(String name) {
      Matcher m = Pattern.compile("(?:^|,)" + name + "=\"([^\"]*)\"").matcher(labels);
      return m.find() ? m.group(1) : "";
    }
  }

  /** The samples of one metric on the instance's /metrics, keyed by {@code key}. */
  private static Map<String, Double> samples(SinkApp app, String metric,
      Function<Sample, String> key) throws Exception {
    Map<String, Double> out = new HashMap<>();
    Matcher m = SAMPLE.matcher(get(app, "/metrics").body());
    while (m.find()) {
      if (m.group(1).equals(metric)) {
        Sample s = new Sample(m.group(2), Double.parseDouble(m.group(3)));
        out.put(key.apply(s), s.value());
      }
    }
    return out;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return all;
  }

  private static HttpResponse<String> get(SinkApp app, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .timeout(Duration.ofSeconds(10)).header("Authorization", TestTokens.bearer("it")).GET()
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int post(SinkApp app, String path, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .header("Authorization", TestTokens.bearer("it"))
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static List<String> query(Database db, String sql) throws Exception {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
      return rows;
    }
  }
}
