package nl.waarom.sink.export;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/**
 * The exporter's metric: counter {@value #EXPORT} tagged {@code tracker} (jira, github, webhook)
 * and {@code outcome} (see {@link Outcome}); on /metrics as {@code waarom_sink_export_total}.
 * Every outcome is registered up front so it shows before it first happens. Thread-safe.
 */
public final class ExportMetrics {
  /** Counter name. */
  public static final String EXPORT = "waarom.sink.export";

  /** What happened to one item (or one run, for {@link #RUN_FAILED}). */
  public enum Outcome {
    /** A tracker issue was created. */
    CREATED,
    /** An existing issue carrying the item label was found and linked instead of creating one. */
    ADOPTED,
    /** The content changed and the issue was updated. */
    UPDATED,
    /** The content was unchanged; nothing was sent. */
    UNCHANGED,
    /** Another exporter holds the creation claim; left to it. */
    SKIPPED,
    /** Creating or updating failed (tracker unreachable or rejecting); retried next run. */
    FAILED,
    /** The tracker status was read back. */
    SYNCED,
    /** Reading the status back failed. */
    SYNC_FAILED,
    /** A whole run failed (e.g. the database was unavailable). */
    RUN_FAILED;

    String tag() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final Map<Outcome, Counter> counters = new EnumMap<>(Outcome.class);

  /** Registers the counters of one tracker. */
  public ExportMetrics(MeterRegistry registry, TrackerKind tracker) {
    for (Outcome o : Outcome.values()) {
      counters.put(o, Counter.builder(EXPORT).tag("tracker", tracker.id()).tag("outcome", o.tag())
          .description("Backlog items exported to a tracker, by outcome").register(registry));
    }
  }

  void count(Outcome outcome) {
    counters.get(outcome).increment();
  }
}
