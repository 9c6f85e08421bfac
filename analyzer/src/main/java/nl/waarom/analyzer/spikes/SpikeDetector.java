package nl.waarom.analyzer.spikes;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import nl.waarom.taxonomy.Reason;
import nl.waarom.analyzer.streams.EmittedOnce;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.analyzer.streams.order.Marker;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Fires a SPIKE insight when a reason's volume departs from its weekly-rhythm baseline by more
 * than a Poisson CUSUM threshold, with at least a minimum excess (see the package documentation).
 * Input: classified contacts keyed by primary reason (all channels), record timestamps =
 * occurredAt. Output: insights keyed by their deterministic id
 * {@code spike:<reasonId>:<episodeStartIso>}, at most one per episode. The reason
 * {@code unexplained} is skipped (EMERGING_REASON covers it).
 *
 * <p>State, all changelogged: {@link #BASELINE_STORE} (reason → {@link SpikeState}),
 * {@link #BACKGROUND_STORE} (reason → {@link SignalCounts} of the contacts outside spikes, at most
 * {@link #BACKGROUND_SIGNALS} signals, half-life {@link #BACKGROUND_HALF_LIFE}), and
 * {@link #EMITTED_STORE} (insight id → detectedAt, kept {@link #EMITTED_RETENTION} of stream time,
 * plus the start of watching). A contact more than the late horizon behind the newest contact of
 * its reason is ignored and counted in {@link #LATE_METRIC}. Runs on its task's stream thread only.
 */
public final class SpikeDetector implements Processor<String, ClassifiedContact, String, Insight> {
  /** Store: reason id → {@link SpikeState}. */
  public static final String BASELINE_STORE = "spike-baseline";
  /** Store: reason id → background {@link SignalCounts}. */
  public static final String BACKGROUND_STORE = "spike-background";
  /**
   * Store: insight id → detectedAt epoch millis; plus, under {@link #WATCHING_SINCE}, the event
   * time of the first contact this task saw (kept in the same changelogged store so it survives
   * restarts).
   */
  public static final String EMITTED_STORE = "spike-emitted";
  /** Counter of contacts too late to count; tag {@code reason}. */
  public static final String LATE_METRIC = "waarom.analyzer.spike.late.ignored";
  static final String WATCHING_SINCE = "#watching-since";
  static final int BACKGROUND_SIGNALS = 500;
  static final Duration BACKGROUND_HALF_LIFE = Duration.ofDays(1);
  static final Duration EMITTED_RETENTION = Duration.ofDays(8);

  private final SpikeOptions options;
  private final SpikeInsights insights;
  private final MeterRegistry registry;
  private ProcessorContext<String, Insight> context;
  private KeyValueStore<String, SpikeState> baselines;
  private KeyValueStore<String, SignalCounts> backgrounds;
  private EmittedOnce<Long> emitted;

  /**
   * The detector's supplier, with its stores {@link #BASELINE_STORE} (JSON {@link SpikeState}s),
   * {@link #BACKGROUND_STORE} (JSON {@link SignalCounts}) and {@link #EMITTED_STORE} (epoch
   * millis).
   */
  public static ProcessorSupplier<String, ClassifiedContact, String, Insight> supplier(
      SpikeOptions options, SpikeInsights insights, MeterRegistry registry) {
    return WithStores.of(() -> new SpikeDetector(options, insights, registry),
        StateStores.json(BASELINE_STORE, SpikeState.class),
        StateStores.keyValue(EMITTED_STORE, Serdes.Long()),
        StateStores.json(BACKGROUND_STORE, SignalCounts.class));
  }

  public SpikeDetector(SpikeOptions options, SpikeInsights insights, MeterRegistry registry) {
    this.options = options;
    this.insights = insights;
    this.registry = registry;
  }

  @Override
  public void init(ProcessorContext<String, Insight> context) {
    this.context = context;
    this.baselines = context.getStateStore(BASELINE_STORE);
    this.backgrounds = context.getStateStore(BACKGROUND_STORE);
    this.emitted = new EmittedOnce<>(context.getStateStore(EMITTED_STORE), EMITTED_RETENTION,
        (id, detectedAt) -> detectedAt);
    context.schedule(Duration.ofHours(1), PunctuationType.STREAM_TIME, emitted::prune);
  }

  @Override
  public void process(Record<String, ClassifiedContact> record) {
    ClassifiedContact contact = record.value();
    if (contact == null) {
      watchFromTick(record.key());
      return;
    }
    long watchingSince = watchingSince(record.timestamp());
    String reasonId = TrendKeys.primaryReason(contact);
    if (Reason.UNEXPLAINED.equals(reasonId)) {
      return;
    }
    SpikeState state = baselines.get(reasonId);
    state = state == null ? new SpikeState() : state;
    if (state.tooLate(record.timestamp(), options)) {
      registry.counter(LATE_METRIC, "reason", reasonId).increment();
      return;
    }
    SignalCounts background = backgrounds.get(reasonId);
    background = background == null
        ? new SignalCounts(BACKGROUND_SIGNALS, BACKGROUND_HALF_LIFE.toMillis()) : background;
    SpikeState.Spike spike = state.observe(Observation.of(contact, record.timestamp()),
        watchingSince, options, background);
    baselines.put(reasonId, state);
    backgrounds.put(reasonId, background);
    if (spike == null) {
      return;
    }
    Insight insight = insights.spike(reasonId, spike, background,
        Instant.ofEpochMilli(record.timestamp()));
    String id = insight.getInsightId().toString();
    if (!emitted.contains(id)) {
      emitted.remember(id, record.timestamp());
      context.forward(new Record<>(id, insight, record.timestamp()));
    }
  }

  /**
   * Event-time ordering: a tick before the first contacts carries the earliest contact over all
   * partitions, so "watching since" does not depend on which reasons share this task.
   */
  private void watchFromTick(String key) {
    if (Marker.isTick(key) && emitted.mark(WATCHING_SINCE) == null) {
      long earliest = Marker.tickEarliest(key);
      if (earliest != Long.MAX_VALUE) {
        emitted.mark(WATCHING_SINCE, earliest);
      }
    }
  }

  /** The event time of the first contact this task saw; never moved back by late contacts. */
  private long watchingSince(long timestamp) {
    Long since = emitted.mark(WATCHING_SINCE);
    if (since == null) {
      emitted.mark(WATCHING_SINCE, timestamp);
      return timestamp;
    }
    return since;
  }
}
