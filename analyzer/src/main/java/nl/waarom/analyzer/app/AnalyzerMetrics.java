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
  public static final String INSIGHTS = nl.waarom.analyzer.insight.InsightSink.METRIC;

  /** Counter of contacts the spike detector ignored as too late; tag {@code reason}. */
  public static final String SPIKE_LATE_IGNORED = nl.waarom.analyzer.spikes.SpikeDetector.LATE_METRIC;
  /**
   * Counter of trend and explained-share events not counted; tags {@code stream} ({@code trends},
   * {@code explained}), {@code window} ({@code 1m}, {@code 15m}, {@code 60m}), {@code cause}
   * ({@code late}: beyond the grace; {@code expired}: a repeat of a window no longer kept).
   */
  public static final String TREND_EVENTS_DROPPED = nl.waarom.analyzer.trends.TrendRollupProcessor.DROPPED;
  /** Gauge: explained share of the latest ended 15-minute window, 0..1 (NaN until known). */
  public static final String EXPLAINED_SHARE = nl.waarom.analyzer.trends.ExplainedShareGauge.METRIC;

  /** Counter of taxonomy file reloads; tag {@code outcome} = {@code ok} or {@code rejected}. */
  public static final String TAXONOMY_RELOAD = nl.waarom.analyzer.classify.ClassifierSource.RELOAD_METRIC;

  /** Counter of records read from the corrections topic; tag {@code outcome} = {@code ok} or {@code undecodable}. */
  public static final String CORRECTIONS_READ = nl.waarom.analyzer.feedback.CorrectionReader.READ_METRIC;
  /** Gauge: corrections the model in force skipped (reason not in its taxonomy, or no words). */
  public static final String CORRECTIONS_SKIPPED = nl.waarom.analyzer.feedback.FeedbackLearner.SKIPPED_METRIC;
  /** Timer of background retrainings with the corrections; tag {@code outcome} = {@code ok} or {@code failed}. */
  public static final String MODEL_RETRAIN = nl.waarom.analyzer.feedback.FeedbackLearner.RETRAIN_METRIC;
  /** Gauge: labelled examples the model in force was trained on. */
  public static final String MODEL_EXAMPLES = nl.waarom.analyzer.feedback.FeedbackLearner.EXAMPLES_METRIC;
  /** Gauge: corrections among the examples of the model in force. */
  public static final String MODEL_CORRECTIONS = nl.waarom.analyzer.feedback.FeedbackLearner.CORRECTIONS_METRIC;
  /** Gauge: when the model in force was trained, seconds since the epoch. */
  public static final String MODEL_TRAINED = nl.waarom.analyzer.feedback.FeedbackLearner.TRAINED_METRIC;

  private AnalyzerMetrics() {}
}
