package nl.waarom.analyzer.app;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierSource;
import nl.waarom.analyzer.classify.ClassifyProcessor;
import nl.waarom.analyzer.streams.Deduplicator;
import nl.waarom.analyzer.classify.Outcome;
import nl.waarom.analyzer.emerging.EmergingTopology;
import nl.waarom.analyzer.insight.InsightSink;
import nl.waarom.analyzer.repeats.RepeatHotspotDetector;
import nl.waarom.analyzer.repeats.RepeatHotspots;
import nl.waarom.analyzer.repeats.RepeatLedger;
import nl.waarom.analyzer.spikes.SpikeDetector;
import nl.waarom.analyzer.spikes.SpikeInsights;
import nl.waarom.analyzer.streams.order.OrderedHop;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.analyzer.trends.TrendStreams;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.Taxonomy;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The analyzer's Kafka Streams topology, built by a pure function that reads as the way of a
 * contact: read, decode and classify, dead letters out, classified out, mark repeats, repeats
 * out, trends, then re-keyed by reason into the detectors, whose insights go out.
 *
 * <p>Input: {@code contacts.chat}, {@code contacts.call}, {@code contacts.email} (raw bytes,
 * decoded in the topology). Classified contacts are re-keyed by customer through the repeat
 * ledger, which marks repeats, and re-keyed by contactId before everything below. Output:
 * {@code contacts.classified} (key contactId: every contact once, straight after
 * classification, and a repeat once more with {@code repeatOf} set, after the ordering), {@code reason-trends} (key
 * reasonId|channel|windowMinutes|windowStartIso), {@code explained-share} (key
 * windowMinutes|windowStartIso), {@code insights} (key insightId), {@code dlq} (undecodable
 * input). Internal: repartition topics {@code by-customer}, {@code reason-channel},
 * {@code explained} and {@code by-reason}; stores {@code repeat-ledger}, the trends' stores (see
 * {@link TrendStreams}), {@code spike-baseline}, {@code spike-background}, {@code spike-emitted},
 * {@code repeat-hotspot-days}, {@code repeat-hotspot-emitted}, and the
 * {@code emerging-*} stores of {@link EmergingTopology}. Every processor, repartition topic
 * and store is named; the names are pinned by {@code AnalyzerTopologyTest}, because renaming one
 * changes an internal topic and loses its state. The order of the stages below is also the order
 * in which Kafka Streams numbers the sub-topologies (and so the task directories): keep it.
 */
public final class AnalyzerTopology {
  private AnalyzerTopology() {}

  /** The first ordered hop: the contacts by customer, which all later hops come out of. */
  private static final String BY_CUSTOMER = "by-customer";

  /** The topology with one fixed classifier. */
  public static Topology buildTopology(AnalyzerOptions options, Topics topics,
      Classifier classifier, MeterRegistry registry) {
    return buildTopology(options, topics, ClassifierSource.fixed(classifier), registry);
  }

  /**
   * The topology with the classifier in force at each record ({@link ClassifierSource} swaps it
   * when the taxonomy file changes).
   */
  public static Topology buildTopology(AnalyzerOptions options, Topics topics,
      Supplier<Classifier> classifiers, MeterRegistry registry) {
    StreamsBuilder builder = new StreamsBuilder();
    KStream<String, Outcome> outcomes =
        decodeAndClassify(contactsIn(builder, topics)
            .process(Deduplicator.supplier(options.dedupHorizon(), registry),
                Named.as("deduplicate")), topics, classifiers);
    deadLettersOut(outcomes, topics, registry);
    KStream<String, ClassifiedContact> firstSeen = classified(outcomes, registry);
    classifiedOut(firstSeen, topics);
    KStream<String, ClassifiedContact> classified =
        markRepeats(firstSeen, options, topics, registry);
    repeatsOut(classified, topics);
    TrendStreams.add(classified, options.trends(), topics, options.order(), BY_CUSTOMER,
        registry);

    KStream<String, ClassifiedContact> byReason = byReason(classified, options, topics, registry);
    // The taxonomy in force when an insight fires: a reloaded taxonomy's names and
    // preventability apply to insights about its new reasons.
    Supplier<Taxonomy> taxonomy = () -> classifiers.get().taxonomy();
    insightsOut(detectSpikes(byReason, options, taxonomy, registry), topics, registry,
        "count-insights", "insights-sink");
    insightsOut(detectRepeatHotspots(byReason, options, taxonomy, registry), topics, registry,
        "count-repeat-hotspots", "repeat-hotspots-sink");
    insightsOut(EmergingTopology.detect(byReason, options.emerging(), registry), topics, registry,
        "count-emerging-insights", "emerging-insights-sink");
    return builder.build();
  }

