package nl.waarom.analyzer.insights;

import java.time.Instant;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Fires a SPIKE insight the moment a reason's count in the current window crosses the threshold.
 * Input: classified contacts keyed by primary reason (all channels), with event-time timestamps.
 * Output: insights keyed by their deterministic id. State: {@code spike-baseline} (reason → recent
 * windows) and {@code spike-emitted} (insight id → event time it fired), both changelogged, so
 * the at-most-once guarantee survives restarts and rebalances.
 *
 * <p>Only the current window and the {@code baselineWindows} before it are kept; a contact older
 * than that (relative to the newest window seen for its reason) is too late to judge and is
 * ignored here (it is still counted in the trends, within their grace period).
 */
public final class SpikeDetector implements Processor<String, ClassifiedContact, String, Insight> {
  /** Store: reason id → {@link SpikeState}. */
  public static final String BASELINE_STORE = "spike-baseline";
  /**
   * Store: insight id → detectedAt epoch millis; plus, under {@link #WATCHING_SINCE}, the start of
   * the first window this task saw (kept in the same changelogged store so it survives restarts).
   */
  public static final String EMITTED_STORE = "spike-emitted";
  static final String WATCHING_SINCE = "#watching-since";

  private final SpikeOptions options;
  private final SpikeInsights insights;
  private ProcessorContext<String, Insight> context;
  private KeyValueStore<String, SpikeState> baselines;
  private KeyValueStore<String, Long> emitted;

  public SpikeDetector(SpikeOptions options, SpikeInsights insights) {
    this.options = options;
    this.insights = insights;
  }

  @Override
  public void init(ProcessorContext<String, Insight> context) {
    this.context = context;
    this.baselines = context.getStateStore(BASELINE_STORE);
    this.emitted = context.getStateStore(EMITTED_STORE);
  }

  @Override
  public void process(Record<String, ClassifiedContact> record) {
    ClassifiedContact contact = record.value();
    if (contact == null) {
      return;
    }
    String reasonId = TrendKeys.primaryReason(contact);
    long size = options.windowSize().toMillis();
    long start = Math.floorDiv(record.timestamp(), size) * size;
    SpikeState state = baselines.get(reasonId);
    state = state == null ? SpikeState.empty() : state;
    long oldest = Math.max(state.latestStart(), start) - options.baselineWindows() * size;
    if (start < oldest) {
      return;
    }
    WindowStat window = state.window(start).add(contact.getChannel().name(),
        contact.getHandleMillis(),
        new WindowStat.Example(contact.getContactId(), contact.getSnippet()));
    state = state.with(window);
    for (WindowStat expired : state.before(oldest)) {
      emitted.delete(SpikeInsights.insightId(reasonId, Instant.ofEpochMilli(expired.start())));
    }
    state = state.from(oldest);
    baselines.put(reasonId, state);

    double baseline = state.baseline(start, size, options.baselineWindows(), watchingSince(start),
        options.minHistoryWindows());
    String id = SpikeInsights.insightId(reasonId, Instant.ofEpochMilli(start));
    if (!Double.isNaN(baseline) && options.isSpike(window.count(), baseline)
        && emitted.get(id) == null) {
      emitted.put(id, record.timestamp());
      Insight insight = insights.spike(reasonId, window, baseline,
          Instant.ofEpochMilli(record.timestamp()));
      context.forward(new Record<>(id, insight, record.timestamp()));
    }
  }

  /** The first window start this task has seen (updated when an earlier one arrives). */
  private long watchingSince(long start) {
    Long since = emitted.get(WATCHING_SINCE);
    if (since == null || start < since) {
      emitted.put(WATCHING_SINCE, start);
      return start;
    }
    return since;
  }
}
