package nl.waarom.analyzer.emerging;

import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import nl.waarom.taxonomy.Reason;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;

/**
 * The EMERGING_REASON branch of the analyzer topology: from the by-reason stream (key = primary
 * reason) keep {@code unexplained} (one key, so one partition and one detector sees them all) and
 * detect emerging reasons. Processors: {@code only-unexplained}, {@code detect-emerging}; stores:
 * {@code emerging-recent}, {@code emerging-background}, {@code emerging-emitted},
 * {@code emerging-progress} (persistent, changelogged; names pinned by tests). The caller writes
 * the insights out, as it does those of the other detectors.
 */
public final class EmergingTopology {
  private EmergingTopology() {}

  /** The EMERGING_REASON insights found in {@code byReason}, keyed by insight id. */
  public static KStream<String, Insight> detect(KStream<String, ClassifiedContact> byReason,
      EmergingOptions options, MeterRegistry registry) {
    return byReason
        .filter((reason, contact) -> Reason.UNEXPLAINED.equals(reason),
            Named.as("only-unexplained"))
        .process(EmergingDetector.supplier(options, registry), Named.as("detect-emerging"));
  }
}
