package nl.waarom.analyzer.trends;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.analyzer.streams.order.Marker;
import nl.waarom.analyzer.streams.order.OrderTime;
import nl.waarom.analyzer.trends.TrendOptions.Rollup;
import nl.waarom.schemas.ExplainedShare;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Counts contacts and explained contacts (over all channels) in 1-, 15- and 60-minute windows and
 * publishes every change as an {@link ExplainedShare}.
 *
 * <p>Input: {@link ShareEvent}s keyed by the start of their hour ({@link ShareEvent#hourKey}), so
 * every window of an hour is counted by one task while consecutive hours spread over the
 * partitions; no global single key is needed. Output: {@link ExplainedShare}s keyed
 * {@code windowMinutes|windowStartIso}; a later record for a key supersedes the earlier one.
 * State: one key-value store of windows per granularity ({@code explained-share-1m},
 * {@code -15m}, {@code -60m}; see {@link WindowTable}), kept for the window plus its grace. A contact whose window closed (end plus grace
 * at or before event time: the latest time of the explained hop's ordered input, see
 * {@link TrendRollupProcessor}) is dropped and counted in {@link TrendRollupProcessor#DROPPED} with
 * {@code stream=explained}. Every 15-minute update is offered to the {@link ExplainedShareGauge}.
 * One instance per task, used by one stream thread at a time.
 */
public final class ExplainedShareProcessor
    implements Processor<String, ShareEvent, String, ExplainedShare> {
  private static final String KEY = "all";
  private final List<Rollup> rollups;
  private final ExplainedShareGauge gauge;
  private final MeterRegistry registry;
  private final List<WindowTable<ShareCounts>> stores = new ArrayList<>();
  private ProcessorContext<String, ExplainedShare> context;
  /** The latest event time of the ordered input (events and ticks); not persisted. */
  private long time = Long.MIN_VALUE;

  public ExplainedShareProcessor(TrendOptions options, ExplainedShareGauge gauge,
      MeterRegistry registry) {
    this.rollups = options.rollups();
    this.gauge = gauge;
    this.registry = registry;
  }

  /** The processor's supplier, with its stores: one per rollup, JSON {@link ShareCounts}. */
  public static ProcessorSupplier<String, ShareEvent, String, ExplainedShare> supplier(
      TrendOptions options, ExplainedShareGauge gauge, MeterRegistry registry) {
    return new WithStores<>(() -> new ExplainedShareProcessor(options, gauge, registry),
        options.rollups().stream()
            .map(rollup -> StateStores.json(rollup.shareStore(), ShareCounts.class))
            .collect(Collectors.toSet()));
  }

  @Override
  public void init(ProcessorContext<String, ExplainedShare> context) {
    this.context = context;
    for (Rollup rollup : rollups) {
      KeyValueStore<String, ShareCounts> store = context.getStateStore(rollup.shareStore());
      stores.add(new WindowTable<>(store, rollup.shareRetention()));
    }
  }

  @Override
  public void process(Record<String, ShareEvent> record) {
    ShareEvent event = record.value();
    if (event == null) {
      if (Marker.isTick(record.key()) && record.timestamp() > time) {
        time = record.timestamp();
        stores.forEach(table -> table.prune(time));
      }
      return;
    }
    time = Math.max(time, OrderTime.of(record));
    long now = time;
    stores.forEach(table -> table.prune(now));
    for (int i = 0; i < rollups.size(); i++) {
      Rollup rollup = rollups.get(i);
      long start = rollup.startOf(event.at());
      long end = start + rollup.sizeMillis();
      if (end + rollup.grace().toMillis() <= now) {
        registry.counter(TrendRollupProcessor.DROPPED, "stream", "explained",
            "window", rollup.minutes() + "m", "cause", "late").increment();
        continue;
      }
      ShareCounts counts = stores.get(i).get(KEY, start);
      counts = (counts == null ? ShareCounts.EMPTY : counts).with(event.explained());
      stores.get(i).put(KEY, start, counts);
      ExplainedShare share = new ExplainedShare(Instant.ofEpochMilli(start),
          Instant.ofEpochMilli(end), rollup.minutes(), counts.total(), counts.explained(),
          counts.share());
      if (rollup.minutes() == ExplainedShareGauge.WINDOW_MINUTES) {
        gauge.offer(start, counts.share(), now);
      }
      context.forward(new Record<>(TrendKeys.shareKey(rollup.minutes(), share.getWindowStart()),
          share, record.timestamp()));
    }
  }
}
