package nl.waarom.analyzer.app;

import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.analyzer.classify.ClassifyProcessor;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierSource;
import java.util.function.Supplier;
import nl.waarom.analyzer.classify.Outcome;
import nl.waarom.analyzer.emerging.EmergingTopology;
import nl.waarom.analyzer.insights.JsonSerde;
import nl.waarom.analyzer.insights.SpikeDetector;
import nl.waarom.analyzer.insights.SpikeInsights;
import nl.waarom.analyzer.insights.SpikeState;
import nl.waarom.analyzer.trends.TrendAggregator;
import nl.waarom.analyzer.trends.TrendBaselineProcessor;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The analyzer's Kafka Streams topology, built by a pure function.
 *
 * <p>Input: {@code contacts.chat}, {@code contacts.call}, {@code contacts.email} (raw bytes,
 * decoded in the topology). Output: {@code contacts.classified} (key contactId),
 * {@code reason-trends} (key reasonId|channel|windowStartIso), {@code insights} (key insightId),
 * {@code dlq} (undecodable input). Internal: repartition topics {@code reason-channel} and
 * {@code by-reason}, stores {@code reason-counts-1m}, {@code spike-baseline},
 * {@code spike-emitted}, and the {@code emerging-*} stores of {@link EmergingTopology}. Every processor, repartition topic and store is named; the names are
 * pinned by {@code AnalyzerTopologyTest}, because renaming one changes an internal topic and
 * loses its state.
 */
public final class AnalyzerTopology {
  /** Window store of counts per reason|channel per minute. */
  public static final String TREND_STORE = "reason-counts-1m";

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
    classified.to(topics.classified.name(), produced(topics.classified, "classified-sink"));

    trends(classified, options, topics);
    KStream<String, ClassifiedContact> byReason =
        spikes(builder, classified, options, topics, classifiers, registry);
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

  private static void trends(KStream<String, ClassifiedContact> classified,
      AnalyzerOptions options, Topics topics) {
    classified
        .selectKey((key, contact) -> TrendKeys.reasonChannel(contact),
            Named.as("key-by-reason-channel"))
        .groupByKey(Grouped.with("reason-channel", Serdes.String(), topics.classified.valueSerde()))
        .windowedBy(TimeWindows.ofSizeAndGrace(AnalyzerOptions.WINDOW, options.trendGrace()))
        .aggregate(TrendAggregator::initial, TrendAggregator::add, Named.as("count-reason-channel"),
            Materialized.<String, ReasonTrend, WindowStore<Bytes, byte[]>>as(TREND_STORE)
                .withKeySerde(Serdes.String())
                .withValueSerde(topics.reasonTrends.valueSerde())
                .withRetention(options.trendRetention()))
        .toStream(Named.as("reason-count-updates"))
        .processValues(() -> new TrendBaselineProcessor(TREND_STORE, AnalyzerOptions.WINDOW,
            options.spike().baselineWindows()), Named.as("trend-baseline"), TREND_STORE)
        .map((window, trend) -> KeyValue.pair(TrendKeys.trendKey(trend.getReasonId(),
            trend.getChannel(), trend.getWindowStart()), trend), Named.as("key-by-trend-window"))
        .to(topics.reasonTrends.name(), produced(topics.reasonTrends, "reason-trends-sink"));
  }

  private static KStream<String, ClassifiedContact> spikes(StreamsBuilder builder, KStream<String, ClassifiedContact> classified,
      AnalyzerOptions options, Topics topics, Supplier<Classifier> classifiers,
      MeterRegistry registry) {
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SpikeDetector.BASELINE_STORE), Serdes.String(),
        new JsonSerde<>(SpikeState.class)));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.persistentKeyValueStore(SpikeDetector.EMITTED_STORE), Serdes.String(),
        Serdes.Long()));
    // The taxonomy in force when the spike fires: a reloaded taxonomy's names and
    // preventability apply to spikes of its new reasons.
    SpikeInsights insights = new SpikeInsights(() -> classifiers.get().taxonomy(), options.spike());
    KStream<String, ClassifiedContact> byReason = classified
        .selectKey((key, contact) -> TrendKeys.primaryReason(contact), Named.as("key-by-reason"))
        .repartition(Repartitioned.<String, ClassifiedContact>as("by-reason")
            .withKeySerde(Serdes.String()).withValueSerde(topics.classified.valueSerde()));
    byReason
        .process(() -> new SpikeDetector(options.spike(), insights), Named.as("detect-spikes"),
            SpikeDetector.BASELINE_STORE, SpikeDetector.EMITTED_STORE)
        .peek((id, insight) -> registry.counter(AnalyzerMetrics.INSIGHTS, "kind",
            insight.getKind().name(), "reason", String.valueOf(insight.getReasonId())).increment(),
            Named.as("count-insights"))
        .to(topics.insights.name(), produced(topics.insights, "insights-sink"));
    return byReason;
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
