package nl.waarom.analyzer.app;

/**
 * Names of the analyzer's own metrics (besides the Kafka Streams and JVM metrics also served on
 * /metrics). Prometheus shows dots as underscores, e.g. {@code waarom_analyzer_contacts_classified_total}.
 */
public final class AnalyzerMetrics {
  /** Counter of classified contacts; tags {@code reason} (primary reason or unexplained), {@code channel}. */
  public static final String CONTACTS_CLASSIFIED = "waarom.analyzer.contacts.classified";
  /** Counter of input records sent to the dead-letter topic; tag {@code topic}. */
  public static final String DEAD_LETTERS = "waarom.analyzer.dead.letters";
  /** Counter of insights emitted; tags {@code kind}, {@code reason}. */
  public static final String INSIGHTS = "waarom.analyzer.insights";

  /** Counter of contacts the spike detector ignored as too late; tag {@code reason}. */
  public static final String SPIKE_LATE_IGNORED = nl.waarom.analyzer.insights.SpikeDetector.LATE_METRIC;

  /** Counter of taxonomy file reloads; tag {@code outcome} = {@code ok} or {@code rejected}. */
  public static final String TAXONOMY_RELOAD = nl.waarom.analyzer.classify.ClassifierSource.RELOAD_METRIC;

  private AnalyzerMetrics() {}
}
