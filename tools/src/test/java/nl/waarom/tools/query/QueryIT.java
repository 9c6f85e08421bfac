package nl.waarom.tools.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.SignalKind;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The query commands against a real broker: known insights, trend windows and classified contacts
 * written as the analyzer writes them (the topics' own serde, in transactions, each record stamped
 * with its event time, on two partitions), then read back filtered, as a table, CSV and JSON
 * lines, as the latest record per key or every record, and followed while a new record arrives.
 */
class QueryIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Topics TOPICS = Topics.withPrefix("query-it.");
  private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant T10 = Instant.parse("2026-03-02T10:00:00Z");
  private static KafkaBroker broker;
  private static Map<String, String> env;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 2);
    env = Map.of("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix());
    // before --since by more than the seek margin: a query with --since never reads it
    sendRaw(TOPICS.insights, "not-an-insight", "garbage".getBytes(StandardCharsets.UTF_8),
        Instant.parse("2026-02-10T00:00:00Z"));
    send(TOPICS.insights, List.of(
        insight("spike|login-problem", InsightKind.SPIKE, "login-problem",
            Instant.parse("2026-02-20T09:00:00Z"), List.of(Channel.CHAT), 80.0,
            "login-problem: 9 contacts, expected 2"),
        insight("spike|payment-problem", InsightKind.SPIKE, "payment-problem", T10,
            List.of(Channel.CHAT, Channel.EMAIL), 1234.5,
            "payment-problem: 40 contacts, expected 10, \"betaallink\" in 31"),
        insight("emerging|parkeren", InsightKind.EMERGING_REASON, null,
            T10.plusSeconds(1800), List.of(Channel.EMAIL), null,
            "Possible new reason 'parkeren vergunning': 12 unexplained contacts"),
        insight("repeat|delivery-late", InsightKind.REPEAT_HOTSPOT, "delivery-late",
            Instant.parse("2026-03-03T08:00:00Z"), List.of(Channel.CALL), 310.0,
            "delivery-late: 30% of contacts repeated within 7 days"),
        // re-delivered: the same insight again, one row
        insight("spike|payment-problem", InsightKind.SPIKE, "payment-problem", T10,
            List.of(Channel.CHAT, Channel.EMAIL), 1234.5,
            "payment-problem: 40 contacts, expected 10, \"betaallink\" in 31")));
    send(TOPICS.reasonTrends, List.of(
        trend("payment-problem", Channel.CHAT, 60, T10, 3, 0),
        trend("payment-problem", Channel.CHAT, 1, T10, 1, 0),
        trend("payment-problem", Channel.EMAIL, 60, T10, 2, 0),
        trend("payment-problem", Channel.CHAT, 60, T10, 5, 1), // supersedes the count of 3
        trend("delivery-late", Channel.CALL, 60, T10.plusSeconds(3600), 4, 2),
        trend("payment-problem", Channel.CHAT, 60, Instant.parse("2026-02-27T10:00:00Z"), 7,
            0)));
    send(TOPICS.classified, List.of(
        contact("mail-0", Channel.EMAIL, T10.minusSeconds(600), "payment-problem", 0.91,
            "de betaallink werkt niet"),
        contact("chat-1", Channel.CHAT, T10.plusSeconds(60), "payment-problem", 0.84,
            "link doet het nog steeds niet"),
        contact("call-2", Channel.CALL, T10.plusSeconds(300), null, 0, "ik bel over, eh"),
        contact("chat-3", Channel.CHAT, Instant.parse("2026-02-27T10:00:00Z"), "delivery-late",
            0.7, "waar blijft mijn pakket")));
    // the repeat ledger's verdict, once the ordering released chat-1
    send(TOPICS.classified, List.of(ClassifiedContact.newBuilder(
        contact("chat-1", Channel.CHAT, T10.plusSeconds(60), "payment-problem", 0.84,
            "link doet het nog steeds niet")).setRepeatOf("mail-0")
        .setRepeatOfOccurredAt(T10.minusSeconds(600)).setRepeatOfChannel(Channel.EMAIL).build()));
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void insightsAsATableSelectedByTimeKindAndChannel() {
    Run all = query(Query.INSIGHTS, new QueryFilter(MARCH_1, null, Set.of(), Set.of(),
        Set.of(), null), OutputFormat.TABLE);
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(all.err()).as("the record before --since is never read").isEmpty();
    assertThat(all.lines()).containsExactly(
        "detected_at           kind             reason_id               count   baseline  "
            + "channels          estimated_cost  summary",
        "2026-03-02T10:00:00Z  SPIKE            payment-problem         40      10.0      "
            + "CHAT,EMAIL        1235            payment-problem: 40 contacts, expected 10, "
            + "\"betaallink\" in 31",
        "2026-03-02T10:30:00Z  EMERGING_REASON  -                       40      10.0      "
            + "EMAIL             -               Possible new reason 'parkeren vergunning': 12 "
            + "unexplained contacts",
        "2026-03-03T08:00:00Z  REPEAT_HOTSPOT   delivery-late           40      10.0      "
            + "CALL              310             delivery-late: 30% of contacts repeated within "
            + "7 days",
        "3 insights");

    Run spikesOnChat = query(Query.INSIGHTS, new QueryFilter(MARCH_1,
        Instant.parse("2026-03-03T00:00:00Z"), Set.of(), Set.of(Channel.CHAT),
        Set.of(InsightKind.SPIKE, InsightKind.EMERGING_REASON), null), OutputFormat.TABLE);
    assertThat(spikesOnChat.lines()).hasSize(3).last().isEqualTo("1 insight");
    assertThat(spikesOnChat.lines().get(1)).contains("payment-problem");

    Run everything = query(Query.INSIGHTS, QueryFilter.all(), OutputFormat.TABLE);
    assertThat(everything.code()).isZero();
    assertThat(everything.lines()).last().isEqualTo("4 insights");
    assertThat(everything.err()).as("without --since the whole topic is read")
        .contains("skipped record", "skipped 1 record that could not be decoded");
  }

  @Test
  void insightsAsCsvWithEveryColumn() {
    Run csv = query(Query.INSIGHTS, new QueryFilter(MARCH_1, null, Set.of("payment-problem"),
        Set.of(), Set.of(), null), OutputFormat.CSV);
    assertThat(csv.code()).as(csv.err()).isZero();
    assertThat(csv.lines()).containsExactly(
        "detected_at,kind,reason_id,count,baseline,channels,estimated_cost,summary,insight_id,"
            + "reason_name,candidate_terms,window_start,window_end,weekly_volume,"
            + "avg_handle_minutes,cost_per_minute,preventability,repeat_rate,score,growth_rate,"
            + "excess_contacts,episode_cost,excess_per_hour",
        "2026-03-02T10:00:00Z,SPIKE,payment-problem,40,10,\"CHAT,EMAIL\",1234.5,"
            + "\"payment-problem: 40 contacts, expected 10, \"\"betaallink\"\" in 31\","
            + "spike|payment-problem,Payment problem,\"betaallink,link\",2026-03-02T09:00:00Z,"
            + "2026-03-02T10:00:00Z,420,3.5,0.84,,0.25,12.75,,,,");
  }

  @Test
  void insightsAsJsonLinesCarryTheWholeRecord() throws Exception {
    Run jsonl = query(Query.INSIGHTS, new QueryFilter(MARCH_1, null, Set.of(), Set.of(),
        Set.of(InsightKind.SPIKE, InsightKind.EMERGING_REASON), null), OutputFormat.JSONL);
    assertThat(jsonl.code()).as(jsonl.err()).isZero();
    assertThat(jsonl.lines()).hasSize(2);
    JsonNode spike = JSON.readTree(jsonl.lines().get(0));
    assertThat(spike.get("insightId").asText()).isEqualTo("spike|payment-problem");
    assertThat(spike.get("kind").asText()).isEqualTo("SPIKE");
    assertThat(spike.get("detectedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
    assertThat(spike.get("channels").toString()).isEqualTo("[\"CHAT\",\"EMAIL\"]");
    assertThat(spike.get("estimatedCost").asDouble()).isEqualTo(1234.5);
    assertThat(spike.get("preventability").isNull()).isTrue();
    assertThat(spike.at("/signals/0").toString()).isEqualTo("{\"kind\":\"TERM\",\"name\":"
        + "\"term\",\"value\":\"betaallink\",\"count\":31,\"share\":0.775,"
        + "\"backgroundShare\":0.01,\"score\":88.5}");
    assertThat(spike.at("/examples/0/contactId").asText()).isEqualTo("chat-1");
    JsonNode emerging = JSON.readTree(jsonl.lines().get(1));
    assertThat(emerging.get("reasonId").isNull()).isTrue();
    assertThat(emerging.get("estimatedCost").isNull()).isTrue();
    assertThat(emerging.get("kind").asText()).isEqualTo("EMERGING_REASON");
  }

  @Test
  void trendsShowTheLatestCountOfEachWindowOrEveryUpdate() {
    QueryFilter hourly = new QueryFilter(MARCH_1, null, Set.of(), Set.of(), Set.of(), 60);
    Run latest = query(Query.TRENDS, hourly, OutputFormat.TABLE);
    assertThat(latest.code()).as(latest.err()).isZero();
    assertThat(latest.lines()).containsExactly(
        "window_start          minutes  reason_id                 channel  count   baseline  "
            + "deviation  avg_handle_s  repeats  repeats_complete",
        "2026-03-02T10:00:00Z  60       payment-problem           CHAT     5       4.0       "
            + "1.25       90            1        false",
        "2026-03-02T10:00:00Z  60       payment-problem           EMAIL    2       4.0       "
            + "0.50       90            0        false",
        "2026-03-02T11:00:00Z  60       delivery-late             CALL     4       4.0       "
            + "1.00       90            2        false",
        "3 trend windows");

    Run every = query(Query.TRENDS, hourly, OutputFormat.CSV, false, true);
    assertThat(every.lines().stream().map(l -> l.split(",", 6)).map(c -> c[2] + "|" + c[3]
        + "|" + c[4]).toList()).containsExactly("reason_id|channel|count",
        "payment-problem|CHAT|3", "payment-problem|CHAT|5", "payment-problem|EMAIL|2",
        "delivery-late|CALL|4");

    Run minutes = query(Query.TRENDS, new QueryFilter(null, null, Set.of("payment-problem"),
        Set.of(Channel.CHAT), Set.of(), 1), OutputFormat.CSV);
    assertThat(minutes.lines()).hasSize(2);
    assertThat(minutes.lines().get(1)).startsWith("2026-03-02T10:00:00Z,1,payment-problem,CHAT,1,");
  }

  @Test
  void contactsShowEachContactOnceWithItsRepeatVerdict() {
    QueryFilter recent = new QueryFilter(MARCH_1, null, Set.of(), Set.of(), Set.of(), null);
    Run table = query(Query.CONTACTS, recent, OutputFormat.TABLE);
    assertThat(table.code()).as(table.err()).isZero();
    assertThat(table.lines()).containsExactly(
        "occurred_at           contact_id        channel  reason_id               confidence  "
            + "repeat_of         snippet",
        "2026-03-02T09:50:00Z  mail-0            EMAIL    payment-problem         0.91        "
            + "-                 de betaallink werkt niet",
        "2026-03-02T10:01:00Z  chat-1            CHAT     payment-problem         0.84        "
            + "mail-0            link doet het nog steeds niet",
        "2026-03-02T10:05:00Z  call-2            CALL     unexplained             -           "
            + "-                 ik bel over, eh",
        "3 contacts");

    Run every = query(Query.CONTACTS, recent, OutputFormat.CSV, false, true);
    assertThat(every.lines().stream().skip(1).map(l -> l.split(",")[1] + ":"
        + l.split(",")[5]).toList())
        .containsExactly("mail-0:", "chat-1:", "chat-1:mail-0", "call-2:");

    Run unexplained = query(Query.CONTACTS, new QueryFilter(null, null, Set.of("unexplained"),
        Set.of(), Set.of(), null), OutputFormat.CSV);
    assertThat(unexplained.lines()).hasSize(2);
    assertThat(unexplained.lines().get(1)).startsWith("2026-03-02T10:05:00Z,call-2,CALL,"
        + "unexplained,,,\"ik bel over, eh\",,,");
  }

  @Test
  void followPrintsARecordProducedAfterTheStart() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    AtomicBoolean stop = new AtomicBoolean();
    QueryOptions options = new QueryOptions(Query.INSIGHTS, new QueryFilter(MARCH_1, null,
        Set.of("billing-error"), Set.of(), Set.of(), null), OutputFormat.CSV, true, false);
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> QueryMain.run(
        options, env, print(out), print(err), stop::get));
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> running.isDone()
          || err.toString(StandardCharsets.UTF_8).contains("following query-it.insights"));
      assertThat(running).as(err.toString(StandardCharsets.UTF_8)).isNotDone();
      assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(1); // the header only

      send(TOPICS.insights, List.of(insight("spike|billing-error", InsightKind.SPIKE,
          "billing-error", Instant.parse("2026-03-04T12:00:00Z"), List.of(Channel.CALL), 55.0,
          "billing-error: 12 contacts, expected 3")));

      await().atMost(Duration.ofSeconds(30)).until(() -> out.toString(StandardCharsets.UTF_8)
          .lines().count() == 2);
      assertThat(out.toString(StandardCharsets.UTF_8).lines().toList().get(1))
          .startsWith("2026-03-04T12:00:00Z,SPIKE,billing-error,40,10,CALL,55,");
    } finally {
      stop.set(true);
    }
    assertThat(running.join()).as(err.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void aMissingTopicOrBadSettingIsReported() {
    Run missing = run(new QueryOptions(Query.CONTACTS, QueryFilter.all(), OutputFormat.TABLE,
        false, false), Map.of("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "nobody."));
    assertThat(missing.code()).isEqualTo(QueryMain.FAILED);
    assertThat(missing.err()).contains("contacts failed: topic nobody.contacts.classified does "
        + "not exist");
    Run bad = run(new QueryOptions(Query.CONTACTS, QueryFilter.all(), OutputFormat.TABLE,
        false, false), Map.of("WAAROM_TOPIC_PREFIX", "no spaces"));
    assertThat(bad.code()).isEqualTo(QueryMain.BAD_CONFIGURATION);
    assertThat(bad.err()).contains("WAAROM_TOPIC_PREFIX");
    assertThat(bad.out()).isEmpty();
  }

  // ---- running a query ----

  private record Run(int code, String out, String err) {
    List<String> lines() {
      return out.lines().toList();
    }
  }

  private static Run query(Query query, QueryFilter filter, OutputFormat format) {
    return query(query, filter, format, false, false);
  }

  private static Run query(Query query, QueryFilter filter, OutputFormat format, boolean follow,
      boolean everyRecord) {
    return run(new QueryOptions(query, filter, format, follow, everyRecord), env);
  }

  private static Run run(QueryOptions options, Map<String, String> env) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = QueryMain.run(options, env, print(out), print(err), () -> true);
    return new Run(code, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  // ---- the records, as the analyzer writes them ----

  private static Insight insight(String id, InsightKind kind, String reasonId, Instant detected,
      List<Channel> channels, Double cost, String summary) {
    return Insight.newBuilder().setInsightId(id).setKind(kind).setReasonId(reasonId)
        .setReasonName(reasonId == null ? "parkeren vergunning" : "Payment problem")
        .setCandidateTerms(List.of("betaallink", "link"))
        .setWindowStart(detected.minusSeconds(3600)).setWindowEnd(detected)
        .setCount(40).setBaseline(10.0).setChannels(channels)
        .setExamples(List.of(new nl.waarom.schemas.InsightExample("chat-1", "de link werkt niet")))
        .setEstimatedCost(cost).setDetectedAt(detected).setSummary(summary)
        .setSignals(List.of(new InsightSignal(SignalKind.TERM, "term", "betaallink", 31L, 0.775,
            0.01, 88.5)))
        .setWeeklyVolume(cost == null ? null : 420.0).setAvgHandleMinutes(cost == null ? null
            : 3.5).setCostPerMinute(cost == null ? null : 0.84).setRepeatRate(0.25)
        .setScore(12.75).build();
  }

  private static ReasonTrend trend(String reasonId, Channel channel, int minutes, Instant start,
      long count, long repeats) {
    return ReasonTrend.newBuilder().setReasonId(reasonId).setChannel(channel)
        .setWindowMinutes(minutes).setWindowStart(start)
        .setWindowEnd(start.plusSeconds(60L * minutes)).setCount(count)
        .setHandleCount(count).setHandleMillisTotal(count * 90_000).setBaseline(4.0)
        .setDeviation(count / 4.0).setRepeatCount(repeats).build();
  }

  private static ClassifiedContact contact(String id, Channel channel, Instant at,
      String reasonId, double confidence, String snippet) {
    return ClassifiedContact.newBuilder().setContactId(id).setChannel(channel)
        .setOccurredAt(at).setTaxonomyVersion("2026.1").setCustomerKey("cust-" + id.length())
        .setReasons(reasonId == null ? List.of() : List.of(new ReasonMatch(reasonId, confidence,
            ReasonSource.RULE, List.of())))
        .setUnexplained(reasonId == null).setSnippet(snippet).setLanguage("nl").build();
  }

  /** In one transaction, each record stamped with the time the query selects on. */
  private static <V extends org.apache.avro.specific.SpecificRecord> void send(
      Topic<String, V> topic, List<V> records) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.initTransactions();
      producer.beginTransaction();
      for (V v : records) {
        producer.send(new ProducerRecord<>(topic.name(), null, stamp(v).toEpochMilli(),
            key(v).getBytes(StandardCharsets.UTF_8),
            topic.valueSerde().serializer().serialize(topic.name(), v)));
      }
      producer.commitTransaction();
    }
  }

  private static void sendRaw(Topic<String, ?> topic, String key, byte[] value, Instant at) {
    try (KafkaProducer<byte[], byte[]> producer = producer()) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>(topic.name(), null, at.toEpochMilli(),
          key.getBytes(StandardCharsets.UTF_8), value));
      producer.commitTransaction();
    }
  }

  private static KafkaProducer<byte[], byte[]> producer() {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "query-it-" + System.nanoTime());
    return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
  }

  private static Instant stamp(Object v) {
    return switch (v) {
      case Insight i -> i.getDetectedAt();
      case ReasonTrend t -> t.getWindowStart().plusSeconds(30);
      case ClassifiedContact c -> c.getOccurredAt();
      default -> throw new IllegalArgumentException(v.toString());
    };
  }

  private static String key(Object v) {
    return switch (v) {
      case Insight i -> i.getInsightId();
      case ReasonTrend t -> t.getReasonId() + "|" + t.getChannel() + "|" + t.getWindowMinutes()
          + "|" + t.getWindowStart();
      case ClassifiedContact c -> c.getContactId();
      default -> throw new IllegalArgumentException(v.toString());
    };
  }
}
