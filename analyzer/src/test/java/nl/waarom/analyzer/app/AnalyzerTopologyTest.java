package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.contact;
import static nl.waarom.analyzer.TestContacts.customerSays;
import static nl.waarom.analyzer.TestContacts.turn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.analyzer.sentiment.ContactSentiment;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.analyzer.streams.Deduplicator;
import nl.waarom.taxonomy.TaxonomyLoader;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Evidence;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Sentiment;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.TurnSentiment;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production topology with the production catalogue and wiring, on controlled event time. */
class AnalyzerTopologyTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final long HANDLE = 300_000L; // TestContacts: 4 min talk + 1 min wrap-up
  private static Classifier classifier;

  private final Topics topics = Topics.defaults();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private Map<Channel, TestInputTopic<String, byte[]>> inputs;
  private TestOutputTopic<String, ClassifiedContact> classified;
  private TestOutputTopic<String, ReasonTrend> trends;
  private TestOutputTopic<String, Insight> insights;
  private TestOutputTopic<String, DeadLetter> deadLetters;

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
    Config config = Config.load(AnalyzerSettings.all(),
        Map.of("WAAROM_ANALYZER_STATE_DIR", stateDir.toString()));
    Topology topology = AnalyzerTopology.buildTopology(AnalyzerOptions.from(config), topics,
        classifier, registry);
    Properties props = AnalyzerApp.streamsProperties(config);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // The wall clock at T0, as if live: idle sources release up to their latest contact.
    driver = new TopologyTestDriver(topology, props, T0);
    inputs = new LinkedHashMap<>();
    for (Channel channel : List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL)) {
      inputs.put(channel, driver.createInputTopic(topics.contactsFor(channel).name(),
          new StringSerializer(), new ByteArraySerializer()));
    }
    classified = output(topics.classified);
    trends = output(topics.reasonTrends);
    insights = output(topics.insights);
    deadLetters = output(topics.deadLetters);
  }

  private <V> TestOutputTopic<String, V> output(Topic<String, V> topic) {
    return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
  }

  @AfterEach
  void closeDriver() {
    driver.close();
  }

  /** Pipes a contact on its channel's topic; the record timestamp is deliberately not occurredAt. */
  private void pipe(Contact contact) {
    inputs.get(contact.getChannel()).pipeInput(contact.getContactId(),
        topics.contactsChat.valueSerde().serializer().serialize("", contact), T0.minusSeconds(3600));
  }

  /**
   * Lets the event-time ordering release everything piped: the source task stays quiet for longer
   * than the idle timeout plus the tolerance (its watermark is then its latest contact), and each
   * of the two hop levels gets a marker interval
   * to pass the watermark on.
   */
  private void flush() {
    // quiet for longer than the idle timeout plus the tolerance: the source releases all it read
    driver.advanceWallClockTime(Duration.ofMinutes(5));
    for (int round = 0; round < 3; round++) {
      driver.advanceWallClockTime(Duration.ofSeconds(11));
    }
  }

  @Test
  void classifiesDutchAndEnglishContactsWithEvidenceInTheTurn() {
    Contact nl1 = callback(contact("nl-1", Channel.CHAT, T0, List.of(
        turn(Speaker.AGENT, "Goedemiddag, waarmee kan ik helpen?"),
        turn(Speaker.CUSTOMER, "De betaallink in jullie mail werkt niet"))));
    pipe(nl1);
    pipe(customerSays("en-1", Channel.EMAIL, T0.plusSeconds(5),
        "Where is my parcel? I ordered it last week."));
    pipe(customerSays("nl-2", Channel.CALL, T0.plusSeconds(9),
        "Goedemiddag, ik wilde even iets navragen."));
    flush();

    List<TestRecord<String, ClassifiedContact>> out = classified.readRecordsToList();

    assertThat(out).extracting(TestRecord::key).containsExactly("nl-1", "en-1", "nl-2");
    assertThat(out).extracting(TestRecord::getRecordTime)
        .containsExactly(T0, T0.plusSeconds(5), T0.plusSeconds(9));
    // 3 rules: betaallink*, "werkt niet", and link (split from betaallink) AND betal* AND ...
    ContactSentiment sentiment = ContactSentiment.of(nl1, SentimentModel.shipped());
    assertThat(out.get(0).value()).isEqualTo(ClassifiedContact.newBuilder()
        .setContactId("nl-1").setChannel(Channel.CHAT).setCustomerKey("cust-nl-1")
        .setOccurredAt(T0).setLanguage(null).setQueue(null).setHandleMillis(HANDLE)
        .setTaxonomyVersion(classifier.taxonomy().version())
        .setReasons(List.of(new ReasonMatch("payment-problem", 0.99, ReasonSource.RULE, List.of(
            new Evidence("betaallink", 1, 3, 13), new Evidence("werkt niet", 1, 29, 39)))))
        .setUnexplained(false).setRepeatOf(null)
        .setSnippet("De betaallink in jullie mail werkt niet")
        .setTerms(List.of("betaallink", "mail", "werkt", "betaallink mail", "mail werkt"))
        .setTurnSentiments(sentiment.turns()).setCustomerStart(sentiment.customerStart())
        .setCustomerEnd(sentiment.customerEnd()).setCustomerNegative(sentiment.negative())
        .setCallbackRequested(true)
        .build());
    assertThat(out).extracting(r -> r.value().getCallbackRequested())
        .containsExactly(true, false, false);
    assertThat(out.get(0).value().getTurnSentiments()).extracting(TurnSentiment::getTurnIndex)
        .containsExactly(0, 1);
    assertThat(out.get(0).value().getCustomerEnd().getSentiment()).isEqualTo(Sentiment.NEGATIVE);
    assertThat(out.get(0).value().getCustomerNegative()).isTrue();
    // one rule (0.9), raised by the learned model agreeing
    ReasonMatch parcel = out.get(1).value().getReasons().get(0);
    assertThat(out.get(1).value().getReasons()).hasSize(1);
    assertThat(parcel.getReasonId()).isEqualTo("delivery-status");
    assertThat(parcel.getSource()).isEqualTo(ReasonSource.RULE);
    assertThat(parcel.getConfidence()).isBetween(0.9, 0.99);
    assertThat(parcel.getEvidence()).containsExactly(new Evidence("parcel", 0, 12, 18));
    assertThat(out.get(2).value().getUnexplained()).isTrue();
    assertThat(out.get(2).value().getReasons()).isEmpty();
    assertThat(registry.get(AnalyzerMetrics.CONTACTS_CLASSIFIED)
        .tags("reason", "payment-problem", "channel", "CHAT").counter().count()).isEqualTo(1.0);
    assertThat(registry.get(AnalyzerMetrics.CONTACTS_CLASSIFIED)
        .tags("reason", "unexplained", "channel", "CALL").counter().count()).isEqualTo(1.0);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void countsPerReasonChannelAndWindowWithBaseline() {
    pipe(callback(customerSays("a", Channel.CHAT, T0.plusSeconds(1), "storing")));
    pipe(customerSays("b", Channel.CHAT, T0.plusSeconds(30), "no internet"));
    pipe(callback(customerSays("c", Channel.CALL, T0.plusSeconds(40),
        "the payment link does not work")));
    pipe(customerSays("d", Channel.EMAIL, T0.plusSeconds(50), "hallo"));
    pipe(callback(customerSays("e", Channel.CHAT, T0.plusSeconds(61), "storing")));
    flush();

    Map<String, ReasonTrend> latest = trends.readKeyValuesToMap();

    Instant t1 = T0.plusSeconds(60);
    long storing = negatives("storing");
    long first = negatives("storing", "no internet");
    long all = negatives("storing", "no internet", "storing");
    long payment = negatives("the payment link does not work");
    long hallo = negatives("hallo");
    // callbacks asked in a and c (minute 0) and in e (minute 1)
    assertThat(latest).isEqualTo(Map.of(
        "outage|CHAT|1|2026-11-24T10:00:00Z",
        trend("outage", Channel.CHAT, 1, T0, 2, null, first, 1),
        "payment-problem|CALL|1|2026-11-24T10:00:00Z",
        trend("payment-problem", Channel.CALL, 1, T0, 1, null, payment, 1),
        "unexplained|EMAIL|1|2026-11-24T10:00:00Z",
        trend("unexplained", Channel.EMAIL, 1, T0, 1, null, hallo, 0),
        "outage|CHAT|1|2026-11-24T10:01:00Z",
        trend("outage", Channel.CHAT, 1, t1, 1, 2.0 / 15, storing, 1),
        "outage|CHAT|15|2026-11-24T10:00:00Z",
        trend("outage", Channel.CHAT, 15, T0, 3, null, all, 2),
        "payment-problem|CALL|15|2026-11-24T10:00:00Z",
        trend("payment-problem", Channel.CALL, 15, T0, 1, null, payment, 1),
        "unexplained|EMAIL|15|2026-11-24T10:00:00Z",
        trend("unexplained", Channel.EMAIL, 15, T0, 1, null, hallo, 0),
        "outage|CHAT|60|2026-11-24T10:00:00Z",
        trend("outage", Channel.CHAT, 60, T0, 3, null, all, 2),
        "payment-problem|CALL|60|2026-11-24T10:00:00Z",
        trend("payment-problem", Channel.CALL, 60, T0, 1, null, payment, 1),
        "unexplained|EMAIL|60|2026-11-24T10:00:00Z",
        trend("unexplained", Channel.EMAIL, 60, T0, 1, null, hallo, 0)));
    assertThat(output(topics.explainedShare).readKeyValuesToMap()).isEqualTo(Map.of(
        "1|2026-11-24T10:00:00Z", share(1, T0, 4, 3),
        "1|2026-11-24T10:01:00Z", share(1, t1, 1, 1),
        "15|2026-11-24T10:00:00Z", share(15, T0, 5, 4),
        "60|2026-11-24T10:00:00Z", share(60, T0, 5, 4)));
  }

  /** How many of these customer texts the shipped sentiment model finds negative contacts. */
  private static long negatives(String... texts) {
    long n = 0;
    for (String text : texts) {
      n += Boolean.TRUE.equals(ContactSentiment.of(customerSays("x", Channel.CHAT, T0, text),
          SentimentModel.shipped()).negative()) ? 1 : 0;
    }
    return n;
  }

  /** The contact with its customer asking to be called back. */
  private static Contact callback(Contact contact) {
    return Contact.newBuilder(contact).setCallbackRequested(true).build();
  }

  /** Every contact of these tests has customer words, so a sentiment. */
  private static ReasonTrend trend(String reason, Channel channel, int minutes, Instant start,
      long count, Double baseline, long negatives, long callbacks) {
    return ReasonTrend.newBuilder().setReasonId(reason).setChannel(channel).setWindowStart(start)
        .setWindowEnd(start.plusSeconds(60L * minutes)).setWindowMinutes(minutes).setCount(count)
        .setHandleMillisTotal(count * HANDLE).setHandleCount(count).setRepeatCount(0)
        .setRepeatsComplete(false).setSentimentCount(count).setNegativeCount(negatives)
        .setCallbackCount(callbacks)
        .setBaseline(baseline).setDeviation(baseline == null ? null : count / baseline).build();
  }

  private static ExplainedShare share(int minutes, Instant start, long total, long explained) {
    return new ExplainedShare(start, start.plusSeconds(60L * minutes), minutes, total, explained,
        (double) explained / total);
  }

  @Test
  void everyUpdateOfAWindowIsPublished() {
    pipe(customerSays("a", Channel.CHAT, T0.plusSeconds(1), "storing"));
    pipe(customerSays("b", Channel.CHAT, T0.plusSeconds(2), "storing"));
    flush();

    assertThat(trends.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getCount())
        .containsExactly("outage|CHAT|1|2026-11-24T10:00:00Z=1",
            "outage|CHAT|15|2026-11-24T10:00:00Z=1", "outage|CHAT|60|2026-11-24T10:00:00Z=1",
            "outage|CHAT|1|2026-11-24T10:00:00Z=2", "outage|CHAT|15|2026-11-24T10:00:00Z=2",
            "outage|CHAT|60|2026-11-24T10:00:00Z=2");
  }

  private static Contact withMetadata(Contact contact, String queue, Map<String, String> attributes) {
    return Contact.newBuilder(contact).setQueue(queue).setAttributes(attributes).build();
  }

  @Test
  void aSurgeFiresOneExplainedSpikePerEpisodeAndNotForSteadyTraffic() {
    // Steady: 2 outage contacts a minute for 15 minutes, queue "algemeen"; never a spike.
    for (int minute = 0; minute < 15; minute++) {
      Instant start = T0.plusSeconds(60L * minute);
      pipe(withMetadata(customerSays("s" + minute + "a", Channel.CHAT, start.plusSeconds(10),
          "storing"), "algemeen", Map.of("region", "zuid")));
      pipe(withMetadata(customerSays("s" + minute + "b", Channel.CHAT, start.plusSeconds(40),
          "storing"), "algemeen", Map.of("region", "oost")));
    }
    flush();
    assertThat(insights.isEmpty()).isTrue();

    // Burst from minute 15, one contact every 2 s, on another queue in one region: about 5 times
    // the usual rate. Expected: the trailing mean's upper bound, (30 + 2 + 2 sqrt(31)) / 15.
    Instant burst = T0.plusSeconds(15 * 60);
    List<Contact> burstContacts = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      burstContacts.add(withMetadata(customerSays("b" + i, i % 2 == 0 ? Channel.CALL : Channel.CHAT,
          burst.plusSeconds(2L * i), "Er is een storing in mijn wijk " + i), "storingen-noord",
          Map.of("region", "noord")));
    }
    burstContacts.forEach(this::pipe);
    flush();

    List<KeyValue<String, Insight>> fired = insights.readKeyValuesToList();
    String id = "spike:outage:2026-11-24T10:15:00Z";
    assertThat(fired).extracting(kv -> kv.key).containsExactly(id);
    Insight spike = fired.get(0).value;
    double expectedPerMinute = (30 + 2 + 2 * Math.sqrt(31)) / 15;
    // The whole-reason test would fire at the 9th contact (16 s); the cell of region=noord (never
    // seen in 30 contacts: share bound 4/31, rate ratio 1 + 1.5 x 31/4) fires at the 5th (8 s):
    // 5 ln(12.625) - 1.5 mu x 8/60 reaches the cell threshold 8 + ln 32.
    double ratio = 1 + 1.5 * 31 / 4;
    assertThat(spike.getDetectedAt()).isEqualTo(burst.plusSeconds(8));
    assertThat(spike.getCount()).isEqualTo(5);
    assertThat(spike.getBaseline()).isCloseTo(expectedPerMinute * 8 / 60, within(1e-9));
    // (within 0.05: the background's 30 contacts have decayed a little, half-life one day)
    assertThat(spike.getScore()).isCloseTo(5 * Math.log(ratio) - 1.5 * expectedPerMinute * 8 / 60,
        within(0.05));
    assertThat(spike.getKind()).isEqualTo(InsightKind.SPIKE);
    assertThat(spike.getInsightId()).isEqualTo(id);
    assertThat(spike.getReasonId()).isEqualTo("outage");
    assertThat(spike.getReasonName()).isEqualTo("Outage");
    assertThat(spike.getPreventability()).isEqualTo(Preventability.PREVENT);
    assertThat(spike.getWindowStart()).isEqualTo(burst);
    assertThat(spike.getWindowEnd()).isEqualTo(burst.plusSeconds(60));
    assertThat(spike.getChannels()).containsExactly(Channel.CALL, Channel.CHAT);
    // The explanation: the cell's region first, queue and the new words, 5 of 5 against none of 30.
    assertThat(spike.getSignals()).extracting(s -> s.getKind() + ":" + s.getName() + "="
            + s.getValue()).startsWith("ATTRIBUTE:region=noord", "QUEUE:queue=storingen-noord")
        .contains("TERM:term=wijk", "TERM:term=storing wijk")
        .doesNotContain("TERM:term=storing", "CHANNEL:channel=CHAT");
    InsightSignal queue = spike.getSignals().get(1);
    assertThat(queue.getCount()).isEqualTo(5);
    assertThat(queue.getShare()).isEqualTo(1.0);
    assertThat(queue.getBackgroundShare()).isEqualTo(0.0);
    assertThat(spike.getSignals().get(0).getScore()).isGreaterThan(30.0); // 5 of 5 vs 0 of 30
    assertThat(spike.getCandidateTerms()).contains("wijk", "storing wijk");
    assertThat(spike.getExamples()).containsExactlyElementsOf(burstContacts.subList(0, 5).stream()
        .map(c -> new InsightExample(c.getContactId(), c.getTurns().get(0).getText())).toList());
    // Valued by what the episode cost: 5 contacts minus the expected, 5 minutes each at 1.0 a
    // minute; not by the rate of its first minute extrapolated to a week.
    double excess = 5 - expectedPerMinute * 8 / 60;
    assertThat(spike.getWeeklyVolume()).isNull();
    assertThat(spike.getExcessContacts()).isCloseTo(excess, within(1e-9));
    assertThat(spike.getAvgHandleMinutes()).isEqualTo(5.0);
    assertThat(spike.getCostPerMinute()).isEqualTo(1.0);
    assertThat(spike.getEpisodeCost()).isCloseTo(excess * 5.0, within(1e-9));
    assertThat(spike.getEstimatedCost()).isEqualTo(spike.getEpisodeCost());
    assertThat(spike.getExcessPerHour()).isCloseTo(excess * 60, within(1e-9)); // one minute so far
    assertThat(spike.getSummary()).isEqualTo("Spike in 'Outage': 5 contacts since 2026-11-24 10:15 "
        + "UTC where " + String.format(java.util.Locale.ROOT, "%.1f", expectedPerMinute * 8 / 60)
        + " were expected; most over-represented: region 'noord' (100% vs 0% usually).");

    // The surge goes on in the next minute: the same episode, no second insight; nor does a
    // late contact of the burst minute or an unexplained burst.
    for (int i = 0; i < 10; i++) {
      pipe(customerSays("n" + i, Channel.CHAT, burst.plusSeconds(60 + 3L * i), "storing wijk"));
      pipe(customerSays("u" + i, Channel.CHAT, burst.plusSeconds(61 + 3L * i), "hallo daar"));
    }
    pipe(customerSays("late", Channel.EMAIL, burst.plusSeconds(59), "storing"));
    flush();
    assertThat(insights.isEmpty()).isTrue();
    // A contact more than WAAROM_SPIKE_LATE_HORIZON (48h) behind is ignored and counted.
    pipe(customerSays("ancient", Channel.EMAIL, burst.minus(Duration.ofHours(49)), "storing"));
    flush();
    assertThat(registry.get(AnalyzerMetrics.SPIKE_LATE_IGNORED).tags("reason", "outage")
        .counter().count()).isEqualTo(1.0);
    assertThat(insights.isEmpty()).isTrue();
  }

  @Test
  void aColdStartIsNotASpike() {
    // 30 contacts a minute from the very first minute the analyzer sees: there is no history, so
    // no baseline to beat until WAAROM_SPIKE_MIN_HISTORY_WINDOWS (3) windows were watched.
    for (int minute = 0; minute < 4; minute++) {
      for (int i = 0; i < 30; i++) {
        pipe(customerSays("c" + minute + "-" + i, Channel.CHAT,
            T0.plusSeconds(60L * minute + i), "storing"));
      }
    }
    flush();
    assertThat(insights.isEmpty()).isTrue();
  }

  @Test
  void aContactDeliveredAgainIsClassifiedAndCountedOnce() {
    Contact once = customerSays("dup-1", Channel.CHAT, T0, "De betaallink werkt niet");
    pipe(once);
    pipe(once); // a webhook retry
    inputs.get(Channel.CHAT).pipeInput(once.getContactId(), // a client retry, 10 min later
        topics.contactsChat.valueSerde().serializer().serialize("", once),
        T0.minusSeconds(3000));
    // the same id from another channel's system is another contact
    pipe(customerSays("dup-1", Channel.EMAIL, T0.plusSeconds(5), "De betaallink werkt niet"));
    flush();

    assertThat(classified.readRecordsToList()).extracting(r -> r.value().getChannel())
        .containsExactly(Channel.CHAT, Channel.EMAIL);
    assertThat(trends.readKeyValuesToList()).filteredOn(kv -> kv.key.equals(
            "payment-problem|CHAT|1|" + T0)).last()
        .extracting(kv -> kv.value.getCount()).isEqualTo(1L);
    assertThat(registry.get(Deduplicator.METRIC).tags("topic", topics.contactsChat.name())
        .counter().count()).isEqualTo(2.0);
  }

  @Test
  void garbageBecomesOneDeadLetterAndProcessingContinues() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    inputs.get(Channel.CALL).pipeInput("bad-1", garbage, T0);
    inputs.get(Channel.CALL).pipeInput("bad-2", null, T0);
    pipe(customerSays("good-1", Channel.CALL, T0, "ik ga verhuizen"));
    flush();

    List<KeyValue<String, DeadLetter>> dead = deadLetters.readKeyValuesToList();

    assertThat(dead).extracting(kv -> kv.key).containsExactly("bad-1", "bad-2");
    DeadLetter first = dead.get(0).value;
    assertThat(first.getSource()).isEqualTo("analyzer");
    assertThat(first.getTopic()).isEqualTo(topics.contactsCall.name());
    assertThat(first.getPartition()).isEqualTo(0);
    assertThat(first.getOffset()).isEqualTo(0L);
    assertThat(first.getKey()).isEqualTo(ByteBuffer.wrap("bad-1".getBytes(StandardCharsets.UTF_8)));
    assertThat(first.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(first.getError()).startsWith("not a Contact in Avro single-object encoding");
    assertThat(first.getErrorClass())
        .isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(dead.get(1).value.getOffset()).isEqualTo(1L);
    assertThat(dead.get(1).value.getValue()).isNull();
    assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key + ":"
        + kv.value.getReasons().get(0).getReasonId()).containsExactly("good-1:moving-house");
    assertThat(registry.get(AnalyzerMetrics.DEAD_LETTERS).counter().count()).isEqualTo(2.0);
  }

  @Test
  void aContactFromTheFutureIsADeadLetterNotACrash() {
    // the broker would refuse its timestamp at the first repartition and stop the application
    pipe(customerSays("late-clock", Channel.CHAT, Instant.now().plus(Duration.ofHours(2)),
        "ik ga verhuizen"));
    pipe(customerSays("good-2", Channel.CHAT, T0, "ik ga verhuizen"));
    flush();

    List<KeyValue<String, DeadLetter>> dead = deadLetters.readKeyValuesToList();
    assertThat(dead).extracting(kv -> kv.key).containsExactly("late-clock");
    assertThat(dead.get(0).value.getError()).contains("minutes in the future");
    assertThat(classified.readKeyValuesToList()).extracting(kv -> kv.key)
        .containsExactly("good-2");
  }

  @Test
  void everyOperatorRepartitionAndStoreIsNamed() {
    TopologyDescription description = AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(Config.load(AnalyzerSettings.all(), Map.of())), topics, classifier,
        registry).describe();
    TreeSet<String> nodes = new TreeSet<>();
    TreeSet<String> stores = new TreeSet<>();
    TreeSet<String> sinkTopics = new TreeSet<>();
    description.subtopologies().forEach(s -> s.nodes().forEach(n -> {
      nodes.add(n.name());
      if (n instanceof TopologyDescription.Processor p) {
        stores.addAll(p.stores());
      }
      if (n instanceof TopologyDescription.Sink sink) {
        sinkTopics.add(sink.topic());
      }
    }));

    assertThat(description.subtopologies()).hasSize(5);
    assertThat(stores).containsExactly(
        "by-customer-order-buffer", "by-customer-order-marks", "by-reason-order-buffer",
        "by-reason-order-marks", "contact-dedup", "emerging-background", "emerging-emitted", "emerging-progress", "emerging-recent",
        "explained-order-buffer", "explained-order-marks", "explained-share-15m",
        "explained-share-1m", "explained-share-60m", "reason-channel-order-buffer",
        "reason-channel-order-marks", "reason-trends-15m",
        "reason-trends-1m", "reason-trends-60m", "repeat-hotspot-days", "repeat-hotspot-emitted",
        "repeat-ledger", "spike-background", "spike-baseline", "spike-emitted", "trend-progress");
    assertThat(nodes).containsExactly(PINNED_NODES);
    // Repartition topics are <application.id>-<name>; changelogs are <application.id>-<store>-changelog.
    assertThat(sinkTopics).containsExactly(
        "by-customer-repartition", "by-reason-repartition", "explained-repartition",
        "reason-channel-repartition", "waarom.contacts.classified", "waarom.dlq",
        "waarom.explained-share", "waarom.insights", "waarom.reason-trends");
    assertThat(description.toString()).doesNotContain("KSTREAM-", "KTABLE-");
  }

  private static final String[] PINNED_NODES = {
      "by-customer-repartition-filter", "by-customer-repartition-sink",
      "by-customer-repartition-source", "by-reason-repartition-filter",
      "by-reason-repartition-sink", "by-reason-repartition-source", "classified",
      "classified-sink", "count-classified", "count-dead-letters", "count-emerging-insights",
      "count-explained", "count-insights", "count-repeat-hotspots", "dead-letter-sink",
      "dead-letter-value", "dead-letters", "decode-and-classify", "deduplicate", "detect-emerging",
      "detect-repeat-hotspots", "detect-spikes", "emerging-insights-sink",
      "explained-repartition-filter", "explained-repartition-sink",
      "explained-repartition-source", "explained-share-sink", "insights-sink",
      "key-by-contact-id", "key-by-customer", "key-by-reason", "mark-repeats",
      "merge-contacts.call", "merge-contacts.email", "only-unexplained", "order-by-customer",
      "order-by-reason", "order-explained", "order-reason-channel", "read-contacts.call",
      "read-contacts.chat", "read-contacts.email", "reason-channel-repartition-filter",
      "reason-channel-repartition-sink", "reason-channel-repartition-source",
      "reason-trends-sink", "repeat-hotspots-sink", "repeats", "repeats-sink", "rollup-trends", "share-events", "trend-events",
      "watermark-by-customer", "watermark-by-reason", "watermark-explained",
      "watermark-reason-channel"};
}
