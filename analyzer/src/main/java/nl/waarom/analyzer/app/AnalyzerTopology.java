package nl.waarom.analyzer.app;

import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.analyzer.classify.ClassifyProcessor;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierSource;
import java.util.function.Supplier;
import nl.waarom.analyzer.classify.Outcome;
import nl.waarom.analyzer.emerging.EmergingTopology;
import nl.waarom.analyzer.spikes.SpikeDetector;
import nl.waarom.analyzer.spikes.SpikeInsights;
import nl.waarom.analyzer.repeats.RepeatHotspotDetector;
import nl.waarom.analyzer.repeats.RepeatHotspots;
import nl.waarom.analyzer.repeats.RepeatLedger;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.analyzer.trends.TrendStreams;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The analyzer's Kafka Streams topology, built by a pure function.
 *
 * <p>Input: {@code contacts.chat}, {@code contacts.call}, {@code contacts.email} (raw bytes,
 * decoded in the topology). Classified contacts are re-keyed by customer through the repeat
 * ledger, which marks repeats, and re-keyed by contactId before everything below. Output:
 * {@code contacts.classified} (key contactId), {@code reason-trends} (key
 * reasonId|channel|windowMinutes|windowStartIso), {@code explained-share} (key
 * windowMinutes|windowStartIso), {@code insights} (key insightId), {@code dlq} (undecodable
 * input). Internal: repartition topics {@code by-customer}, {@code reason-channel},
 * {@code explained} and {@code by-reason}; stores {@code repeat-ledger}, the trends' stores (see
 * {@link TrendStreams}), {@code spike-baseline}, {@code spike-background}, {@code spike-emitted},
 * {@code repeat-hotspot-days}, {@code repeat-hotspot-emitted}, and the
 * {@code emerging-*} stores of {@link EmergingTopology}. Every processor, repartition topic
 * and store is named; the names are pinned by {@code AnalyzerTopologyTest}, because renaming one
 * changes an internal topic and loses its state.
 */
public final class AnalyzerTopology {
  private AnalyzerTopology() {}

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
    KStream<String, Outcome> outcomes = contacts(builder, topics)
        .processValues(() -> new ClassifyProcessor(topics.contactsChat.valueSerde(), classifiers),
            Named.as("decode-and-classify"));

    outcomes.filter((key, outcome) -> outcome.failed(), Named.as("dead-letters"))
        .mapValues(Outcome::deadLetter, Named.as("dead-letter-value"))
        .peek((key, dead) -> registry.counter(AnalyzerMetrics.DEAD_LETTERS,
            "topic", String.valueOf(dead.getTopic())).increment(), Named.as("count-dead-letters"))
        .to(topics.deadLetters.name(), produced(topics.deadLetters, "dead-letter-sink"));

    KStream<String, ClassifiedContact> classified = outcomes
        .filter((key, outcome) -> !outcome.failed(), Named.as("classified"))
        .map((key, outcome) -> KeyValue.pair(outcome.classified().getContactId(),
            outcome.classified()), Named.as("key-by-contact-id"))
        .peek((key, contact) -> registry.counter(AnalyzerMetrics.CONTACTS_CLASSIFIED,
            "reason", TrendKeys.primaryReason(contact), "channel", contact.getChannel().name())
            .increment(), Named.as("count-classified"));
    classified = repeats(builder, classified, options, topics, registry);
    classified.to(topics.classified.name(), produced(topics.classified, "classified-sink"));

