package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.repeats.RepeatLedger;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repeat ledger in the production topology (real classifier, default settings: window 7 d,
 * transfer gap 15 min, lateness 2 d), on controlled event time: what comes out on the
 * contacts.classified topic.
 */
class RepeatTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String OUTAGE = "storing";
  private static Classifier classifier;

  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private Instant wallClock;
  private TestOutputTopic<String, ClassifiedContact> classified;
  private TestOutputTopic<String, Insight> insights;

  @BeforeAll
  static void loadTaxonomy() {
    classifier = new Classifier(TaxonomyLoader.loadDefault(RuleParser.check()));
  }

  @AfterAll
  static void closeClassifier() {
    classifier.close();
  }

  @BeforeEach
  void startDriver() {
    // Copies are deduplicated ahead of the ledger; with that off, the ledger itself must still
    // give a replayed contact the same decision (a copy later than the horizon).
    Config config = Config.load(AnalyzerSettings.all(),
        Map.of("WAAROM_ANALYZER_STATE_DIR", stateDir.toString(),
            "WAAROM_ANALYZER_DEDUP_HORIZON", "0s"));
    Properties props = AnalyzerApp.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // the wall clock follows the contacts (see pipe), as if live
    wallClock = T0.minus(Duration.ofDays(1));
    driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(AnalyzerOptions.from(config),
        topics, classifier, registry), props, wallClock);
    classified = output(topics.classified);
    insights = output(topics.insights);
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  /**
   * Pipes a contact as if live: the wall clock moves to just before it (contacts from the future
   * are dead letters), then the ordering releases it (the source goes idle, its watermark is
   * its latest contact, and the hops pass that on).
   */
  /** Longer than the idle timeout plus the disorder tolerance. */
  private static final Duration QUIET = Duration.ofMinutes(5);

  private void pipe(String customer, String id, Channel channel, Instant at, String text) {
    Instant before = at.minus(Duration.ofMinutes(25));
    if (before.isAfter(wallClock)) {
      driver.advanceWallClockTime(Duration.between(wallClock, before));
      wallClock = before;
    }
    send(customer, id, channel, at, text);
    // quiet for longer than the idle timeout plus the tolerance: the source releases all it read
    driver.advanceWallClockTime(QUIET);
    wallClock = wallClock.plus(QUIET);
    for (int round = 0; round < 3; round++) {
      driver.advanceWallClockTime(Duration.ofSeconds(11));
      wallClock = wallClock.plusSeconds(11);
    }
  }

  private void send(String customer, String id, Channel channel, Instant at, String text) {
    Contact contact = Contact.newBuilder(customerSays(id, channel, at, text))
        .setCustomerKey(customer).build();
    driver.createInputTopic(topics.contactsFor(channel).name(), new StringSerializer(),
            new ByteArraySerializer())
        .pipeInput(id, topics.contactsChat.valueSerde().serializer().serialize("", contact), at);
  }

  /**
   * contactId → repeatOf ("-" when not a repeat), one entry per contact in the order they were
   * classified. Every contact comes out first without repeatOf, straight after classification;
   * a repeat comes out once more, after the ordering, with repeatOf set: that record updates the
   * earliest entry of its contact still unmarked. A repeat record without a first record fails.
   */
  private List<String> repeats() {
    List<String[]> entries = new java.util.ArrayList<>();
    for (TestRecord<String, ClassifiedContact> r : classified.readRecordsToList()) {
      if (r.value().getRepeatOf() == null) {
        entries.add(new String[] {r.key(), "-"});
        continue;
      }
      String[] first = entries.stream().filter(e -> e[0].equals(r.key()) && e[1].equals("-"))
          .findFirst().orElseThrow(() -> new AssertionError(
              "repeat record of " + r.key() + " without an unmarked first record"));
      first[1] = r.value().getRepeatOf();
    }
    return entries.stream().map(e -> e[0] + "->" + e[1]).toList();
  }

  private double outcomes(String outcome) {
    return registry.counter(RepeatLedger.METRIC, "outcome", outcome).count();
  }

  @Test
  void sameCustomerSameReasonOnAnotherChannelIsARepeatOfTheFirstContact() {
    pipe("alice", "a1", Channel.CHAT, T0, OUTAGE);
    pipe("alice", "a2", Channel.CALL, T0.plus(Duration.ofHours(2)), "Er is weer een storing");
    pipe("alice", "a3", Channel.EMAIL, T0.plus(Duration.ofDays(3)), OUTAGE);

    List<TestRecord<String, ClassifiedContact>> out = classified.readRecordsToList();

    // each contact once as classified, and the two repeats once more, marked (each after its
    // first record: the marking waits for the ordering)
    List<TestRecord<String, ClassifiedContact>> first = out.stream()
        .filter(r -> r.value().getRepeatOf() == null).toList();
    List<TestRecord<String, ClassifiedContact>> marked = out.stream()
        .filter(r -> r.value().getRepeatOf() != null).toList();
    assertThat(first).extracting(TestRecord::key).containsExactly("a1", "a2", "a3");
    assertThat(first).extracting(TestRecord::getRecordTime).containsExactly(T0,
        T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(3)));
    assertThat(marked).extracting(TestRecord::key).containsExactly("a2", "a3");
    assertThat(marked).extracting(TestRecord::getRecordTime).containsExactly(
        T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(3)));
    assertThat(out.indexOf(marked.get(0))).isGreaterThan(out.indexOf(first.get(1)));
    for (TestRecord<String, ClassifiedContact> r : marked) {
      assertThat(r.value().getRepeatOf()).isEqualTo("a1");
      assertThat(r.value().getRepeatOfOccurredAt()).isEqualTo(T0);
      assertThat(r.value().getRepeatOfChannel()).isEqualTo(Channel.CHAT);
    }
    // everything else about the contact is what the classifier said, in both records
    assertThat(marked.get(0).value().getReasons().get(0).getReasonId()).isEqualTo("outage");
    assertThat(marked.get(0).value().getSnippet()).isEqualTo("Er is weer een storing");
    assertThat(ClassifiedContact.newBuilder(marked.get(0).value()).clearRepeatOf()
        .clearRepeatOfOccurredAt().clearRepeatOfChannel().build())
        .isEqualTo(first.get(1).value());
    assertThat(outcomes("repeat")).isEqualTo(2.0);
    assertThat(outcomes("first")).isEqualTo(1.0);
  }

  @Test
  void aTransferWithinFifteenMinutesIsNotARepeat() {
    pipe("bob", "b1", Channel.CALL, T0, OUTAGE);
    pipe("bob", "b2", Channel.CALL, T0.plus(Duration.ofMinutes(10)), OUTAGE);
    pipe("bob", "b3", Channel.CALL, T0.plus(Duration.ofMinutes(26)), OUTAGE);

    assertThat(repeats()).containsExactly("b1->-", "b2->-", "b3->b1");
    assertThat(outcomes("transfer")).isEqualTo(1.0);
  }

  @Test
  void aDifferentReasonIsNotARepeatAndNeitherIsAnUnexplainedContact() {
    pipe("carol", "c1", Channel.CHAT, T0, OUTAGE);
    pipe("carol", "c2", Channel.CHAT, T0.plus(Duration.ofHours(1)), "ik ga verhuizen");
    pipe("carol", "c3", Channel.CHAT, T0.plus(Duration.ofHours(2)), "hallo");
    pipe("carol", "c4", Channel.CHAT, T0.plus(Duration.ofHours(3)), "hallo");

    assertThat(repeats()).containsExactly("c1->-", "c2->-", "c3->-", "c4->-");
    assertThat(outcomes("unexplained")).isEqualTo(2.0);
  }

  @Test
  void aContactBeyondTheWindowIsNotARepeat() {
    pipe("dave", "d1", Channel.CHAT, T0, OUTAGE);
    pipe("dave", "d2", Channel.CALL, T0.plus(Duration.ofDays(7)).plusSeconds(1), OUTAGE);

    assertThat(repeats()).containsExactly("d1->-", "d2->-");
  }

  @Test
  void contactsWithoutCustomerKeyPassThroughUnmarked() {
    pipe(null, "n1", Channel.CHAT, T0, OUTAGE);
    pipe(null, "n2", Channel.CHAT, T0.plus(Duration.ofHours(1)), OUTAGE);
    pipe("", "n3", Channel.CHAT, T0.plus(Duration.ofHours(2)), OUTAGE);

    List<TestRecord<String, ClassifiedContact>> out = classified.readRecordsToList();
    assertThat(out).extracting(TestRecord::key).containsExactly("n1", "n2", "n3");
    assertThat(out).allSatisfy(r -> assertThat(r.value().getRepeatOf()).isNull());
    assertThat(outcomes("no-customer")).isEqualTo(3.0);
  }

  @Test
  void lateContactsAreJudgedByTheirPastAndTooLateOnesPassThroughUncounted() {
    pipe("erin", "e-chat", Channel.CHAT, T0.plus(Duration.ofDays(5)), OUTAGE);
    // an email answered a day late: it occurred before e-chat, so e-chat stays a first contact
    pipe("erin", "e-mail", Channel.EMAIL, T0.plus(Duration.ofDays(4)), OUTAGE);
    // three days behind stream time, beyond the 2-day lateness: not judged, not remembered
    pipe("frank", "f-old", Channel.EMAIL, T0.plus(Duration.ofDays(2)), OUTAGE);
    pipe("frank", "f-new", Channel.CALL, T0.plus(Duration.ofDays(5)).plusSeconds(60), OUTAGE);
    // the next contact repeats the chain that started first: the late email
    pipe("erin", "e-call", Channel.CALL, T0.plus(Duration.ofDays(5)).plusSeconds(3600), OUTAGE);

    assertThat(repeats()).containsExactly("e-chat->-", "e-mail->-", "f-old->-", "f-new->-",
        "e-call->e-mail");
    assertThat(outcomes("too-late")).isEqualTo(1.0);
  }

  @Test
  void aReplayedContactGetsTheSameDecisionAgain() {
    pipe("gina", "g1", Channel.CHAT, T0, OUTAGE);
    pipe("gina", "g2", Channel.CALL, T0.plus(Duration.ofHours(1)), OUTAGE);
    pipe("gina", "g1", Channel.CHAT, T0, OUTAGE);
    pipe("gina", "g2", Channel.CALL, T0.plus(Duration.ofHours(1)), OUTAGE);

    assertThat(repeats()).containsExactly("g1->-", "g2->g1", "g1->-", "g2->g1");
    assertThat(outcomes("replayed")).isEqualTo(2.0);
  }

  @Test
  void repeatsFlowDownstreamIntoARepeatHotspot() {
    Instant day = Instant.parse("2026-11-24T00:00:00Z");
    // the detector judges only whole days it watched: it starts watching at midnight
    pipe("zoe", "watch", Channel.CHAT, day, "ik ga verhuizen");
    List<String> repeatIds = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      pipe("cust-" + i, "first-" + i, Channel.CHAT, T0.plus(Duration.ofMinutes(2L * i)), OUTAGE);
    }
    for (int i = 0; i < 12; i++) {
      pipe("cust-" + i, "again-" + i, Channel.CALL,
          T0.plus(Duration.ofHours(3)).plus(Duration.ofMinutes(2L * i)), "weer een storing " + i);
      repeatIds.add("again-" + i);
    }
    assertThat(insights.isEmpty()).isTrue(); // the day is not complete yet
    Instant later = Instant.parse("2026-11-26T00:30:00Z"); // a day after the day ended
    pipe("zoe", "tick", Channel.CHAT, later, "ik ga verhuizen");

    String id = "repeat:outage:2026-11-24T00:00:00Z";
    Map<String, Insight> fired = insights.readKeyValuesToMap();
    // judged when event time passed the day's end plus 24 hours: at a tick of the ordering (the
    // wall clock moved on before the contact), at the latest at the contact
    Instant detectedAt = fired.get(id).getDetectedAt();
    assertThat(detectedAt).isBetween(Instant.parse("2026-11-26T00:00:00Z"), later);
    assertThat(fired).isEqualTo(Map.of(id, Insight.newBuilder()
        .setInsightId(id).setKind(InsightKind.REPEAT_HOTSPOT).setReasonId("outage")
        .setReasonName("Outage").setPreventability(Preventability.PREVENT)
        .setCandidateTerms(List.of()).setWindowStart(day).setWindowEnd(day.plus(Duration.ofDays(1)))
        .setCount(12).setRepeatRate(12 / 32.0).setBaseline(0.25 * 32)
        .setChannels(List.of(Channel.CALL, Channel.CHAT))
        .setExamples(repeatIds.subList(0, 5).stream().map(r ->
            new InsightExample(r, "weer een storing " + r.substring(6))).toList())
        .setScore(null).setGrowthRate(null)
        // 12 repeats a day, 7 days a week, 5 minutes each, 1.0 per minute
        .setWeeklyVolume(84.0).setAvgHandleMinutes(5.0).setCostPerMinute(1.0)
        .setEstimatedCost(420.0)
        .setDetectedAt(detectedAt)
        .setSummary("Customers contact again about 'Outage': 38% within 24 hours (threshold 25%);"
            + " 12 repeat contacts of 32 contacts on 2026-11-24 (call, chat).")
        .build()));
  }
}
