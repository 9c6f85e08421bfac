package nl.waarom.sink.consume;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;

/**
 * The sink's metrics (served on {@code /metrics} in Prometheus format, where dots become
 * underscores and counters get {@code _total}). Names are constants so dashboards and alerts can
 * be checked against them.
 */
public final class SinkMetrics {
  /** Counter of insight records written, tagged {@code outcome} = inserted, updated, unchanged. */
  public static final String INSIGHTS_WRITTEN = "waarom.sink.insights.written";
  /** Counter of trend records written, tagged {@code outcome} = changed, unchanged. */
  public static final String TRENDS_WRITTEN = "waarom.sink.trends.written";
  /**
   * Counter of workspace rows inserted or changed, tagged {@code kind} = taxonomy, contact
   * (the words), classification, correction; identical re-deliveries are not counted.
   */
  public static final String CONTACTS_WRITTEN = "waarom.sink.contacts.written";
  /** Counter of records that could not be decoded and went to the dead-letter topic. */
  public static final String DEAD_LETTERS = "waarom.sink.dead.letters";
  /** Timer of one batch: database transaction, dead letters and offset commit. */
  public static final String BATCH_DURATION = "waarom.sink.batch.duration";
  /** Counter of batches that failed (database or Kafka unavailable) and will be retried. */
  public static final String BATCH_FAILURES = "waarom.sink.batch.failures";
  /** Gauge of records behind per assigned partition, tagged {@code topic}, {@code partition}. */
  public static final String CONSUMER_LAG = ConsumerLag.LAG;

  private static final String OUTCOME = "outcome";

  private final Counter insightsInserted;
  private final Counter insightsUpdated;
  private final Counter insightsUnchanged;
  private final Counter trendsChanged;
  private final Counter trendsUnchanged;
  private final Counter taxonomiesWritten;
  private final Counter textsWritten;
  private final Counter classificationsWritten;
  private final Counter correctionsWritten;
  private final Counter deadLetters;
  private final Counter batchFailures;
  private final Timer batchDuration;
  private final MeterRegistry registry;

  /** Registers every meter up front so they show on /metrics before the first record. */
  public SinkMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
    insightsInserted = counter(registry, INSIGHTS_WRITTEN, "inserted", "Insight records written");
    insightsUpdated = counter(registry, INSIGHTS_WRITTEN, "updated", "Insight records written");
    insightsUnchanged = counter(registry, INSIGHTS_WRITTEN, "unchanged", "Insight records written");
    trendsChanged = counter(registry, TRENDS_WRITTEN, "changed", "Trend records written");
    trendsUnchanged = counter(registry, TRENDS_WRITTEN, "unchanged", "Trend records written");
    taxonomiesWritten = kind(registry, "taxonomy");
    textsWritten = kind(registry, "contact");
    classificationsWritten = kind(registry, "classification");
    correctionsWritten = kind(registry, "correction");
    deadLetters = Counter.builder(DEAD_LETTERS)
        .description("Records sent to the dead-letter topic").register(registry);
    batchFailures = Counter.builder(BATCH_FAILURES)
        .description("Batches that failed and are retried").register(registry);
    batchDuration = Timer.builder(BATCH_DURATION)
        .description("Time to store one batch and commit its offsets").register(registry);
  }

  private static Counter counter(MeterRegistry registry, String name, String outcome, String help) {
    return Counter.builder(name).tag(OUTCOME, outcome).description(help).register(registry);
  }

  private static Counter kind(MeterRegistry registry, String kind) {
    return Counter.builder(CONTACTS_WRITTEN).tag("kind", kind)
        .description("Workspace rows inserted or changed").register(registry);
  }

  void written(SinkRepository.WriteResult result) {
    taxonomiesWritten.increment(result.contacts().taxonomies());
    textsWritten.increment(result.contacts().texts());
    classificationsWritten.increment(result.contacts().classifications());
    correctionsWritten.increment(result.contacts().corrections());
    insightsInserted.increment(result.insightsInserted());
    insightsUpdated.increment(result.insightsUpdated());
    insightsUnchanged.increment(result.insightsUnchanged());
    trendsChanged.increment(result.trendsChanged());
    trendsUnchanged.increment(result.trendsUnchanged());
  }

  void deadLettered(int count) {
    deadLetters.increment(count);
  }

  void batchFailed() {
    batchFailures.increment();
  }

  MeterRegistry registry() {
    return registry;
  }

  Timer batchDuration() {
    return batchDuration;
  }
}
