package nl.waarom.analyzer.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.LocalizedName;
import nl.waarom.taxonomy.Reason;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REPEAT_HOTSPOT detector alone, fed classified contacts already marked by the ledger, on
 * controlled event time. Default options: window 7 d, early horizon 24 h, threshold 0.25,
 * at least 10 repeats, z at least 3 and a rise of at least 1.25 over 3..14 judged days.
 */
class RepeatHotspotDetectorTest {
  private static final Instant D0 = Instant.parse("2026-11-01T00:00:00Z");
  private static final RepeatOptions OPTIONS = nl.waarom.analyzer.repeats.rule.CustomerLedgerTest.OPTIONS;
  private static Taxonomy taxonomy;

  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, ClassifiedContact> in;
  private TestOutputTopic<String, Insight> out;

  @BeforeAll
  static void smallTaxonomy() {
    taxonomy = new Taxonomy("test", List.of(
        reason("outage", "Outage", Preventability.PREVENT),
        reason("billing", "Billing and payments", Preventability.SELF_SERVICE),
        reason("moving-house", "Moving house", Preventability.SELF_SERVICE)));
  }

  private static Reason reason(String id, String name, Preventability preventability) {
    return new Reason(id, new LocalizedName(name, name), preventability, "team",
        List.of(id), List.of());
  }

