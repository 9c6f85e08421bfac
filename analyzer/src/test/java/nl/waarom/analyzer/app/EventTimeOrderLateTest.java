package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.streams.order.EventTimeOrder;
import nl.waarom.analyzer.trends.TrendRollupProcessor;
import nl.waarom.platform.Config;
import nl.waarom.schemas.ArrivalHeader;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A contact that arrives behind the watermark (default settings: tolerance 2 min, trend grace
 * 5 min) in the production topology: late at the hops, forwarded at once, and counted in its own
 * one-minute window while that window's grace lasts; beyond it, dropped from the one-minute window
 * (and counted) but still counted in the 15- and 60-minute windows, whose grace is 48 h.
 */
class EventTimeOrderLateTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  @TempDir Path stateDir;

  @Test
  void aLateContactCountsInItsOwnWindowWithinTheGraceAndIsDroppedAndCountedBeyondIt() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Map<String, Long> counts = run(registry, driver -> {
      Topics topics = Topics.defaults();
      pipe(driver, topics, customerSays("now", Channel.CHAT, T0.plusSeconds(600), "storing"));
      // behind the released 10:10 by 3.5 min (more than the tolerance), within the 1-minute
      // window's grace (10:06 + 1 min + 5 min > 10:10)
      pipe(driver, topics, customerSays("late", Channel.EMAIL, T0.plusSeconds(390), "storing"));
      // 10:04:30: its window closed at 10:05 + 5 min = 10:10
      pipe(driver, topics, customerSays("too-late", Channel.EMAIL, T0.plusSeconds(270),
          "storing"));
    });

    assertThat(counts).isEqualTo(Map.of(
        "outage|CHAT|1|2026-11-24T10:10:00Z", 1L,
        "outage|CHAT|15|2026-11-24T10:00:00Z", 1L,
        "outage|CHAT|60|2026-11-24T10:00:00Z", 1L,
        "outage|EMAIL|1|2026-11-24T10:06:00Z", 1L,
        "outage|EMAIL|15|2026-11-24T10:00:00Z", 2L,
        "outage|EMAIL|60|2026-11-24T10:00:00Z", 2L));
    assertThat(registry.get(TrendRollupProcessor.DROPPED)
        .tags("stream", "trends", "window", "1m", "cause", "late").counter().count())
        .isEqualTo(1.0);
    assertThat(registry.get(EventTimeOrder.LATE).tags("hop", "by-customer").counter().count())
        .isEqualTo(2.0);
    assertThat(registry.get(EventTimeOrder.LATE).tags("hop", "reason-channel").counter()
        .count()).isEqualTo(2.0);
  }

  @Test
  void lateIsJudgedByWhenTheContactArrivedNotByWhatItsPartitionReadBefore() {
    Map<String, Long> counts = run(new SimpleMeterRegistry(), driver -> {
      Topics topics = Topics.defaults();
      send(driver, topics, customerSays("live", Channel.CHAT, T0, "storing"), T0, null);
      // The first record of its partition, so nothing read there stands ahead of it; but it
      // arrived at 10:00:05, 10 min after it occurred: it stands at 09:58:05, past the grace of
      // its 1-minute window (09:51 + 5 min).
      send(driver, topics, customerSays("fetched-late", Channel.EMAIL,
          T0.minusSeconds(600), "storing"), T0.plusSeconds(5), null);
      release(driver);
    });
    assertThat(counts).containsEntry("outage|CHAT|1|2026-11-24T10:00:00Z", 1L)
        .containsEntry("outage|EMAIL|15|2026-11-24T09:45:00Z", 1L)
        .doesNotContainKey("outage|EMAIL|1|2026-11-24T09:50:00Z");
  }

  @Test
  void aContactStampedAsArrivingWhenItOccurredIsNotLateWhenReadMuchLater() {
    Map<String, Long> counts = run(new SimpleMeterRegistry(), driver -> {
      Topics topics = Topics.defaults();
      // re-published at 10:10 by a replay, which stamps the arrival as its occurredAt
      send(driver, topics, customerSays("replayed", Channel.CHAT, T0.plusSeconds(30),
          "storing"), T0.plusSeconds(600), T0.plusSeconds(30));
      release(driver);
    });
    assertThat(counts).containsEntry("outage|CHAT|1|2026-11-24T10:00:00Z", 1L);
  }

  /** Runs the production topology with default settings; returns the final trend counts. */
  private Map<String, Long> run(SimpleMeterRegistry registry,
      java.util.function.Consumer<TopologyTestDriver> input) {
    Topics topics = Topics.defaults();
    Config config = Config.load(AnalyzerSettings.all(),
        Map.of("WAAROM_ANALYZER_STATE_DIR", stateDir.toString()));
    Properties props = AnalyzerApp.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (Classifier classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
        TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(
            AnalyzerOptions.from(config), topics, classifier, registry), props,
            T0.plus(Duration.ofMinutes(10)))) {
      TestOutputTopic<String, ReasonTrend> trends = driver.createOutputTopic(
          topics.reasonTrends.name(), topics.reasonTrends.keySerde().deserializer(),
          topics.reasonTrends.valueSerde().deserializer());
      input.accept(driver);
      Map<String, Long> counts = new TreeMap<>();
      trends.readKeyValuesToList().forEach(kv -> counts.put(kv.key, kv.value.getCount()));
      return counts;
    }
  }

  /** Pipes a contact at the current wall clock, then lets the hops release it (idle, relay). */
  private static void pipe(TopologyTestDriver driver, Topics topics, Contact contact) {
    send(driver, topics, contact, contact.getOccurredAt(), null);
    release(driver);
  }

  /**
   * Pipes a contact with record timestamp {@code recordTime} and, when not null, the arrival
   * header {@code arrivedAt}.
   */
  private static void send(TopologyTestDriver driver, Topics topics, Contact contact,
      Instant recordTime, Instant arrivedAt) {
    Headers headers = new RecordHeaders();
    if (arrivedAt != null) {
      ArrivalHeader.set(headers, arrivedAt);
    }
    driver.createInputTopic(topics.contactsFor(contact.getChannel()).name(),
            new StringSerializer(), new ByteArraySerializer())
        .pipeInput(new TestRecord<>(contact.getContactId(),
            topics.contactsChat.valueSerde().serializer().serialize("", contact), headers,
            recordTime));
  }

  /** Lets the hops release everything read: quiet for longer than idle timeout + tolerance. */
  private static void release(TopologyTestDriver driver) {
    driver.advanceWallClockTime(Duration.ofMinutes(5));
    for (int round = 0; round < 3; round++) {
      driver.advanceWallClockTime(Duration.ofSeconds(11));
    }
  }
}
