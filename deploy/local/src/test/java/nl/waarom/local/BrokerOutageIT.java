package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.local.kafka.EmbeddedKafka;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kafka broker stops for 30 s in the middle of a stream of contacts and starts again on the
 * same data folder and ports, while gateway, analyzer and sink keep running (nothing is
 * restarted): a webhook platform keeps POSTing and re-sends each contact until it gets a 202.
 * While the broker is down the gateway answers 503, quickly, to the contacts and to {@code
 * /ready}, and accepts nothing; afterwards the platform's retries succeed, every service is ready
 * again by itself, and in the end every contact is classified once and counted once in the
 * trends and in the explained share (in Kafka and in the sink's PostgreSQL), although some were
 * delivered twice: the copies in the contact topics are what the analyzer counts as duplicates.
 *
 * <p>The services run in this JVM against an {@link EmbeddedKafka} of the test's own, as in
 * {@link LocalStack}, so the test can stop the broker alone; {@link LocalStack} has no such seam.
 */
class BrokerOutageIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final Duration OUTAGE = Duration.ofSeconds(30);
  /** Short, so a request refused while the broker is down is answered within seconds. */
  private static final Duration PRODUCE_TIMEOUT = Duration.ofSeconds(5);
  private static final int CONTACTS = 120;
  /** The broker stops once this many contacts were accepted: the middle of the stream. */
  private static final int STOP_AFTER = 50;
  /** Every this many contacts one is POSTed again after its 202, as after a lost answer. */
  private static final int RESEND_EVERY = 20;
  /** The client's API key; the gateway is given only its hash. */
  private static final String API_KEY = ApiKey.generate();
  private static final Duration PACE = Duration.ofMillis(60);
  private static final List<String> TEXTS = List.of(
      "Mijn betaling is mislukt maar het geld is wel afgeschreven.",
      "My payment failed but the money was taken from my account.",
      "Waar blijft mijn pakket? Het zou gisteren bezorgd worden.",
      "Where is my parcel? It was supposed to arrive yesterday.",
      "De betaallink in jullie mail van vanochtend werkt niet.");
  private static final List<String> CHANNELS = List.of("CHAT", "EMAIL", "CALL");

  @TempDir Path dataDir;
  /** What runs, latest started first, so that {@link #stopAll()} stops in reverse order. */
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private EmbeddedKafka broker;

  @AfterEach
  void stopAll() throws Exception {
    while (!running.isEmpty()) {
      running.pop().close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aBrokerDownForThirtySecondsMidStreamLosesNothingAndCountsNothingTwice() throws Exception {
    Path kafkaDir = dataDir.resolve("kafka");
    int kafkaPort = StackProcess.freePort();
    int controllerPort = StackProcess.freePort();
    broker = EmbeddedKafka.start(kafkaDir, kafkaPort, controllerPort);
    Map<String, String> env = servicesEnv(broker.bootstrapServers());
    AnalyzerApp analyzer = started(AnalyzerApp.start(env));
    SinkApp sink = started(SinkApp.start(env));
    Gateway gateway = started(Gateway.start(env));
    URI gatewayUri = URI.create("http://localhost:" + gateway.port());
    URI analyzerUri = URI.create("http://localhost:" + analyzer.port());
    URI sinkUri = URI.create("http://localhost:" + sink.port());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .until(() -> ready(gatewayUri) == 200 && ready(analyzerUri) == 200
            && ready(sinkUri) == 200);

    List<ObjectNode> contacts = contacts(Instant.now());
    RetryingClient client = started(RetryingClient.start(gatewayUri, API_KEY, contacts, PACE,
        RESEND_EVERY));
    await().atMost(Duration.ofSeconds(60)).until(() -> client.accepted() >= STOP_AFTER);

    long stoppedAt = System.nanoTime();
    broker.close();
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .alias("the gateway's /ready notices the broker is gone")
        .until(() -> ready(gatewayUri) == 503);
    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
        .alias("a contact is answered 503").until(() -> client.answered(503) > 0);
    int acceptedWhileDown = client.accepted();
    // The deliberate part: the broker stays down for the whole outage, whatever the test sees.
    Thread.sleep(Math.max(0, OUTAGE.toMillis() - Duration.ofNanos(System.nanoTime() - stoppedAt)
        .toMillis()));
    assertThat(client.accepted()).as("nothing is accepted while the broker is down")
        .isEqualTo(acceptedWhileDown);
    assertThat(acceptedWhileDown).as("the broker stopped in the middle of the stream")
        .isLessThan(CONTACTS);
    assertThat(ready(gatewayUri)).as("/ready of the gateway at the end of the outage")
        .isEqualTo(503);
    assertThat(client.slowestRefusal()).as("a refused request is answered within its timeout")
        .isLessThan(PRODUCE_TIMEOUT.plusSeconds(5));
    // Not asserted: neither needs Kafka to answer what it serves (the analyzer's /ready is its
    // Streams state, which a short outage need not change; the sink's board reads PostgreSQL).
    System.out.printf("/ready at the end of the outage: analyzer %d, sink %d%n",
        ready(analyzerUri), ready(sinkUri));

    broker = EmbeddedKafka.start(kafkaDir, kafkaPort, controllerPort);
    long restartedAt = System.nanoTime();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
        .alias("the client's retries succeed and it sends the rest").until(client::done);
    System.out.printf("broker stopped %d s before its restart completed; all %d contacts "
            + "accepted %d s after it; answers %s; slowest refusal %s%n",
        Duration.ofNanos(restartedAt - stoppedAt).toSeconds(), CONTACTS,
        Duration.ofNanos(System.nanoTime() - restartedAt).toSeconds(), client.answers(),
        client.slowestRefusal());
    assertThat(client.answered(503)).isPositive();
    assertThat(client.answered(RetryingClient.NO_ANSWER)).as("requests left without an answer")
        .isZero();
    assertThat(metric(gatewayUri, "waarom_gateway_requests_rejected_total",
        "reason=\"kafka_unavailable\"")).as("refusals the gateway counted")
        .isEqualTo(client.answered(503));
    assertThat(client.resent()).isEqualTo(CONTACTS / RESEND_EVERY);

    // Every contact classified exactly once, and none besides.
    Map<String, ClassifiedContact> classified = classifiedOnce(broker.bootstrapServers(),
        contacts.size());
    assertThat(classified.keySet()).containsExactlyInAnyOrderElementsOf(
        contacts.stream().map(c -> c.get("contactId").asText()).toList());
    Map<String, Long> byReason = classified.values().stream()
        .collect(Collectors.groupingBy(TrendKeys::primaryReason, TreeMap::new,
            Collectors.counting()));
    assertThat(byReason).as("the texts are about payments and parcels")
        .containsKeys("payment-problem", "delivery-status");

    // Counted once: the sink's trends and explained share, in windows of every size.
    String jdbcUrl = sink.jdbcUrl();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .alias("the sink's trends reach every contact")
        .until(() -> trendTotal(jdbcUrl, 1) >= CONTACTS && trendTotal(jdbcUrl, 60) >= CONTACTS
            && sharedTotal(jdbcUrl, 1) >= CONTACTS && sharedTotal(jdbcUrl, 60) >= CONTACTS);
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .alias("and stay at exactly every contact once").untilAsserted(() -> {
          for (int minutes : new int[] {1, 15, 60}) {
            assertThat(trendTotal(jdbcUrl, minutes)).as("trends, %d-minute windows", minutes)
                .isEqualTo(CONTACTS);
            assertThat(sharedTotal(jdbcUrl, minutes)).as("explained share, %d-minute windows",
                minutes).isEqualTo(CONTACTS);
          }
          assertThat(trendsByReason(jdbcUrl)).isEqualTo(byReason);
        });

    // The copies that reached the contact topics (resent after a 202, or stored although the
    // answer was 503) are exactly what the analyzer dropped as duplicates.
    long copies = contactRecords(broker.bootstrapServers()) - CONTACTS;
    double duplicates = metric(analyzerUri, "waarom_analyzer_contacts_duplicate_total", "");
    System.out.printf("copies in the contact topics %d, analyzer duplicates %.0f%n", copies,
        duplicates);
    assertThat(copies).isGreaterThanOrEqualTo(client.resent());
    // The metric is not transactional: a copy dropped in a transaction that was aborted and
    // processed again counts again, so it may exceed the copies, never fall short.
    assertThat(duplicates).isGreaterThanOrEqualTo(copies);

    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .alias("every service is ready again without a restart")
        .untilAsserted(() -> {
          assertThat(ready(gatewayUri)).as("gateway").isEqualTo(200);
          assertThat(ready(analyzerUri)).as("analyzer").isEqualTo(200);
          assertThat(ready(sinkUri)).as("sink").isEqualTo(200);
        });
  }

  private <T extends AutoCloseable> T started(T service) {
    running.push(service);
    return service;
  }

  /** What {@link LocalStack} gives its services, with short timeouts so the test waits little. */
  private Map<String, String> servicesEnv(String bootstrapServers) {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
    env.put("WAAROM_GATEWAY_PORT", "0");
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_SINK_PORT", "0");
    env.put("WAAROM_PG_PORT", "0");
    env.put("WAAROM_GATEWAY_PRODUCE_TIMEOUT", PRODUCE_TIMEOUT.toSeconds() + "s");
    env.put("WAAROM_GATEWAY_API_KEYS",
        ApiKey.of("outage-client", API_KEY, RateLimit.UNLIMITED).settingEntry());
    // the analyzer holds each contact this long; the last ones are released once it is idle
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
    env.put("WAAROM_ANALYZER_IDLE_TIMEOUT", "3s");
    env.put("WAAROM_KAFKA_SESSION_TIMEOUT", "10s");
    return env;
  }

  /**
   * {@value #CONTACTS} contacts from distinct customers (so none is a repeat), about payments
   * and parcels on three channels, each occurring up to a minute before it would be sent without
   * an outage: those held up by the outage reach Kafka half a minute after they occurred, as the
   * backlog of a real platform does, and are still counted in their own windows.
   */
  private static List<ObjectNode> contacts(Instant start) {
    List<ObjectNode> contacts = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      String channel = CHANNELS.get(i % CHANNELS.size());
      Instant at = start.plus(PACE.multipliedBy(i)).minusSeconds(15L * (i % 5));
      ObjectNode c = StackProcess.contact("outage-" + i, at, TEXTS.get(i % TEXTS.size()));
      c.put("channel", channel);
      c.put("talkMillis", 180_000);
      contacts.add(c);
    }
    return contacts;
  }

  /**
   * Reads {@code contacts.classified} (read_committed) until {@code expected} contacts were seen,
   * then a few seconds more; fails when a contact is there twice (as a first classification:
   * {@code repeatOf} null).
   */
  private static Map<String, ClassifiedContact> classifiedOnce(String bootstrap, int expected)
      throws InterruptedException {
    Map<String, ClassifiedContact> seen = new HashMap<>();
    List<String> twice = new ArrayList<>();
    try (KafkaConsumer<String, ClassifiedContact> consumer =
        KafkaBroker.consumer(bootstrap, Topics.defaults().classified)) {
      Runnable poll = () -> {
        for (ConsumerRecord<String, ClassifiedContact> r : consumer.poll(Duration.ofMillis(300))) {
          if (r.value().getRepeatOf() == null && seen.put(r.key(), r.value()) != null) {
            twice.add(r.key());
          }
        }
      };
      await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO)
          .alias("every contact classified").until(() -> {
            poll.run();
            return seen.size() >= expected;
          });
      long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
      while (System.nanoTime() < until) {
        poll.run();
      }
    }
    assertThat(twice).as("contacts classified twice").isEmpty();
    return seen;
  }

  /** How many records the three contact topics hold, copies included. */
  private static long contactRecords(String bootstrap) {
    Topics topics = Topics.defaults();
    long records = 0;
    for (Topic<String, Contact> topic : List.of(topics.contactsChat, topics.contactsCall,
        topics.contactsEmail)) {
      records += recordsIn(bootstrap, topic);
    }
    return records;
  }

  private static long recordsIn(String bootstrap, Topic<String, Contact> topic) {
    try (KafkaConsumer<String, Contact> consumer = KafkaBroker.consumer(bootstrap, topic)) {
      long[] n = {0};
      Function<Duration, Integer> poll = d -> consumer.poll(d).count();
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        n[0] += poll.apply(Duration.ofMillis(300));
        return !consumer.assignment().isEmpty()
            && consumer.endOffsets(consumer.assignment()).entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
      });
      return n[0];
    }
  }

  private static long trendTotal(String jdbcUrl, int windowMinutes) throws SQLException {
    return sum(jdbcUrl, "SELECT coalesce(sum(count), 0) FROM reason_trends WHERE window_minutes = "
        + windowMinutes);
  }

  private static long sharedTotal(String jdbcUrl, int windowMinutes) throws SQLException {
    return sum(jdbcUrl, "SELECT coalesce(sum(total), 0) FROM explained_share "
        + "WHERE window_minutes = " + windowMinutes);
  }

  private static long sum(String jdbcUrl, String sql) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The sink's 1-minute trend counts per reason (primary reason, or unexplained). */
  private static Map<String, Long> trendsByReason(String jdbcUrl) throws SQLException {
    Map<String, Long> counts = new TreeMap<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery("SELECT reason_id, sum(count) "
            + "FROM reason_trends WHERE window_minutes = 1 GROUP BY reason_id")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  /**
   * The sum of a Prometheus counter on {@code service}'s /metrics over its series whose tags
   * contain {@code tag} (empty: all).
   */
  private static double metric(URI service, String name, String tag)
      throws IOException, InterruptedException {
    String text = HTTP.send(HttpRequest.newBuilder(service.resolve("/metrics")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return text.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
        .filter(l -> l.contains(tag))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  /** Status of {@code service}'s /ready; 0 when it does not answer. */
  private static int ready(URI service) {
    return StackProcess.status(service.getPort(), "/ready");
  }
}