  /** The raw records of every contact topic, merged. */
  private static KStream<String, byte[]> contactsIn(StreamsBuilder builder, Topics topics) {
    KStream<String, byte[]> all = null;
    for (Topic<String, Contact> topic : topics.contactTopics()) {
      String name = topic.name().substring(topics.prefix().length());
      KStream<String, byte[]> stream = builder.stream(topic.name(),
          Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + name));
      all = all == null ? stream : all.merge(stream, Named.as("merge-" + name));
    }
    return all;
  }

  /** Each record decoded and classified, or the reason it could not be: a dead letter. */
  private static KStream<String, Outcome> decodeAndClassify(KStream<String, byte[]> contacts,
      Topics topics, Supplier<Classifier> classifiers) {
    return contacts.processValues(
        () -> new ClassifyProcessor(topics.contactsChat.valueSerde(), classifiers),
        Named.as("decode-and-classify"));
  }

  private static void deadLettersOut(KStream<String, Outcome> outcomes, Topics topics,
      MeterRegistry registry) {
    outcomes.filter((key, outcome) -> outcome.failed(), Named.as("dead-letters"))
        .mapValues(Outcome::deadLetter, Named.as("dead-letter-value"))
        .peek((key, dead) -> registry.counter(AnalyzerMetrics.DEAD_LETTERS,
            "topic", String.valueOf(dead.getTopic())).increment(), Named.as("count-dead-letters"))
        .to(topics.deadLetters.name(), produced(topics.deadLetters, "dead-letter-sink"));
  }

  /** The classified contacts, keyed by contactId and counted. */
  private static KStream<String, ClassifiedContact> classified(KStream<String, Outcome> outcomes,
      MeterRegistry registry) {
    return outcomes
        .filter((key, outcome) -> !outcome.failed(), Named.as("classified"))
        .map((key, outcome) -> KeyValue.pair(outcome.classified().getContactId(),
            outcome.classified()), Named.as("key-by-contact-id"))
        .peek((key, contact) -> registry.counter(AnalyzerMetrics.CONTACTS_CLASSIFIED,
            "reason", TrendKeys.primaryReason(contact), "channel", contact.getChannel().name())
            .increment(), Named.as("count-classified"));
  }

  /**
   * Re-keys classified contacts by customer, marks repeats in the repeat ledger and re-keys them
   * by contactId: everything downstream sees repeatOf.
   */
  private static KStream<String, ClassifiedContact> markRepeats(
      KStream<String, ClassifiedContact> classified, AnalyzerOptions options, Topics topics,
      MeterRegistry registry) {
    KStream<String, ClassifiedContact> byCustomer = classified
        .selectKey((key, contact) -> RepeatLedger.partitionKey(contact),
            Named.as("key-by-customer"));
    OrderedHop<ClassifiedContact> hop = new OrderedHop<>(BY_CUSTOMER,
        topics.classified.valueSerde(), (key, contact) -> contact.getContactId(), null);
    List<String> contactTopics = topics.contactTopics().stream().map(Topic::name).toList();
    return hop.apply(byCustomer, options.order(), registry, contactTopics)
        .process(RepeatLedger.supplier(options.repeat(), registry), Named.as("mark-repeats"));
  }

  /**
   * Every classified contact, as soon as it is classified: its latency is one commit, not the
   * ordering's tolerance. The repeat ledger has not judged it yet, so {@code repeatOf} is empty.
   */
  private static void classifiedOut(KStream<String, ClassifiedContact> classified,
      Topics topics) {
    classified.to(topics.classified.name(), produced(topics.classified, "classified-sink"));
  }

  /**
   * A contact the repeat ledger found to be a repeat, published a second time on the same topic
   * and key with {@code repeatOf} set: it supersedes the first record (readers that keep the
   * latest record per contactId see the repeat; counting contacts means counting records without
   * {@code repeatOf}).
   */
  private static void repeatsOut(KStream<String, ClassifiedContact> marked, Topics topics) {
    marked.filter((key, contact) -> contact.getRepeatOf() != null, Named.as("repeats"))
        .to(topics.classified.name(), produced(topics.classified, "repeats-sink"));
  }

  /**
   * Classified contacts keyed and partitioned by primary reason, in event-time order, for the
   * detectors (with the ticks of the ordering, which the detectors use to judge).
   */
  private static KStream<String, ClassifiedContact> byReason(
      KStream<String, ClassifiedContact> classified, AnalyzerOptions options, Topics topics,
      MeterRegistry registry) {
    OrderedHop<ClassifiedContact> hop = new OrderedHop<>("by-reason",
        topics.classified.valueSerde(), (key, contact) -> contact.getContactId(),
        BY_CUSTOMER);
    return hop.apply(classified.selectKey((key, contact) -> TrendKeys.primaryReason(contact),
        Named.as("key-by-reason")), options.order(), registry);
  }

  private static KStream<String, Insight> detectSpikes(KStream<String, ClassifiedContact> byReason,
      AnalyzerOptions options, Supplier<Taxonomy> taxonomy, MeterRegistry registry) {
    SpikeInsights insights = new SpikeInsights(taxonomy, options.spike());
    return byReason.process(SpikeDetector.supplier(options.spike(), insights, registry),
        Named.as("detect-spikes"));
  }

  private static KStream<String, Insight> detectRepeatHotspots(
      KStream<String, ClassifiedContact> byReason, AnalyzerOptions options,
      Supplier<Taxonomy> taxonomy, MeterRegistry registry) {
    RepeatHotspots hotspots = new RepeatHotspots(taxonomy, options.repeat());
    return byReason.process(RepeatHotspotDetector.supplier(options.repeat(), hotspots, registry),
        Named.as("detect-repeat-hotspots"));
  }

  private static void insightsOut(KStream<String, Insight> insights, Topics topics,
      MeterRegistry registry, String countName, String sinkName) {
    InsightSink.write(insights, topics.insights, registry, countName, sinkName);
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
