package nl.waarom.analyzer.emerging;

import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.taxonomy.Reason;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topic;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The EMERGING_REASON branch of the analyzer topology: from the by-reason stream (key = primary
 * reason) keep {@code unexplained} (one key, so one partition and one detector sees them all),
 * detect emerging reasons, write them to the insights topic. Processors: {@code only-unexplained},
 * {@code detect-emerging}, {@code count-emerging-insights}, sink {@code emerging-insights-sink};
 * stores: {@code emerging-recent}, {@code emerging-background}, {@code emerging-emitted},
 * {@code emerging-progress} (persistent, changelogged; names pinned by tests).
 */
public final class EmergingTopology {
  private EmergingTopology() {}

  /**
   * Adds the branch to {@code byReason}'s topology.
   *
   * @param insightsCounter metric name of the analyzer's insight counter (tags kind, reason)
   */
  public static void addTo(KStream<String, ClassifiedContact> byReason, EmergingOptions options,
      Topic<String, Insight> insights, MeterRegistry registry, String insightsCounter) {
    byReason
        .filter((reason, contact) -> Reason.UNEXPLAINED.equals(reason),
            Named.as("only-unexplained"))
        .process(EmergingDetector.supplier(options, registry), Named.as("detect-emerging"))
        .peek((id, insight) -> registry.counter(insightsCounter, "kind",
            insight.getKind().name(), "reason", Reason.UNEXPLAINED).increment(),
            Named.as("count-emerging-insights"))
        .to(insights.name(), Produced.with(insights.keySerde(), insights.valueSerde())
            .withName("emerging-insights-sink"));
  }
}
