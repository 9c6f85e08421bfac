package nl.waarom.sink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.EmbeddedPostgresServer;
import nl.waarom.sink.db.Json;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole sink: a real broker, a real embedded PostgreSQL and HTTP. */
class SinkAppIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Topics TOPICS = Topics.withPrefix("it.");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dataDir;
  private static KafkaBroker broker;
  private static SinkApp app;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    app = SinkApp.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "it.",
        "WAAROM_SINK_PORT", "0",
        "WAAROM_DATA_DIR", dataDir.toString()));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
      app.close(); // idempotent
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aSpikeBecomesABacklogItemInTheDatabaseTheApiAndTheBoard() throws Exception {
    Instant start = Instant.now().minusSeconds(1800).truncatedTo(ChronoUnit.MINUTES);
    Insight spike = Fixtures.spike("payment-problem", start, 40, 2500.0);
    ReasonTrend chat = Fixtures.trend("payment-problem", Channel.CHAT, start, 30);
    chat.setSentimentCount(27);
    chat.setNegativeCount(10);
    ReasonTrend call = Fixtures.trend("payment-problem", Channel.CALL, start, 10);
    call.setSentimentCount(9);
    call.setNegativeCount(2);
    ReasonTrend none = Fixtures.trend("unexplained", Channel.EMAIL, start, 10);
    broker.produce(TOPICS.reasonTrends, trends(chat, call, none));
    broker.produce(TOPICS.insights, Map.of(spike.getInsightId(), spike));

    await().atMost(WAIT).untilAsserted(() -> assertThat(
        query("SELECT item_id || ' ' || insight_count || ' ' || latest_insight_id || ' ' || status"
            + " FROM backlog_items WHERE reason_id = 'payment-problem'"))
        .containsExactly("spike.payment-problem 1 " + spike.getInsightId() + " new"));

    JsonNode items = Json.mapper().readTree(get("/api/backlog").body());
    JsonNode item = find(items, "spike.payment-problem");
    assertThat(item.path("title").asText()).isEqualTo("Spike: payment-problem");
    assertThat(item.path("insightCount").asInt()).isEqualTo(1);
    assertThat(item.path("estimatedCost").asDouble()).isEqualTo(2500.0);
    assertThat(item.path("latestInsight").path("kind").asText()).isEqualTo("SPIKE");
    assertThat(item.path("latestInsight").path("count").asLong()).isEqualTo(40);
    assertThat(item.path("latestInsight").path("windowStart").asText()).isEqualTo(start.toString());
    assertThat(item.path("latestInsight").path("examples").get(0).path("contactId").asText())
        .isEqualTo("chat-1");

    HttpResponse<String> board = get("/");
    assertThat(board.headers().firstValue("content-type")).hasValueSatisfying(
        ct -> assertThat(ct).startsWith("text/html"));
    assertThat(board.body()).contains("id=\"item-spike.payment-problem\"")
        .contains(spike.getSummary())
        .contains("<tr><td>payment-problem</td><td>40</td><td>30</td><td>10</td><td>0</td>"
            + "<td class=\"negative\"><span title=\"12 of 36 contacts\">33 %</span></td><td><svg");

    JsonNode trends = Json.mapper().readTree(get("/api/trends?minutes=60").body());
    assertThat(trends.path("minutes").asInt()).isEqualTo(60);
    assertThat(trends.path("reasons").toString()).contains(
        "{\"reasonId\":\"payment-problem\",\"total\":40,\"channels\":{\"CALL\":10,\"CHAT\":30},"
            + "\"sentimentCount\":36,\"negativeCount\":12}");

    // Re-delivery of the same insight, then a marker insight: once the marker is stored, the
    // re-delivery has been processed too (same partition, in order).
    Insight marker = Fixtures.spike("marker-after-redelivery", start, 5, 1.0);
    broker.produce(TOPICS.insights, Map.of(spike.getInsightId(), spike));
    broker.produce(TOPICS.insights, Map.of(marker.getInsightId(), marker));
    await().atMost(WAIT).until(() -> !query(
        "SELECT 1 FROM insights WHERE reason_id = 'marker-after-redelivery'").isEmpty());
    assertThat(query("SELECT item_id || ' ' || insight_count FROM backlog_items"
        + " WHERE reason_id = 'payment-problem'")).containsExactly("spike.payment-problem 1");
    assertThat(query("SELECT count(*) FROM insights WHERE reason_id = 'payment-problem'"))
        .containsExactly("1");
  }

  @Test
  void garbageGoesToTheDeadLetterTopicAndTheNextRecordIsStillStored() throws Exception {
    byte[] garbage = "{\"this is\": \"not avro\"}".getBytes(StandardCharsets.UTF_8);
    Topic<String, byte[]> raw = new Topic<>(TOPICS.insights.name(), Serdes.String(), Serdes.ByteArray());
    broker.produce(raw, Map.of("garbage-key", garbage));
    Insight next = Fixtures.spike("after-garbage", Fixtures.T0, 12, 10.0);
    broker.produce(TOPICS.insights, Map.of(next.getInsightId(), next));

    await().atMost(WAIT).until(() -> !query(
        "SELECT 1 FROM insights WHERE reason_id = 'after-garbage'").isEmpty());
    DeadLetter dead = deadLetterWithKey("garbage-key");
    assertThat(dead.getSource()).isEqualTo("insights-sink");
    assertThat(dead.getTopic()).isEqualTo(TOPICS.insights.name());
    assertThat(dead.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(dead.getError()).contains("cannot decode");
    assertThat(get("/metrics").body()).containsPattern("waarom_sink_dead_letters_total [1-9]");
  }

  @Test
  void aRecordTheDatabaseRefusesIsDeadLetteredWithoutBlockingTheOthers() throws Exception {
    Insight outOfRange = Fixtures.spike("out-of-range", Fixtures.T0, 12, 10.0);
    outOfRange.setDetectedAt(Instant.ofEpochMilli(Long.MAX_VALUE / 2));
    Insight sameBatch = Fixtures.spike("same-batch-as-poison", Fixtures.T0, 12, 10.0);
    Map<String, Insight> records = new LinkedHashMap<>();
    records.put("poison", outOfRange);
    records.put(sameBatch.getInsightId(), sameBatch);
    broker.produce(TOPICS.insights, records);

    await().atMost(WAIT).until(() -> !query(
        "SELECT 1 FROM insights WHERE reason_id = 'same-batch-as-poison'").isEmpty());
    DeadLetter dead = deadLetterWithKey("poison");
    assertThat(dead.getError()).startsWith("database rejected record from it.insights");
    assertThat(query("SELECT count(*) FROM insights WHERE reason_id = 'out-of-range'"))
        .containsExactly("0");
  }

  @Test
  void opsEndpointsAndBadParameters() throws Exception {
    await().atMost(WAIT).untilAsserted(() -> assertThat(get("/ready").statusCode()).isEqualTo(200));
    assertThat(get("/healthy").body()).isEqualTo("healthy");
    assertThat(get("/metrics").body()).contains("waarom_sink_insights_written_total",
        "waarom_sink_trends_written_total", "waarom_sink_batch_duration_seconds");

    HttpResponse<String> bad = get("/api/trends?minutes=soon");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(Json.mapper().readTree(bad.body()).path("parameter").asText()).isEqualTo("minutes");
    HttpResponse<String> tooMany = get("/api/insights?limit=0");
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(tooMany.body()).contains("\"parameter\":\"limit\"");
    assertThat(get("/api/insights?limit=2").statusCode()).isEqualTo(200);
  }

  @Test
  void keepsRunningWhileTheDatabaseIsDownForAMinuteAndCatchesUpAfterwards() throws Exception {
    Topics otherTopics = Topics.withPrefix("it2.");
    broker.createTopics(otherTopics, 1);
    Path pgDir = dataDir.resolve("external-pg");
    int pgPort = freePort();
    EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgDir, pgPort);
    String jdbcUrl = pg.jdbcUrl();
    try (SinkApp other = SinkApp.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "it2.",
        "WAAROM_SINK_PORT", "0",
        "WAAROM_JDBC_URL", jdbcUrl,
        "WAAROM_SINK_RETRY_BACKOFF_MAX", "1s"))) {
      assertThat(other.jdbcUrl()).isEqualTo(jdbcUrl);
      await().atMost(WAIT).until(() -> get(other.port(), "/ready").statusCode() == 200);

      pg.close();
      Instant down = Instant.now();
      Insight whileDown = Fixtures.spike("stored-after-outage", Fixtures.T0, 12, 10.0);
      broker.produce(otherTopics.insights, Map.of(whileDown.getInsightId(), whileDown));
      await().atMost(WAIT).untilAsserted(() -> assertThat(get(other.port(), "/metrics").body())
          .containsPattern("waarom_sink_batch_failures_total [1-9]"));
      // the batch is rewound, not committed: this instance reports it is one record behind
      await().atMost(WAIT).untilAsserted(() -> assertThat(get(other.port(), "/metrics").body())
          .contains("waarom_sink_consumer_lag{partition=\"0\",topic=\"it2.insights\"} 1.0"));
      assertThat(get(other.port(), "/ready").statusCode()).isEqualTo(503);
      assertThat(get(other.port(), "/healthy").statusCode()).isEqualTo(200);
      assertThat(get(other.port(), "/api/backlog").statusCode()).isEqualTo(503);
      // PostgreSQL stays away for a full minute: the sink keeps reporting not ready and keeps
      // its offsets (still one record behind) the whole time, without giving up or crashing
      Duration left = Duration.ofMinutes(1).minus(Duration.between(down, Instant.now()));
      if (left.isPositive()) {
        await().during(left).atMost(left.plusSeconds(30)).pollInterval(Duration.ofSeconds(3))
            .until(() -> get(other.port(), "/ready").statusCode() == 503
                && get(other.port(), "/healthy").statusCode() == 200
                && get(other.port(), "/metrics").body().contains(
                    "waarom_sink_consumer_lag{partition=\"0\",topic=\"it2.insights\"} 1.0"));
      }

      pg = EmbeddedPostgresServer.start(pgDir, pgPort);
      await().atMost(WAIT).until(() -> !query(jdbcUrl,
          "SELECT 1 FROM backlog_items WHERE reason_id = 'stored-after-outage'").isEmpty());
      await().atMost(WAIT).until(() -> get(other.port(), "/ready").statusCode() == 200);
      await().atMost(WAIT).untilAsserted(() -> assertThat(get(other.port(), "/metrics").body())
          .contains("waarom_sink_consumer_lag{partition=\"0\",topic=\"it2.insights\"} 0.0"));
    } finally {
      pg.close();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static Map<String, ReasonTrend> trends(ReasonTrend... trends) {
    Map<String, ReasonTrend> byKey = new LinkedHashMap<>();
    for (ReasonTrend t : trends) {
      byKey.put(Fixtures.trendKey(t), t);
    }
    return byKey;
  }

  private static JsonNode find(JsonNode items, String itemId) {
    for (JsonNode item : items) {
      if (itemId.equals(item.path("itemId").asText())) {
        return item;
      }
    }
    throw new AssertionError(itemId + " not in " + items);
  }

  private static DeadLetter deadLetterWithKey(String key) {
    try (KafkaConsumer<String, DeadLetter> dlq = broker.consumer(TOPICS.deadLetters)) {
      List<ConsumerRecord<String, DeadLetter>> seen = new ArrayList<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        seen.addAll(KafkaBroker.pollAtLeast(dlq, 1, Duration.ofSeconds(2)));
        for (ConsumerRecord<String, DeadLetter> r : seen) {
          if (key.equals(r.key())) {
            return r.value();
          }
        }
      }
      throw new AssertionError("no dead letter with key " + key + " in " + seen);
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return get(app.port(), path);
  }

  static HttpResponse<String> get(int port, String path) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(10)).GET().build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static List<String> query(String sql) throws SQLException {
    return query(app.jdbcUrl(), sql);
  }

  private static List<String> query(String jdbcUrl, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
