package nl.waarom.analyzer.insight;

import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topic;
import nl.waarom.taxonomy.Reason;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Where every detector's insights leave the topology: each is counted in {@link #METRIC} and
 * written to the insights topic (key: insight id). One way for all detectors, so the board and
 * the metric see every kind alike.
 */
public final class InsightSink {
  /**
   * Counter of insights emitted; tags {@code kind} and {@code reason} (the insight's reason, or
   * {@code unexplained} for an insight about contacts without one).
   */
  public static final String METRIC = "waarom.analyzer.insights";

  private InsightSink() {}

  /**
   * Counts and writes {@code insights}.
   *
   * @param countName the name of the counting processor
   * @param sinkName the name of the sink processor
   */
  public static void write(KStream<String, Insight> insights, Topic<String, Insight> topic,
      MeterRegistry registry, String countName, String sinkName) {
    insights
        .peek((id, insight) -> registry.counter(METRIC, "kind", insight.getKind().name(),
            "reason", reasonOf(insight)).increment(), Named.as(countName))
        .to(topic.name(), Produced.with(topic.keySerde(), topic.valueSerde()).withName(sinkName));
  }

  private static String reasonOf(Insight insight) {
    return insight.getReasonId() == null ? Reason.UNEXPLAINED : insight.getReasonId().toString();
  }
}
