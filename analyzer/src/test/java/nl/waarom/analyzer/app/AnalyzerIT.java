package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyzer against a real broker with exactly-once processing. */
class AnalyzerIT {
  private static final List<String> TEXTS = List.of("storing", "ik ga verhuizen",
      "where is my parcel", "hallo");
  private static final List<String> REASONS = List.of("outage", "moving-house",
      "delivery-status", "unexplained");
  private static final List<Channel> CHANNELS = List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL);
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static KafkaBroker broker;

  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Map<String, String> env(String prefix) {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", prefix);
    env.put("WAAROM_ANALYZER_APPLICATION_ID", "analyzer-it-" + prefix.replace(".", ""));
    env.put("WAAROM_ANALYZER_STATE_DIR", stateDir.toString());
    env.put("WAAROM_ANALYZER_PORT", "0");
    // Contacts are produced in event-time order here; a short tolerance keeps the wait for the
    // ordering's release (quiet for the idle timeout plus the tolerance) short.
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
    return env;
  }

  private static AnalyzerApp startAndAwaitRunning(Map<String, String> env) {
    AnalyzerApp app = AnalyzerApp.start(env);
    await().atMost(WAIT).until(app::isRunning);
    return app;
  }

  /** Contacts {@code from..to-1}, cycling through reasons and channels, one second apart. */
  private static List<Contact> contacts(Instant base, int from, int to) {
    List<Contact> contacts = new ArrayList<>();
    for (int i = from; i < to; i++) {
      contacts.add(customerSays("c" + i, CHANNELS.get(i % 3), base.plusSeconds(i),
          TEXTS.get(i % 4)));
    }
    return contacts;
  }

  private static void produce(Topics topics, List<Contact> contacts) {
    for (Channel channel : CHANNELS) {
      Map<String, Contact> records = new LinkedHashMap<>();
      contacts.stream().filter(c -> c.getChannel() == channel)
          .forEach(c -> records.put(c.getContactId(), c));
      broker.produce(topics.contactsFor(channel), records);
    }
  }

  /** reasonId|channel|1|windowStart -> count of the minute windows the analyzer should end with. */
  private static Map<String, Long> expectedTrends(List<Contact> contacts) {
    return contacts.stream().collect(Collectors.groupingBy(c -> {
      int i = Integer.parseInt(c.getContactId().substring(1));
      return REASONS.get(i % 4) + "|" + c.getChannel() + "|1|"
          + c.getOccurredAt().truncatedTo(ChronoUnit.MINUTES);
    }, TreeMap::new, Collectors.counting()));
  }

  /**
   * Reads the trends topic until the latest counts of the minute windows add up to {@code total},
   * then a bit longer.
   */
  private static Map<String, Long> latestTrends(Topics topics, long total) {
    Map<String, Long> latest = new TreeMap<>();
    try (KafkaConsumer<String, ReasonTrend> consumer = broker.consumer(topics.reasonTrends)) {
      await().atMost(WAIT).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> putMinute(latest, r));
        return latest.values().stream().mapToLong(Long::longValue).sum() >= total;
      });
      KafkaBroker.pollAtLeast(consumer, Integer.MAX_VALUE, Duration.ofSeconds(2))
          .forEach(r -> putMinute(latest, r));
    }
    return latest;
  }

  private static void putMinute(Map<String, Long> latest, ConsumerRecord<String, ReasonTrend> r) {
    if (r.value().getWindowMinutes() == 1) {
      latest.put(r.key(), r.value().getCount());
    }
  }

  /**
   * Every contact id on the classified topic with how often it was classified (records without
   * repeatOf; a repeat is published once more, marked), after all arrived.
   */
  private static Map<String, Long> classifiedIds(Topics topics, int n) {
    try (KafkaConsumer<String, ClassifiedContact> consumer = broker.consumer(topics.classified)) {
      List<ConsumerRecord<String, ClassifiedContact>> records =
          new ArrayList<>(KafkaBroker.pollAtLeast(consumer, n, WAIT));
      records.addAll(KafkaBroker.pollAtLeast(consumer, Integer.MAX_VALUE, Duration.ofSeconds(2)));
      return records.stream().filter(r -> r.value().getRepeatOf() == null)
          .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new,
          Collectors.counting()));
    }
  }

  private static Map<String, Long> once(List<Contact> contacts) {
    return contacts.stream().collect(Collectors.toMap(Contact::getContactId, c -> 1L,
        (a, b) -> a, TreeMap::new));
  }

  @Test
  void classifiesEveryContactAndCountsTrendsAndServesOpsEndpoints() throws Exception {
    Topics topics = Topics.withPrefix("run.");
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<Contact> all = contacts(base, 0, 40);
    try (AnalyzerApp app = startAndAwaitRunning(env("run."))) {
      produce(topics, all);

      assertThat(classifiedIds(topics, all.size())).isEqualTo(once(all));
      assertThat(latestTrends(topics, all.size())).isEqualTo(expectedTrends(all));

      HttpClient http = HttpClient.newHttpClient();
      Function<String, HttpResponse<String>> get = path -> {
        try {
          return http.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + app.port() + path)).build(),
              HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      };
      assertThat(get.apply("/ready").statusCode()).isEqualTo(200);
      assertThat(get.apply("/healthy").body()).isEqualTo("healthy");
      String metrics = get.apply("/metrics").body();
      assertThat(metrics).contains(
          "waarom_analyzer_contacts_classified_total{channel=\"CALL\",reason=\"moving-house\"} ",
          "kafka_stream_thread_", "jvm_memory_used_bytes");
    }
  }

  @Test
  void restartInTheMiddleOfAStreamNeitherLosesNorDoubleCounts() {
    Topics topics = Topics.withPrefix("restart.");
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    List<Contact> firstHalf = contacts(base, 0, 30);
    List<Contact> secondHalf = contacts(base, 30, 60);

    AnalyzerApp first = startAndAwaitRunning(env("restart."));
    produce(topics, firstHalf);
    try (KafkaConsumer<String, ClassifiedContact> consumer = broker.consumer(topics.classified)) {
      // Close as soon as the first results are visible, while the rest is still being processed.
      KafkaBroker.pollAtLeast(consumer, 1, WAIT);
    }
    first.close();
    assertThat(first.isHealthy()).isTrue(); // stopped on purpose, not failed
    produce(topics, secondHalf);

    List<Contact> all = new ArrayList<>(firstHalf);
    all.addAll(secondHalf);
    try (AnalyzerApp second = startAndAwaitRunning(env("restart."))) {
      assertThat(classifiedIds(topics, all.size())).isEqualTo(once(all));
      assertThat(latestTrends(topics, all.size())).isEqualTo(expectedTrends(all));
      assertThat(second.isHealthy()).isTrue();
    }
  }
}
