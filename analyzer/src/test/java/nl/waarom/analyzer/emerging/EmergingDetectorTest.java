package nl.waarom.analyzer.emerging;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import nl.waarom.analyzer.insight.InsightSink;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.SignalKind;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emerging branch of the topology ({@link EmergingTopology}, as the analyzer wires it) on a
 * by-reason input topic, with controlled event time.
 */
class EmergingDetectorTest {
  private static final Instant T0 = Instant.parse("2026-11-24T06:00:00Z");
  private static final String BY_REASON = "by-reason";
  private static final EmergingOptions DEFAULTS = EmergingOptions.defaults(1.0);

  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private final List<TopologyTestDriver> drivers = new ArrayList<>();
  private TopologyTestDriver driver;
  private TestInputTopic<String, ClassifiedContact> input;
  private TestOutputTopic<String, Insight> output;

  private void start(EmergingOptions options) {
    StreamsBuilder builder = new StreamsBuilder();
    InsightSink.write(EmergingTopology.detect(builder.stream(BY_REASON,
            Consumed.with(Serdes.String(), topics.classified.valueSerde())), options, registry),
        topics.insights, registry, "count-emerging-insights", "emerging-insights-sink");
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "emerging-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG,
        stateDir.resolve("driver-" + drivers.size()).toString());
    driver = new TopologyTestDriver(builder.build(), props);
    drivers.add(driver);
    input = driver.createInputTopic(BY_REASON, Serdes.String().serializer(),
        topics.classified.valueSerde().serializer());
    output = driver.createOutputTopic(topics.insights.name(), Serdes.String().deserializer(),
        topics.insights.valueSerde().deserializer());
  }

  @AfterEach
  void close() {
    drivers.forEach(TopologyTestDriver::close);
  }

  private void pipe(ClassifiedContact contact) {
    String reason = contact.getUnexplained() ? "unexplained"
        : contact.getReasons().get(0).getReasonId();
    input.pipeInput(reason, contact, contact.getOccurredAt());
  }

  private static List<ClassifiedContact> byTime(List<ClassifiedContact> contacts) {
    return contacts.stream().sorted(Comparator.comparing(ClassifiedContact::getOccurredAt))
        .toList();
  }

  /**
   * 9 hours of chatter (one a minute) from 06:00; from 12:00 the family: 10 contacts 4 minutes
   * apart, then one every 2 minutes until 14:00 (50 in all).
   */
  private static List<ClassifiedContact> risingFamily(UnexplainedTraffic traffic) {
    List<ClassifiedContact> all = new ArrayList<>(traffic.chatter(T0, T0.plus(Duration.ofHours(9)),
        Duration.ofMinutes(1)));
    Instant at = T0.plus(Duration.ofHours(6));
    for (int i = 0; at.isBefore(T0.plus(Duration.ofHours(8))); i++) {
      all.add(traffic.family(at));
      at = at.plus(Duration.ofMinutes(i < 10 ? 4 : 2));
    }
    return byTime(all);
  }

  @Test
  void aRisingPhraseFamilyIsOneEmergingReasonSoonAfterItsThirtiethContact() {
    start(DEFAULTS);
    List<ClassifiedContact> contacts = risingFamily(new UnexplainedTraffic(42));
    // An explained contact with the family's words is not the detector's business.
    pipe(ClassifiedContact.newBuilder(new UnexplainedTraffic(1).contact("explained-1",
            T0.plusSeconds(30), "app update deletes my settings")).setUnexplained(false)
        .setReasons(List.of(new ReasonMatch("app-problem", 0.9, ReasonSource.RULE, List.of())))
        .build());
    List<Instant> familyTimes = new ArrayList<>();
    List<KeyValue<String, Insight>> fired = new ArrayList<>();
    for (ClassifiedContact c : contacts) {
      pipe(c);
      if (c.getContactId().startsWith("fam-")) {
        familyTimes.add(c.getOccurredAt());
      }
      fired.addAll(output.readKeyValuesToList());
    }

    assertThat(fired).hasSize(1);
    Insight insight = fired.get(0).value;
    Instant thirtieth = familyTimes.get(29);
    assertThat(insight.getDetectedAt()).isBefore(thirtieth.plus(Duration.ofMinutes(10)));
    assertThat(insight.getCount()).isBetween(10L, 30L);
    assertThat(insight.getKind()).isEqualTo(InsightKind.EMERGING_REASON);
    assertThat(insight.getReasonId()).isNull();
    assertThat(insight.getPreventability()).isEqualTo(Preventability.UNKNOWN);
    // Both languages in one candidate: "instellingen" joins through the anchor "update".
    assertThat(insight.getCandidateTerms()).contains("settings", "instellingen")
        .anyMatch(t -> t.contains("update"));
    assertThat(insight.getCandidateTerms().subList(0, 2)).containsAnyOf("update", "app update");
    String[] top2 = insight.getCandidateTerms().subList(0, 2).toArray(String[]::new);
    java.util.Arrays.sort(top2);
    assertThat(fired.get(0).key).isEqualTo(insight.getInsightId())
        .isEqualTo("emerging:" + top2[0] + "+" + top2[1] + ":2026-11-24");
    assertThat(insight.getReasonName()).contains("update").contains(" · ");
    assertThat(insight.getExamples()).hasSize(5)
        .allSatisfy(e -> assertThat(e.getContactId()).startsWith("fam-"));
    assertThat(insight.getExamples()).extracting(InsightExample::getSnippet)
        .allSatisfy(s -> assertThat(s).containsAnyOf("settings", "instellingen"));
    // The family's contacts, and hardly any chatter (which has "update" in two templates).
    assertThat(insight.getBaseline()).isLessThan(insight.getCount() / 3.0);
    assertThat(insight.getWindowEnd()).isEqualTo(Instant.ofEpochMilli(
        insight.getDetectedAt().toEpochMilli() / 300_000 * 300_000));
    assertThat(insight.getWindowStart()).isEqualTo(insight.getWindowEnd().minus(Duration.ofHours(2)));
    assertThat(insight.getGrowthRate()).isPositive();
    // The strongest term is significant (G² ≥ 30); the others at least over-represented.
    assertThat(insight.getSignals().get(0).getScore()).isGreaterThanOrEqualTo(30.0);
    assertThat(insight.getSignals()).isNotEmpty().allSatisfy(s -> {
      assertThat(s.getKind()).isEqualTo(SignalKind.TERM);
      assertThat(s.getName()).isEqualTo("term");
      assertThat(s.getShare()).isGreaterThan(s.getBackgroundShare() * 1.5);
      assertThat(s.getScore()).isGreaterThanOrEqualTo(3.84);
    });
    assertThat(insight.getSignals()).extracting(InsightSignal::getValue)
        .containsExactlyElementsOf(insight.getCandidateTerms());
    assertThat(insight.getScore()).isEqualTo(insight.getSignals().get(0).getScore());
    // count in 2 h, at 50 office hours a week, 5 minutes each, 1.0 a minute
    assertThat(insight.getWeeklyVolume()).isEqualTo(insight.getCount() / 2.0 * 50.0);
    assertThat(insight.getAvgHandleMinutes()).isEqualTo(5.0);
    assertThat(insight.getCostPerMinute()).isEqualTo(1.0);
    assertThat(insight.getEstimatedCost()).isEqualTo(insight.getWeeklyVolume() * 5.0);
    assertThat(insight.getDraftedRule()).startsWith("customer:");
    // The drafted rule is a taxonomy rule: it parses, catches every example through the real
    // classifier, and none of the chatter.
    List<String> examples = insight.getExamples().stream().map(InsightExample::getSnippet).toList();
    assertThat(DraftedRuleTest.matching(insight.getDraftedRule(), examples))
        .containsExactlyElementsOf(examples);
    assertThat(DraftedRuleTest.matching(insight.getDraftedRule(), UnexplainedTraffic.CHATTER))
        .isEmpty();
    assertThat(insight.getSummary()).contains(insight.getReasonName(), insight.getDraftedRule());
    assertThat(registry.get(InsightSink.METRIC).tags("kind", "EMERGING_REASON")
        .counter().count()).isEqualTo(1.0);
  }

  @Test
  void steadyBackgroundAloneReportsNothing() {
    start(DEFAULTS);
    UnexplainedTraffic traffic = new UnexplainedTraffic(7);
    // A day of chatter, busier in the afternoon.
    List<ClassifiedContact> contacts = new ArrayList<>(traffic.chatter(T0,
        T0.plus(Duration.ofHours(22)), Duration.ofMinutes(1)));
    contacts.addAll(traffic.chatter(T0.plus(Duration.ofHours(7)), T0.plus(Duration.ofHours(11)),
        Duration.ofSeconds(40)));
    byTime(contacts).forEach(this::pipe);

    assertThat(output.readKeyValuesToList()).isEmpty();
    KeyValueStore<String, RecentContact> recent =
        driver.getKeyValueStore(EmergingDetector.RECENT_STORE);
    // Only the last two hours stay in the foreground: about 120 at one a minute.
    assertThat(count(recent)).isBetween(80, 160);
    assertThat(registry.get(EmergingDetector.TOO_LATE_METRIC).counter().count()).isZero();
  }

  @Test
  void theSameInputGivesTheSameInsightsAndADayLaterOnlyGrowthFiresAgain() {
    List<ClassifiedContact> day1 = risingFamily(new UnexplainedTraffic(42));
    start(DEFAULTS);
    day1.forEach(this::pipe);
    List<KeyValue<String, Insight>> first = output.readKeyValuesToList();
    start(DEFAULTS);
    day1.forEach(this::pipe);
    List<KeyValue<String, Insight>> replay = output.readKeyValuesToList();
    assertThat(replay).hasSize(1).isEqualTo(first);

    // The next day the family goes on at the same pace (one every 2 minutes from 10:00): its
    // foreground count is no larger than when it fired, so it does not fire again.
    UnexplainedTraffic traffic = new UnexplainedTraffic(43);
    Instant day2 = T0.plus(Duration.ofDays(1));
    List<ClassifiedContact> same = new ArrayList<>(traffic.chatter(T0.plus(Duration.ofHours(9)),
        day2.plus(Duration.ofHours(3)), Duration.ofMinutes(3)));
    same.addAll(traffic.chatter(day2.plus(Duration.ofHours(3)), day2.plus(Duration.ofHours(6)),
        Duration.ofMinutes(1)));
    for (Instant at = day2.plus(Duration.ofHours(4)); at.isBefore(day2.plus(Duration.ofHours(5)));
        at = at.plus(Duration.ofMinutes(4))) {
      same.add(traffic.family(at));
    }
    byTime(same).forEach(this::pipe);
    assertThat(output.readKeyValuesToList()).isEmpty();

    // ... and when it has grown (one a minute), it fires again under the new day's id.
    List<ClassifiedContact> grown = new ArrayList<>(traffic.chatter(day2.plus(Duration.ofHours(6)),
        day2.plus(Duration.ofHours(9)), Duration.ofMinutes(1)));
    for (Instant at = day2.plus(Duration.ofHours(6)); at.isBefore(day2.plus(Duration.ofHours(8)));
        at = at.plus(Duration.ofSeconds(50))) {
      grown.add(traffic.family(at));
    }
    byTime(grown).forEach(this::pipe);
    List<KeyValue<String, Insight>> again = output.readKeyValuesToList();
    assertThat(again).hasSize(1);
    assertThat(again.get(0).key).endsWith(":2026-11-25");
    assertThat(again.get(0).value.getCount()).isGreaterThan(first.get(0).value.getCount());
  }

  @Test
  void stateStaysWithinItsBoundsWithManyDistinctTerms() {
    EmergingOptions small = new EmergingOptions(Duration.ofMinutes(5), Duration.ofHours(2),
        Duration.ofDays(7), 10, 5, 30.0, 0.3, 300, 50, 0, 1.0);
    start(small);
    UnexplainedTraffic traffic = new UnexplainedTraffic(3);
    KeyValueStore<String, BackgroundWeight> background =
        driver.getKeyValueStore(EmergingDetector.BACKGROUND_STORE);
    KeyValueStore<String, RecentContact> recent =
        driver.getKeyValueStore(EmergingDetector.RECENT_STORE);
    KeyValueStore<String, EmergingProgress> progress =
        driver.getKeyValueStore(EmergingDetector.PROGRESS_STORE);
    int maxTerms = 0;
    int maxRecent = 0;
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < 600; i++) {
      // every contact brings four words nobody used before (and their phrases): 7 new terms
      String text = "woord" + word(random) + " term" + word(random) + " vraag" + word(random)
          + " ding" + word(random);
      pipe(traffic.contact("c" + i, T0.plusSeconds(20L * i), text));
      if (i % 10 == 9) {
        int terms = count(background, true);
        maxTerms = Math.max(maxTerms, terms);
        maxRecent = Math.max(maxRecent, count(recent));
        assertThat(progress.get(EmergingDetector.PROGRESS_KEY).vocabulary()).isEqualTo(terms);
        assertThat(progress.get(EmergingDetector.PROGRESS_KEY).recent())
            .isEqualTo(count(recent));
      }
    }
    // 550 contacts left the foreground early (cap 50): 3,850 terms went through a cap of 300
    assertThat(maxTerms).isBetween(280, 300);
    assertThat(maxRecent).isEqualTo(50);
    assertThat(background.get(BackgroundStore.FLOOR).weight()).isPositive();
    assertThat(output.readKeyValuesToList()).isEmpty();
  }

  private static String word(java.util.Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }

  @Test
  void lateContactsCountOnceOrAreIgnoredWhenOlderThanTheBackground() {
    start(DEFAULTS);
    UnexplainedTraffic traffic = new UnexplainedTraffic(11);
    Instant now = T0.plus(Duration.ofDays(8));
    pipe(traffic.contact("now", now, "ik heb een vraag over de brief"));
    // an email answered a day late: older than the foreground, so straight into the background
    pipe(traffic.contact("day-late", now.minus(Duration.ofHours(25)), "vraag over de brief"));
    // a chat a few minutes late: still in the foreground; delivered twice, kept once
    ClassifiedContact minutesLate = traffic.contact("minutes-late",
        now.minus(Duration.ofMinutes(3)), "vraag over het formulier");
    pipe(minutesLate);
    pipe(minutesLate);
    // older than the 7-day background: ignored, counted
    pipe(traffic.contact("too-late", now.minus(Duration.ofDays(7)).minusSeconds(1), "brief"));

    KeyValueStore<String, RecentContact> recent =
        driver.getKeyValueStore(EmergingDetector.RECENT_STORE);
    KeyValueStore<String, BackgroundWeight> background =
        driver.getKeyValueStore(EmergingDetector.BACKGROUND_STORE);
    TreeSet<String> ids = new TreeSet<>();
    recent.all().forEachRemaining(kv -> ids.add(kv.value.contactId()));
    assertThat(ids).containsExactly("minutes-late", "now");
    // one contact in the background, decayed by 25 hours with a half-life of 56 hours
    double decayed = Math.pow(0.5, 25.0 / 56);
    assertThat(background.get(BackgroundStore.TOTAL).weight()).isCloseTo(decayed,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(background.get("brief").weight()).isCloseTo(decayed,
        org.assertj.core.data.Offset.offset(1e-9));
    assertThat(registry.get(EmergingDetector.TOO_LATE_METRIC).counter().count()).isEqualTo(1.0);
    assertThat(driver.getKeyValueStore(EmergingDetector.PROGRESS_STORE)
        .get(EmergingDetector.PROGRESS_KEY)).isEqualTo(new EmergingProgress(now.toEpochMilli(),
            now.toEpochMilli() / 300_000 * 300_000, 1, 2));
  }

  @Test
  void processorsAndStoresHaveStableNames() {
    StreamsBuilder builder = new StreamsBuilder();
    EmergingTopology.detect(builder.stream(BY_REASON,
            Consumed.with(Serdes.String(), topics.classified.valueSerde())), DEFAULTS, registry)
        .to(topics.insights.name(),
            Produced.with(topics.insights.keySerde(), topics.insights.valueSerde()));
    TreeSet<String> nodes = new TreeSet<>();
    TreeSet<String> stores = new TreeSet<>();
    builder.build().describe().subtopologies().forEach(s -> s.nodes().forEach(n -> {
      nodes.add(n.name());
      if (n instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
    }));
    assertThat(stores).containsExactly("emerging-background", "emerging-emitted",
        "emerging-progress", "emerging-recent");
    // the insights' count and sink are the analyzer's, pinned by AnalyzerTopologyTest
    assertThat(nodes).contains("only-unexplained", "detect-emerging");
  }

  private static int count(KeyValueStore<String, ?> store) {
    return count(store, false);
  }

  /** Entries, or with {@code termsOnly} those that are not the reserved total and floor. */
  private static int count(KeyValueStore<String, ?> store, boolean termsOnly) {
    int n = 0;
    try (var all = store.all()) {
      while (all.hasNext()) {
        String key = all.next().key;
        if (!termsOnly || !key.startsWith("\u0000")) {
          n++;
        }
      }
    }
    return n;
  }
}