  private void start(String name) {
    if (driver != null) {
      driver.close();
    }
    StreamsBuilder builder = new StreamsBuilder();
    // In-memory stores keep this test fast; the production topology (persistent stores) is
    // exercised by RepeatTopologyTest and AnalyzerTopologyTest.
    RepeatHotspots hotspots = new RepeatHotspots(() -> taxonomy, OPTIONS);
    builder.stream("by-reason", Consumed.with(Serdes.String(), topics.classified.valueSerde()))
        .process(RepeatHotspotDetector.supplier(OPTIONS, hotspots, registry,
            Stores::inMemoryKeyValueStore), Named.as("detect-repeat-hotspots"))
        .to("insights", Produced.with(Serdes.String(), topics.insights.valueSerde()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "repeat-hotspot-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve(name).toString());
    driver = new TopologyTestDriver(builder.build(), props);
    in = driver.createInputTopic("by-reason", new StringSerializer(),
        topics.classified.valueSerde().serializer());
    out = driver.createOutputTopic("insights", new StringDeserializer(),
        topics.insights.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    if (driver != null) {
      driver.close();
    }
  }

  private static Instant day(int d) {
    return D0.plus(Duration.ofDays(d));
  }

  private void pipe(String id, String reason, Instant at, Channel channel, String repeatOf,
      Instant repeatOfAt) {
    ClassifiedContact contact = ClassifiedContact.newBuilder()
        .setContactId(id).setChannel(channel).setCustomerKey("cust-" + id).setOccurredAt(at)
        .setHandleMillis(180_000L).setTaxonomyVersion("test")
        .setReasons(List.of(new ReasonMatch(reason, 0.9, ReasonSource.RULE, List.of())))
        .setUnexplained(false).setSnippet("snippet " + id)
        .setRepeatOf(repeatOf).setRepeatOfOccurredAt(repeatOfAt)
        .setRepeatOfChannel(repeatOf == null ? null : Channel.CHAT)
        .build();
    in.pipeInput(reason, contact, at);
  }

  /**
   * One day of a reason: {@code firsts} chat contacts from 01:00, then {@code repeats} calls from
   * 06:00 that repeat the first ones.
   */
  private void day(int d, String reason, int firsts, int repeats) {
    for (int i = 0; i < firsts; i++) {
      pipe(reason + "-" + d + "-" + i, reason, day(d).plus(Duration.ofMinutes(60 + i)),
          Channel.CHAT, null, null);
    }
    for (int i = 0; i < repeats; i++) {
      pipe(reason + "-" + d + "-r" + i, reason, day(d).plus(Duration.ofMinutes(360 + i)),
          Channel.CALL, reason + "-" + d + "-" + i, day(d).plus(Duration.ofMinutes(60 + i)));
    }
  }

  /** Moves stream time on with a contact of another reason. */
  private void tick(Instant at) {
    pipe("tick-" + at, "moving-house", at, Channel.EMAIL, null, null);
  }

  private List<KeyValue<String, Insight>> risingScenario() {
    for (int d = 0; d < 4; d++) {
      day(d, "outage", 100, 10); // 10 repeats of 110 contacts: 9 % (day 0 is not judged)
    }
    day(4, "outage", 100, 30); // 30 of 130: 23 %, below the threshold, far above its own rate
    tick(day(6).plus(Duration.ofMinutes(30)));
    return out.readKeyValuesToList();
  }

  @Test
  void theDayOfAnInsightIdIsReadBackFromIt() {
    Instant day = Instant.parse("2026-11-24T00:00:00Z");
    assertThat(List.of("outage", "a:b", "x:2026-01-01T00:00:00Z").stream()
        .map(reason -> RepeatHotspots.dayStart(RepeatHotspots.insightId(reason, day))))
        .containsOnly(day.toEpochMilli());
  }

  @Test
  void firesOnceWhenAReasonsRepeatRateRisesAgainstItsOwnHistory() {
    start("rise");
    List<KeyValue<String, Insight>> fired = risingScenario();

    String id = "repeat:outage:2026-11-05T00:00:00Z";
    assertThat(fired).extracting(kv -> kv.key).containsExactly(id);
    Insight insight = fired.get(0).value;
    double earlier = 30.0 / 330; // days 1-3: day 0 was watched from 01:00 only
    double rate = 30.0 / 130;
    assertThat(insight.getInsightId()).isEqualTo(id);
    assertThat(insight.getKind()).isEqualTo(InsightKind.REPEAT_HOTSPOT);
    assertThat(insight.getReasonId()).isEqualTo("outage");
    assertThat(insight.getReasonName()).isEqualTo("Outage");
    assertThat(insight.getPreventability()).isEqualTo(Preventability.PREVENT);
    assertThat(insight.getWindowStart()).isEqualTo(day(4));
    assertThat(insight.getWindowEnd()).isEqualTo(day(5));
    assertThat(insight.getDetectedAt()).isEqualTo(day(6).plus(Duration.ofMinutes(30)));
    assertThat(insight.getCount()).isEqualTo(30);
    assertThat(insight.getRepeatRate()).isEqualTo(rate);
    assertThat(insight.getBaseline()).isCloseTo(earlier * 130, within(1e-9));
    assertThat(insight.getGrowthRate()).isCloseTo(rate / earlier - 1, within(1e-9));
    assertThat(insight.getScore()).isEqualTo(RepeatHotspots.z(30, 130, 30, 330));
    assertThat(insight.getScore()).isCloseTo(4.01, within(0.01));
    assertThat(insight.getChannels()).containsExactly(Channel.CALL, Channel.CHAT);
    assertThat(insight.getExamples()).extracting(e -> e.getContactId() + "|" + e.getSnippet())
        .containsExactly("outage-4-r0|snippet outage-4-r0", "outage-4-r1|snippet outage-4-r1",
            "outage-4-r2|snippet outage-4-r2", "outage-4-r3|snippet outage-4-r3",
            "outage-4-r4|snippet outage-4-r4");
    assertThat(insight.getWeeklyVolume()).isEqualTo(210.0); // 30 a day, 7 days
    assertThat(insight.getAvgHandleMinutes()).isEqualTo(3.0);
    assertThat(insight.getEstimatedCost()).isEqualTo(630.0);
    assertThat(insight.getSummary()).isEqualTo("Customers contact again about 'Outage': 23% "
        + "within 24 hours (was 9%); 30 repeat contacts of 130 contacts on 2026-11-05 "
        + "(call, chat).");

    // A week later the day is judged again over the whole window: it does not fire twice.
    tick(day(13));
    assertThat(out.isEmpty()).isTrue();
  }

  @Test
  void theSameInputGivesTheSameInsights() {
    start("first");
    List<KeyValue<String, Insight>> first = risingScenario();
    start("second");
    List<KeyValue<String, Insight>> second = risingScenario();

    assertThat(first).hasSize(1);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aSteadyNoisyRateNeverFires() {
    start("steady");
    Random random = new Random(42);
    for (int d = 0; d < 9; d++) {
      int firsts = 80 + random.nextInt(41); // volume ±20 % from day to day
      int repeats = 0;
      for (int i = 0; i < firsts; i++) {
        repeats += random.nextDouble() < 0.12 ? 1 : 0; // 12 % repeat, binomial noise
      }
      day(d, "outage", firsts, repeats);
    }
    tick(day(17)); // every day judged at both horizons

    assertThat(out.readKeyValuesToList()).isEmpty();
  }

  @Test
  void aRateAboveTheThresholdFiresWithoutHistoryOnceItsWindowIsComplete() {
    start("threshold");
    tick(day(0)); // watching from midnight
    day(0, "billing", 40, 5); // 5 repeats within 24 h: too few to judge at the early horizon
    for (int i = 5; i < 15; i++) { // 10 more repeats three days later
      pipe("billing-0-r" + i, "billing", day(3).plus(Duration.ofMinutes(i)), Channel.EMAIL,
          "billing-0-" + i, day(0).plus(Duration.ofMinutes(60 + i)));
    }
    tick(day(7).plus(Duration.ofHours(23)));
    assertThat(out.isEmpty()).isTrue(); // the window of day 0 is not over yet

    tick(day(8).plus(Duration.ofMinutes(1)));
    List<KeyValue<String, Insight>> fired = out.readKeyValuesToList();

    assertThat(fired).extracting(kv -> kv.key).containsExactly(
        "repeat:billing:2026-11-01T00:00:00Z");
    Insight insight = fired.get(0).value;
    assertThat(insight.getCount()).isEqualTo(15);
    assertThat(insight.getRepeatRate()).isEqualTo(15 / 45.0);
    assertThat(insight.getBaseline()).isEqualTo(0.25 * 45);
    assertThat(insight.getScore()).isNull();
    assertThat(insight.getGrowthRate()).isNull();
    assertThat(insight.getChannels()).containsExactly(Channel.CALL, Channel.CHAT, Channel.EMAIL);
    assertThat(insight.getSummary()).isEqualTo("Customers contact again about "
        + "'Billing and payments': 33% within 7 days (threshold 25%); 15 repeat contacts of 45 "
        + "contacts on 2026-11-01 "
        + "(call, chat, email).");
  }

  @Test
  void aDayOnlyPartlyWatchedIsNeverJudged() {
    start("partial");
    pipe("noon", "outage", day(0).plus(Duration.ofHours(12)), Channel.CHAT, null, null);
    day(0, "outage", 30, 20); // 67 %, but the day was watched from noon only
    day(1, "outage", 30, 20);
    tick(day(3));

    assertThat(out.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("repeat:outage:2026-11-02T00:00:00Z");
  }

  @Test
  void contactsAndRepeatsOfDaysNoLongerKeptAreIgnoredAndCounted() {
    start("late");
    tick(day(40));
    // kept: 7 d window + 14 history days + 2 = 23 days back
    pipe("old", "outage", day(10), Channel.EMAIL, null, null);
    pipe("late-repeat", "outage", day(40), Channel.EMAIL, "first", day(10));

    assertThat(registry.counter(RepeatHotspotDetector.TOO_LATE_METRIC, "what", "contact")
        .count()).isEqualTo(1.0);
    assertThat(registry.counter(RepeatHotspotDetector.TOO_LATE_METRIC, "what", "repeat")
        .count()).isEqualTo(1.0);
    KeyValueStore<String, RepeatDay> days =
        driver.getKeyValueStore(RepeatHotspotDetector.DAYS_STORE);
    List<KeyValue<String, RepeatDay>> kept = new ArrayList<>();
    try (KeyValueIterator<String, RepeatDay> all = days.all()) {
      all.forEachRemaining(kept::add);
    }
    assertThat(kept).extracting(kv -> kv.key, kv -> kv.value.contacts(), kv -> kv.value.repeats())
        .containsExactly(tuple("moving-house|2026-12-11T00:00:00Z", 1L, 0L),
            tuple("outage|2026-12-11T00:00:00Z", 1L, 0L));
  }

  @Test
  void zIsTheTwoProportionStatistic() {
    // p1 = 0.3 (n 100), p0 = 0.1 (n 100): pooled 0.2, se = sqrt(0.2 * 0.8 * 0.02) = 0.0566
    assertThat(RepeatHotspots.z(30, 100, 10, 100)).isCloseTo(3.536, within(0.001));
    assertThat(RepeatHotspots.z(10, 100, 10, 100)).isEqualTo(0.0);
    assertThat(RepeatHotspots.words(Duration.ofDays(7))).isEqualTo("7 days");
    assertThat(RepeatHotspots.words(Duration.ofHours(24))).isEqualTo("24 hours");
    assertThat(RepeatHotspots.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
  }

  @Test
  void stateSurvivesTheChangelogSerde() {
    RepeatDay day = RepeatDay.empty(0).addContact().addRepeat(true, 60_000L, "CALL", "CHAT",
        new RepeatDay.Example("r", null)).judgedAt(RepeatDay.Horizon.EARLY,
        new RepeatDay.Judged(1, 1));
    JsonSerde<RepeatDay> serde = new JsonSerde<>(RepeatDay.class);

    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", day)))
        .isEqualTo(day);
  }
}