    trends(builder, classified, options, topics, registry);
    KStream<String, ClassifiedContact> byReason =
        spikes(builder, classified, options, topics, classifiers, registry);
    repeatHotspots(builder, byReason, options, classifiers, topics, registry);
    emerging(byReason, options, topics, registry);
    return builder.build();
  }

  private static KStream<String, byte[]> contacts(StreamsBuilder builder, Topics topics) {
    KStream<String, byte[]> all = null;
    for (Topic<String, Contact> topic : topics.contactTopics()) {
      String name = topic.name().substring(topics.prefix().length());
      KStream<String, byte[]> stream = builder.stream(topic.name(),
          Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-" + name));
      all = all == null ? stream : all.merge(stream, Named.as("merge-" + name));
    }
    return all;
  }

  private static void trends(StreamsBuilder builder, KStream<String, ClassifiedContact> classified,
      AnalyzerOptions options, Topics topics, MeterRegistry registry) {
    TrendStreams.add(classified, options.trends(), topics, registry);
  }

  /**
   * Re-keys classified contacts by customer, marks repeats in the repeat ledger and re-keys them
   * by contactId: everything downstream sees repeatOf.
   */
  private static KStream<String, ClassifiedContact> repeats(StreamsBuilder builder,
      KStream<String, ClassifiedContact> classified, AnalyzerOptions options, Topics topics,
      MeterRegistry registry) {
    return classified
        .selectKey((key, contact) -> RepeatLedger.partitionKey(contact),
            Named.as("key-by-customer"))
        .repartition(Repartitioned.<String, ClassifiedContact>as("by-customer")
            .withKeySerde(Serdes.String()).withValueSerde(topics.classified.valueSerde()))
        .process(RepeatLedger.supplier(options.repeat(), registry), Named.as("mark-repeats"));
  }

  private static KStream<String, ClassifiedContact> spikes(StreamsBuilder builder,
      KStream<String, ClassifiedContact> classified, AnalyzerOptions options, Topics topics,
      Supplier<Classifier> classifiers, MeterRegistry registry) {
    // The taxonomy in force when the spike fires: a reloaded taxonomy's names and
    // preventability apply to spikes of its new reasons.
    SpikeInsights insights = new SpikeInsights(() -> classifiers.get().taxonomy(), options.spike());
    KStream<String, ClassifiedContact> byReason = classified
        .selectKey((key, contact) -> TrendKeys.primaryReason(contact), Named.as("key-by-reason"))
        .repartition(Repartitioned.<String, ClassifiedContact>as("by-reason")
            .withKeySerde(Serdes.String()).withValueSerde(topics.classified.valueSerde()));
    byReason.process(SpikeDetector.supplier(options.spike(), insights, registry),
            Named.as("detect-spikes"))
        .peek((id, insight) -> registry.counter(AnalyzerMetrics.INSIGHTS, "kind",
            insight.getKind().name(), "reason", String.valueOf(insight.getReasonId())).increment(),
            Named.as("count-insights"))
        .to(topics.insights.name(), produced(topics.insights, "insights-sink"));
    return byReason;
  }

  private static void repeatHotspots(StreamsBuilder builder,
      KStream<String, ClassifiedContact> byReason, AnalyzerOptions options,
      Supplier<Classifier> classifiers, Topics topics, MeterRegistry registry) {
    RepeatHotspots hotspots =
        new RepeatHotspots(() -> classifiers.get().taxonomy(), options.repeat());
    byReason
        .process(RepeatHotspotDetector.supplier(options.repeat(), hotspots, registry),
            Named.as("detect-repeat-hotspots"))
        .peek((id, insight) -> registry.counter(AnalyzerMetrics.INSIGHTS, "kind",
            insight.getKind().name(), "reason", String.valueOf(insight.getReasonId())).increment(),
            Named.as("count-repeat-hotspots"))
        .to(topics.insights.name(), produced(topics.insights, "repeat-hotspots-sink"));
  }

  private static void emerging(KStream<String, ClassifiedContact> byReason,
      AnalyzerOptions options, Topics topics, MeterRegistry registry) {
    EmergingTopology.addTo(byReason, options.emerging(), topics.insights, registry,
        AnalyzerMetrics.INSIGHTS);
  }

  private static <V> Produced<String, V> produced(Topic<String, V> topic, String name) {
    return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
  }
}
