package nl.waarom.analyzer.trends;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.analyzer.streams.order.Marker;
import nl.waarom.analyzer.streams.order.OrderTime;
import nl.waarom.analyzer.trends.TrendOptions.Rollup;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ReasonTrend;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Rolls trend events up into 1-, 15- and 60-minute windows per reason and channel and publishes
 * every change as a {@link ReasonTrend}.
 *
 * <p>Input: {@link TrendEvent}s keyed {@code reasonId|channel}, timestamped with the event time
 * of the contact that caused them. Output: {@link ReasonTrend}s keyed
 * {@code reasonId|channel|windowMinutes|windowStartIso}; a later record for a key supersedes the
 * earlier one. State: one key-value store of windows per granularity ({@code reason-trends-1m},
 * {@code -15m}, {@code -60m}; see {@link WindowTable}, retention from
 * {@link TrendOptions#rollups()}) and {@link #PROGRESS_STORE}; all persistent and changelogged. One instance per task, used by one stream thread at a time.
 *
 * <ul>
 *   <li>An arrival counts in its window of each size unless that window closed (its end plus
 *       the grace of its size is at or before event time); then it is dropped and counted in
 *       {@link #DROPPED}. Event time is the latest time of the ordered input (the reason-channel
 *       hop releases events in event-time order, with ticks as its watermark advances), so only
 *       a contact that arrived more than the grace after the hop released its time is dropped,
 *       however fast or in which order the input was read.
 *   <li>A repeat adds one to the repeat count of the earlier contact's windows that are still
 *       retained (whatever their grace); a repeat for a window no longer kept is counted in
 *       {@link #DROPPED}. With the default retention that means 60-minute windows always, 15-minute
 *       windows for two days, 1-minute windows for a quarter of an hour.
 *   <li>A window's repeats are complete once its end plus the repeat window has passed in stream
 *       time; when stream time passes that point the window is published again with
 *       {@code repeatsComplete = true} (only windows still retained, i.e. 60-minute ones by default).
 *   <li>The baseline of a 60-minute window is the weighted mean of the same hour of the week in
 *       up to {@code baselineWeeks} previous weeks that this task has watched (weights n..1, the
 *       latest week heaviest; a missing window counts 0); without such a week, and for 1- and
 *       15-minute windows, it is the mean of the previous {@code baselineWindows} windows of the same
 *       size (missing windows count 0; null without any). deviation = count / baseline.
 * </ul>
 */
public final class TrendRollupProcessor
    implements Processor<String, TrendEvent, String, ReasonTrend> {
  /** Store: the task's progress marks, {@link #WATCHING_SINCE} and {@link #COMPLETE_UNTIL}. */
  public static final String PROGRESS_STORE = "trend-progress";
  /** Counter of events not counted; tags {@code stream}, {@code window}, {@code cause}. */
  public static final String DROPPED = "waarom.analyzer.trend.events.dropped";
  static final String WATCHING_SINCE = "#watching-since";
  static final String COMPLETE_UNTIL = "#repeats-complete-until";
  private static final long MINUTE = 60_000L;

  private final TrendOptions options;
  private final List<Rollup> rollups;
  private final MeterRegistry registry;
  private final List<WindowTable<TrendWindow>> stores = new ArrayList<>();
  private ProcessorContext<String, ReasonTrend> context;
  private KeyValueStore<String, Long> progress;
  /** The latest event time of the ordered input (contacts and ticks); not persisted. */
  private long time = Long.MIN_VALUE;

  public TrendRollupProcessor(TrendOptions options, MeterRegistry registry) {
    this.options = options;
    this.rollups = options.rollups();
    this.registry = registry;
  }

  /**
   * The processor's supplier, with its stores: one per rollup (JSON {@link TrendWindow}s) and
   * {@link #PROGRESS_STORE} (epoch millis).
   */
  public static ProcessorSupplier<String, TrendEvent, String, ReasonTrend> supplier(
      TrendOptions options, MeterRegistry registry) {
    Set<StoreBuilder<?>> stores = new HashSet<>();
    options.rollups().forEach(r -> stores.add(StateStores.json(r.trendStore(), TrendWindow.class)));
    stores.add(StateStores.keyValue(PROGRESS_STORE, Serdes.Long()));
    return new WithStores<>(() -> new TrendRollupProcessor(options, registry), stores);
  }

  @Override
  public void init(ProcessorContext<String, ReasonTrend> context) {
    this.context = context;
    for (Rollup rollup : rollups) {
      KeyValueStore<String, TrendWindow> store = context.getStateStore(rollup.trendStore());
      stores.add(new WindowTable<>(store, rollup.retention()));
    }
    this.progress = context.getStateStore(PROGRESS_STORE);
  }

  @Override
  public void process(Record<String, TrendEvent> record) {
    TrendEvent event = record.value();
    if (event == null || record.key() == null) {
      if (Marker.isTick(record.key())) {
        tick(record.timestamp(), Marker.tickEarliest(record.key()));
      }
      return;
    }
    time = Math.max(time, OrderTime.of(record));
    long now = time;
    if (!event.repeat()) {
      watch(event.at());
    }
    stores.forEach(table -> table.prune(now));
    for (int i = 0; i < rollups.size(); i++) {
      Rollup rollup = rollups.get(i);
      WindowTable<TrendWindow> store = stores.get(i);
      long start = rollup.startOf(event.at());
      TrendWindow window = store.get(record.key(), start);
      if (event.repeat()) {
        if (window == null || !store.retained(start, now)) {
          dropped(rollup, "expired");
          continue;
        }
        window = window.withRepeat();
      } else {
        if (start + rollup.sizeMillis() + rollup.grace().toMillis() <= now) {
          dropped(rollup, "late");
          continue;
        }
        window = (window == null ? TrendWindow.EMPTY : window).withArrival(event.handleMillis(),
            event.negative(), event.callbackRequested());
      }
      store.put(record.key(), start, window);
      publish(i, record.key(), start, window, now, record.timestamp());
    }
    completeRepeats(now, record.timestamp());
  }

  /**
   * The ordering released everything up to {@code at}: windows whose repeats became complete are
   * published, and the earliest contact over all partitions counts as watched.
   */
  private void tick(long at, long earliest) {
    if (earliest != Long.MAX_VALUE) {
      watch(earliest);
    }
    if (at > time) {
      time = at;
      stores.forEach(table -> table.prune(time));
      completeRepeats(time, at);
    }
  }

  private void publish(int rollupIndex, String reasonChannel, long start, TrendWindow window,
      long now, long timestamp) {
    Rollup rollup = rollups.get(rollupIndex);
    int bar = reasonChannel.lastIndexOf('|');
    String reasonId = reasonChannel.substring(0, bar);
    Channel channel = Channel.valueOf(reasonChannel.substring(bar + 1));
    long end = start + rollup.sizeMillis();
    Double baseline = baseline(rollupIndex, reasonChannel, start);
    ReasonTrend trend = ReasonTrend.newBuilder()
        .setReasonId(reasonId)
        .setChannel(channel)
        .setWindowStart(Instant.ofEpochMilli(start))
        .setWindowEnd(Instant.ofEpochMilli(end))
        .setWindowMinutes(rollup.minutes())
        .setCount(window.count())
        .setHandleMillisTotal(window.handleMillisTotal())
        .setHandleCount(window.handleCount())
        .setRepeatCount(window.repeatCount())
        .setSentimentCount(window.sentimentCount())
        .setNegativeCount(window.negativeCount())
        .setCallbackCount(window.callbackCount())
        .setRepeatsComplete(end + options.repeatWindow().toMillis() <= now)
        .setBaseline(baseline)
        .setDeviation(baseline == null || baseline == 0 ? null : window.count() / baseline)
        .build();
    context.forward(new Record<>(TrendKeys.trendKey(reasonId, channel, rollup.minutes(),
        trend.getWindowStart()), trend, timestamp));
  }

  private Double baseline(int rollupIndex, String key, long start) {
    if (rollups.get(rollupIndex).minutes() == 60) {
      Double weekly = sameHourOfWeek(stores.get(rollupIndex), key, start);
      if (weekly != null) {
        return weekly;
      }
    }
    return trailing(rollups.get(rollupIndex), stores.get(rollupIndex), key, start);
  }

  private Double sameHourOfWeek(WindowTable<TrendWindow> store, String key, long start) {
    Long since = progress.get(WATCHING_SINCE);
    if (since == null) {
      return null;
    }
    long watchedFrom = Math.floorDiv(since, 3_600_000L) * 3_600_000L;
    int weeks = options.baselineWeeks();
    double weighted = 0;
    int weights = 0;
    for (int k = 1; k <= weeks; k++) {
      long earlier = start - k * TrendOptions.WEEK.toMillis();
      if (earlier < watchedFrom) {
        break;
      }
      TrendWindow window = store.get(key, earlier);
      int weight = weeks - k + 1;
      weighted += weight * (window == null ? 0 : window.count());
      weights += weight;
    }
    return weights == 0 ? null : weighted / weights;
  }

  private Double trailing(Rollup rollup, WindowTable<TrendWindow> store, String key,
      long start) {
    int n = options.baselineWindows();
    long total = 0;
    boolean history = false;
    for (int k = 1; k <= n; k++) {
      TrendWindow window = store.get(key, start - k * rollup.sizeMillis());
      if (window != null) {
        total += window.count();
        history = true;
      }
    }
    return history ? (double) total / n : null;
  }

  /** Remembers the earliest contact time this task has seen: weeks before it were not watched. */
  private void watch(long at) {
    Long since = progress.get(WATCHING_SINCE);
    if (since == null || at < since) {
      progress.put(WATCHING_SINCE, at);
    }
  }

  /**
   * Publishes, once, every retained window whose repeats became complete since the last call:
   * those whose end plus the repeat window lies in (previous mark, now], in whole minutes.
   */
  private void completeRepeats(long now, long timestamp) {
    long until = Math.floorDiv(now - options.repeatWindow().toMillis(), MINUTE) * MINUTE;
    Long done = progress.get(COMPLETE_UNTIL);
    if (done != null && until <= done) {
      return;
    }
    progress.put(COMPLETE_UNTIL, until);
    if (done == null) {
      return; // the first record of this task: no window older than it was published yet
    }
    for (int i = 0; i < rollups.size(); i++) {
      long size = rollups.get(i).sizeMillis();
      if (rollups.get(i).retention().toMillis() < size + options.repeatWindow().toMillis()) {
        continue; // its windows are gone before their repeats complete
      }
      for (WindowTable.Entry<TrendWindow> window
          : stores.get(i).between(done - size + 1, until - size)) {
        publish(i, window.key(), window.start(), window.value(), now, timestamp);
      }
    }
  }

  private void dropped(Rollup rollup, String cause) {
    registry.counter(DROPPED, "stream", "trends", "window", rollup.minutes() + "m", "cause", cause)
        .increment();
  }
}
