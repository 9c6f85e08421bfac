package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.contact;
import static nl.waarom.analyzer.TestContacts.customerSays;
import static nl.waarom.analyzer.TestContacts.turn;
import static org.assertj.core.api.Assertions.assertThat;

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
import nl.waarom.analyzer.taxonomy.TaxonomyLoader;
import nl.waarom.common.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Evidence;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
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
    driver = new TopologyTestDriver(topology, props);
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

  @Test
  void classifiesDutchAndEnglishContactsWithEvidenceInTheTurn() {
    pipe(contact("nl-1", Channel.CHAT, T0, List.of(
        turn(Speaker.AGENT, "Goedemiddag, waarmee kan ik helpen?"),
        turn(Speaker.CUSTOMER, "De betaallink in jullie mail werkt niet"))));
    pipe(customerSays("en-1", Channel.EMAIL, T0.plusSeconds(5),
        "Where is my parcel? I ordered it last week."));
    pipe(customerSays("nl-2", Channel.CALL, T0.plusSeconds(9),
        "Goedemiddag, ik wilde even iets navragen."));

    List<TestRecord<String, ClassifiedContact>> out = classified.readRecordsToList();

    assertThat(out).extracting(TestRecord::key).containsExactly("nl-1", "en-1", "nl-2");
    assertThat(out).extracting(TestRecord::getRecordTime)
        .containsExactly(T0, T0.plusSeconds(5), T0.plusSeconds(9));
    // 3 rules: betaallink*, "werkt niet", and link (split from betaallink) AND betal* AND ...
    assertThat(out.get(0).value()).isEqualTo(ClassifiedContact.newBuilder()
        .setContactId("nl-1").setChannel(Channel.CHAT).setCustomerKey("cust-nl-1")
        .setOccurredAt(T0).setLanguage(null).setQueue(null).setHandleMillis(HANDLE)
        .setTaxonomyVersion("2026.11-2")
        .setReasons(List.of(new ReasonMatch("payment-problem", 0.99, ReasonSource.RULE, List.of(
            new Evidence("betaallink", 1, 3, 13), new Evidence("werkt niet", 1, 29, 39)))))
        .setUnexplained(false).setRepeatOf(null)
        .setSnippet("De betaallink in jullie mail werkt niet")
        .setTerms(List.of("betaallink", "mail", "werkt", "betaallink mail", "mail werkt"))
        .build());
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
  void countsPerReasonChannelAndMinuteWithBaseline() {
    pipe(customerSays("a", Channel.CHAT, T0.plusSeconds(1), "storing"));
    pipe(customerSays("b", Channel.CHAT, T0.plusSeconds(30), "no internet"));
    pipe(customerSays("c", Channel.CALL, T0.plusSeconds(40), "the payment link does not work"));
    pipe(customerSays("d", Channel.EMAIL, T0.plusSeconds(50), "hallo"));
    pipe(customerSays("e", Channel.CHAT, T0.plusSeconds(61), "storing"));

    Map<String, ReasonTrend> latest = trends.readKeyValuesToMap();

    Instant t1 = T0.plusSeconds(60);
    assertThat(latest).isEqualTo(Map.of(
        "outage|CHAT|2026-11-24T10:00:00Z", trend("outage", Channel.CHAT, T0, 2, null),
        "payment-problem|CALL|2026-11-24T10:00:00Z",
        trend("payment-problem", Channel.CALL, T0, 1, null),
        "unexplained|EMAIL|2026-11-24T10:00:00Z", trend("unexplained", Channel.EMAIL, T0, 1, null),
        "outage|CHAT|2026-11-24T10:01:00Z", trend("outage", Channel.CHAT, t1, 1, 2.0 / 15)));
  }

  private static ReasonTrend trend(String reason, Channel channel, Instant start, long count,
      Double baseline) {
    return ReasonTrend.newBuilder().setReasonId(reason).setChannel(channel).setWindowStart(start)
        .setWindowEnd(start.plusSeconds(60)).setCount(count).setHandleMillisTotal(count * HANDLE)
        .setBaseline(baseline).setDeviation(baseline == null ? null : count / baseline).build();
  }

  @Test
  void everyUpdateOfAWindowIsPublished() {
    pipe(customerSays("a", Channel.CHAT, T0.plusSeconds(1), "storing"));
    pipe(customerSays("b", Channel.CHAT, T0.plusSeconds(2), "storing"));

    assertThat(trends.readKeyValuesToList()).extracting(kv -> kv.key + "=" + kv.value.getCount())
        .containsExactly("outage|CHAT|2026-11-24T10:00:00Z=1", "outage|CHAT|2026-11-24T10:00:00Z=2");
  }

  @Test
  void spikeFiresOnceWhenTheThresholdIsCrossedAndNotForSteadyTraffic() {
    // Steady: 2 outage contacts a minute for 15 minutes (baseline 2.0); never a spike.
    for (int minute = 0; minute < 15; minute++) {
      Instant start = T0.plusSeconds(60L * minute);
      pipe(customerSays("s" + minute + "a", Channel.CHAT, start.plusSeconds(10), "storing"));
      pipe(customerSays("s" + minute + "b", Channel.CHAT, start.plusSeconds(40), "storing"));
    }
    assertThat(insights.isEmpty()).isTrue();

    // Burst in minute 15: the threshold is max(10, 3 x 2.0) = 10 contacts.
    Instant burst = T0.plusSeconds(15 * 60);
    List<Contact> burstContacts = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      burstContacts.add(customerSays("b" + i, i % 2 == 0 ? Channel.CALL : Channel.CHAT,
          burst.plusSeconds(2L * i), "Er is een storing in mijn wijk " + i));
    }
    burstContacts.forEach(this::pipe);

    List<KeyValue<String, Insight>> fired = insights.readKeyValuesToList();
    String id = "spike:outage:2026-11-24T10:15:00Z";
    assertThat(fired).containsExactly(KeyValue.pair(id, Insight.newBuilder()
        .setInsightId(id).setKind(InsightKind.SPIKE).setReasonId("outage")
        .setCandidateTerms(List.of()).setWindowStart(burst).setWindowEnd(burst.plusSeconds(60))
        .setCount(10).setBaseline(2.0).setChannels(List.of(Channel.CALL, Channel.CHAT))
        .setExamples(burstContacts.subList(0, 5).stream().map(c ->
            new InsightExample(c.getContactId(), c.getTurns().get(0).getText())).toList())
        // 10 contacts in one minute x 420 busy minutes a week x 5 min handle x 1.0 per minute
        .setEstimatedCost(10 * 420.0 * 5 * 1.0)
        .setPreventability(Preventability.PREVENT)
        .setDetectedAt(burst.plusSeconds(18)) // the 10th contact
        .setSummary("Spike in 'Outage': 10 contacts in the minute from 2026-11-24 10:15 UTC, "
            + "5.0× the usual 2.0 (call, chat).")
        .build()));

    // Replaying contacts of the same window never fires the same spike again.
    pipe(customerSays("late", Channel.EMAIL, burst.plusSeconds(59), "storing"));
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
    assertThat(insights.isEmpty()).isTrue();
  }

  @Test
  void garbageBecomesOneDeadLetterAndProcessingContinues() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    inputs.get(Channel.CALL).pipeInput("bad-1", garbage, T0);
    inputs.get(Channel.CALL).pipeInput("bad-2", null, T0);
    pipe(customerSays("good-1", Channel.CALL, T0, "ik ga verhuizen"));

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

    assertThat(description.subtopologies()).hasSize(3);
    assertThat(stores).containsExactly("emerging-background", "emerging-emitted",
        "emerging-progress", "emerging-recent", "reason-counts-1m", "spike-baseline",
        "spike-emitted");
    assertThat(nodes).containsExactly(PINNED_NODES);
    // Repartition topics are <application.id>-<name>; changelogs are <application.id>-<store>-changelog.
    assertThat(sinkTopics).containsExactly("by-reason-repartition", "reason-channel-repartition",
        "waarom.contacts.classified", "waarom.dlq", "waarom.insights", "waarom.reason-trends");
    assertThat(description.toString()).doesNotContain("KSTREAM-", "KTABLE-");
  }

  private static final String[] PINNED_NODES = {
      "by-reason-repartition-filter", "by-reason-repartition-sink",
      "by-reason-repartition-source", "classified", "classified-sink", "count-classified",
      "count-dead-letters", "count-emerging-insights", "count-insights", "count-reason-channel",
      "dead-letter-sink", "dead-letter-value", "dead-letters", "decode-and-classify",
      "detect-emerging", "detect-spikes", "emerging-insights-sink", "insights-sink",
      "key-by-contact-id", "key-by-reason", "key-by-reason-channel", "key-by-trend-window",
      "merge-contacts.call", "merge-contacts.email", "only-unexplained", "read-contacts.call",
      "read-contacts.chat", "read-contacts.email",
      "reason-channel-repartition-filter", "reason-channel-repartition-sink",
      "reason-channel-repartition-source", "reason-count-updates", "reason-trends-sink",
      "trend-baseline"};
}
