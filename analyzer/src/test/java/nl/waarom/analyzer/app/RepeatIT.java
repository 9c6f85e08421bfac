package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repeat ledger against a real broker: contacts of one customer arrive on different channel
 * topics (so on different partitions) and meet in the by-customer repartition; the ledger's
 * state survives a restart on an empty state directory (restored from its changelog).
 */
class RepeatIT {
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static KafkaBroker broker;

  @TempDir Path firstStateDir;
  @TempDir Path secondStateDir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private static Map<String, String> env(Path stateDir) {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", "repeat.");
    env.put("WAAROM_ANALYZER_APPLICATION_ID", "analyzer-repeat-it");
    env.put("WAAROM_ANALYZER_STATE_DIR", stateDir.toString());
    env.put("WAAROM_ANALYZER_PORT", "0");
    // Contacts are produced in event-time order here; a short tolerance keeps the wait for the
    // ordering's release (quiet for the idle timeout plus the tolerance) short.
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
    return env;
  }

  private static AnalyzerApp startAndAwaitRunning(Path stateDir) {
    AnalyzerApp app = AnalyzerApp.start(env(stateDir));
    await().atMost(WAIT).until(app::isRunning);
    return app;
  }

  private static void produce(Topics topics, String customer, Contact contact) {
    broker.produce(topics.contactsFor(contact.getChannel()), Map.of(contact.getContactId(),
        Contact.newBuilder(contact).setCustomerKey(customer).build()));
  }

  @Test
  void repeatsAcrossChannelsAreMarkedAndTheLedgerSurvivesARestart() {
    Topics topics = Topics.withPrefix("repeat.");
    // In the past: the broker rejects timestamps more than an hour ahead of its clock.
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(3));
    Map<String, String> repeatOf = new TreeMap<>();
    KafkaConsumer<String, ClassifiedContact> consumer;
    try (AnalyzerApp first = startAndAwaitRunning(firstStateDir)) {
      consumer = broker.consumer(topics.classified); // the app created the topic
      produce(topics, "alice", customerSays("a1", Channel.CHAT, base, "storing"));
      read(consumer, 1, 0, repeatOf);
    }
    // A new instance on an empty state directory: the ledger comes back from its changelog.
    try (consumer; AnalyzerApp second = startAndAwaitRunning(secondStateDir)) {
      produce(topics, "alice", customerSays("a2", Channel.CALL, base.plus(Duration.ofHours(1)),
          "Er is weer een storing"));
      read(consumer, 2, 1, repeatOf);
      produce(topics, "alice", customerSays("a3", Channel.EMAIL,
          base.plus(Duration.ofMinutes(65)), "storing"));
      produce(topics, "bob", customerSays("b1", Channel.EMAIL, base.plus(Duration.ofHours(2)),
          "storing"));
      read(consumer, 4, 1, repeatOf);
    }

    assertThat(repeatOf).isEqualTo(Map.of("a1", "-", "a2", "a1@" + base + "/CHAT",
        "a3", "-", "b1", "-"));
  }

  /**
   * Polls until {@code total} contacts were read and {@code repeats} of them came out marked,
   * recording contactId → repeatOf@at/channel. A contact comes out once as classified (no
   * repeatOf), and a repeat once more, marked, after the ordering.
   */
  private static void read(KafkaConsumer<String, ClassifiedContact> consumer, int total,
      int repeats, Map<String, String> repeatOf) {
    await().atMost(WAIT).until(() -> {
      for (ConsumerRecord<String, ClassifiedContact> r : consumer.poll(Duration.ofMillis(200))) {
        ClassifiedContact c = r.value();
        String previous = repeatOf.put(r.key(), c.getRepeatOf() == null ? "-"
            : c.getRepeatOf() + "@" + c.getRepeatOfOccurredAt() + "/" + c.getRepeatOfChannel());
        assertThat(previous).as("%s came out twice", r.key())
            .isEqualTo(c.getRepeatOf() == null ? null : "-");
      }
      return repeatOf.size() >= total
          && repeatOf.values().stream().filter(v -> !v.equals("-")).count() >= repeats;
    });
  }
}
