package nl.waarom.analyzer.repeats;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import nl.waarom.analyzer.streams.EmittedOnce;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import nl.waarom.analyzer.streams.order.Marker;
import nl.waarom.analyzer.streams.order.OrderTime;
import nl.waarom.analyzer.repeats.HotspotState.History;
import nl.waarom.analyzer.repeats.RepeatDay.Horizon;
import nl.waarom.analyzer.repeats.RepeatDay.Judged;
import nl.waarom.taxonomy.Reason;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Insight;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Fires REPEAT_HOTSPOT insights: reasons whose customers come back about the same thing more
 * often than they used to, or more often than the threshold. Input: classified contacts marked
 * by {@link RepeatLedger}, keyed and partitioned by primary reason, timestamps = occurredAt
 * (unexplained contacts are skipped: they are never repeats). Output: insights keyed by their id
 * {@code repeat:<reasonId>:<dayStartIso>}.
 *
 * <p>Per reason and UTC day it counts the contacts that occurred that day and the repeats
 * attributed back to them (to the day of repeatOfOccurredAt, the chain's first contact). A day's
 * repeat rate is incomplete until its repeats had time to happen, so each day is judged twice,
 * each time once complete: at the early horizon (repeats within 24 h, judged 24 h after the day
 * ends) and at the full repeat window (judged a window after it ends). Each judgement compares
 * the day with the reason's earlier days judged at the same horizon (their counts as they were
 * when judged, so late arrivals affect both sides alike); rule: {@link RepeatHotspots}. Judging
 * follows the event time of the ordered input (the by-reason ordering releases contacts in
 * event-time order, with ticks when its watermark advances; see
 * {@link nl.waarom.analyzer.streams.order.Marker#isTick}): before a contact or at a tick whose
 * time made a judgement due, the store is scanned, so a day is judged on exactly the contacts that
 * occurred before its judgement was due, however fast or in which order they were read. A reason-day fires at most once: if the early
 * judgement fired, the full one does not fire again.
 *
 * <p>State: {@link #DAYS_STORE} ({@code reasonId|dayStartIso} → {@link RepeatDay}) and
 * {@link #EMITTED_STORE} (insight id → detectedAt, plus the first event time this task saw under
 * {@link #WATCHING_SINCE}; days before it are never judged, because their contacts were not all
 * counted). Both changelogged. Retention: days older than stream time − (window + historyDays + 2
 * days); a contact or a repeat whose day is older is ignored and counted in
 * {@link #TOO_LATE_METRIC}. An emitted id is forgotten ({@link EmittedOnce}) in the same scan as
 * its day, when the whole day is older than that: no contact can reopen the day by then.
 *
 * <p>Not thread-safe: Kafka Streams creates one instance per task.
 */
public final class RepeatHotspotDetector
    implements Processor<String, ClassifiedContact, String, Insight> {
  /** Store: {@code reasonId|dayStartIso} → {@link RepeatDay}. */
  public static final String DAYS_STORE = "repeat-hotspot-days";
  /** Store: insight id → detectedAt epoch millis; and {@link #WATCHING_SINCE}. */
  public static final String EMITTED_STORE = "repeat-hotspot-emitted";
  /** Counter of contacts or repeats ignored as their day is no longer kept; tag {@code what}. */
  public static final String TOO_LATE_METRIC = "waarom.analyzer.repeat.hotspot.too.late";
  static final String WATCHING_SINCE = "#watching-since";
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final RepeatOptions options;
  private final RepeatHotspots hotspots;
  private final MeterRegistry registry;
  private ProcessorContext<String, Insight> context;
  private KeyValueStore<String, RepeatDay> days;
  private EmittedOnce<Long> emitted;
  /** Event time of the last scan; not persisted, so the first record after a start scans. */
  private long lastScan = Long.MIN_VALUE;
  /** The latest event time of the ordered input; not persisted. */
  private long time = Long.MIN_VALUE;

  public RepeatHotspotDetector(RepeatOptions options, RepeatHotspots hotspots,
      MeterRegistry registry) {
    this.options = options;
    this.hotspots = hotspots;
    this.registry = registry;
  }

  /**
   * The detector's supplier, with its persistent stores {@link #DAYS_STORE} (JSON
   * {@link RepeatDay}s) and {@link #EMITTED_STORE} (epoch millis).
   */
  public static ProcessorSupplier<String, ClassifiedContact, String, Insight> supplier(
      RepeatOptions options, RepeatHotspots hotspots, MeterRegistry registry) {
    return supplier(options, hotspots, registry, Stores::persistentKeyValueStore);
  }

  /**
   * The supplier with another kind of store (changelogged all the same), e.g.
   * {@code Stores::inMemoryKeyValueStore} for fast tests of the detector logic.
   */
  public static ProcessorSupplier<String, ClassifiedContact, String, Insight> supplier(
      RepeatOptions options, RepeatHotspots hotspots, MeterRegistry registry,
      Function<String, KeyValueBytesStoreSupplier> kind) {
    return WithStores.of(() -> new RepeatHotspotDetector(options, hotspots, registry),
        StateStores.keyValue(DAYS_STORE, new JsonSerde<>(RepeatDay.class), kind),
        StateStores.keyValue(EMITTED_STORE, Serdes.Long(), kind));
  }

  /** {@code reasonId|dayStartIso}: sorts by reason, then by day. */
  static String dayKey(String reasonId, long dayStart) {
    return reasonId + "|" + Instant.ofEpochMilli(dayStart);
  }

  @Override
  public void init(ProcessorContext<String, Insight> context) {
    this.context = context;
    this.days = context.getStateStore(DAYS_STORE);
    // An id is forgotten with its day, once the whole day is older than the retention.
    this.emitted = new EmittedOnce<>(context.getStateStore(EMITTED_STORE), retention(),
        (id, detectedAt) -> RepeatHotspots.dayStart(id) + DAY - 1);
  }

  @Override
  public void process(Record<String, ClassifiedContact> record) {
    ClassifiedContact contact = record.value();
    if (contact == null) {
      if (Marker.isTick(record.key())) {
        watchFrom(Marker.tickEarliest(record.key()));
        advance(record.timestamp());
      }
      return;
    }
    advance(OrderTime.of(record));
    String reasonId = TrendKeys.primaryReason(contact);
    if (Reason.UNEXPLAINED.equals(reasonId)) {
      return;
    }
    long at = contact.getOccurredAt().toEpochMilli();
    watchFrom(at);
    long oldest = oldestKept(time);
    if (at >= oldest) {
      String key = dayKey(reasonId, dayOf(at));
      days.put(key, day(key, dayOf(at)).addContact());
    } else {
      registry.counter(TOO_LATE_METRIC, "what", "contact").increment();
    }
    if (contact.getRepeatOf() != null && contact.getRepeatOfOccurredAt() != null) {
      long first = contact.getRepeatOfOccurredAt().toEpochMilli();
      if (first >= oldest) {
        String key = dayKey(reasonId, dayOf(first));
        days.put(key, day(key, dayOf(first)).addRepeat(
            at - first <= options.earlyHorizon().toMillis(), contact.getHandleMillis(),
            contact.getChannel().name(), contact.getRepeatOfChannel() == null ? null
                : contact.getRepeatOfChannel().name(),
            new RepeatDay.Example(contact.getContactId(), contact.getSnippet())));
      } else {
        registry.counter(TOO_LATE_METRIC, "what", "repeat").increment();
      }
    }
  }

  /**
   * The earliest event time watched: from the ordering's ticks (the earliest contact over all
   * sources, so it does not depend on how reasons share partitions) or a contact.
   */
  private void watchFrom(long at) {
    Long since = emitted.mark(WATCHING_SINCE);
    if (since == null || at < since) {
      emitted.mark(WATCHING_SINCE, at);
    }
  }

  /** Moves event time to {@code at}, judging first what became due by then. */
  private void advance(long at) {
    if (at > time) {
      time = at;
      judgeDue(time);
    }
  }

  private RepeatDay day(String key, long start) {
    RepeatDay day = days.get(key);
    return day == null ? RepeatDay.empty(start) : day;
  }

  /** The start of the oldest day kept: the day stream time − {@link #retention()} is in. */
  private long oldestKept(long streamTime) {
    return dayOf(streamTime - retention().toMillis());
  }

  /** How long a day is kept after it ends: the repeat window, the history and 2 days spare. */
  private Duration retention() {
    return options.window().plus(Duration.ofDays(options.historyDays() + 2L));
  }

  private static long dayOf(long millis) {
    return Math.floorDiv(millis, DAY) * DAY;
  }

  /** Judges every day whose horizon has passed, and prunes days beyond the retention. */
  private void judgeDue(long now) {
    Long since = emitted.mark(WATCHING_SINCE);
    if (since == null || !becameDue(now)) {
      return;
    }
    lastScan = now;
    long oldest = oldestKept(now);
    Map<String, List<RepeatDay>> byReason = new TreeMap<>();
    try (KeyValueIterator<String, RepeatDay> it = days.all()) {
      while (it.hasNext()) {
        KeyValue<String, RepeatDay> next = it.next();
        byReason.computeIfAbsent(next.key.substring(0, next.key.lastIndexOf('|')),
            k -> new ArrayList<>()).add(next.value);
      }
    }
    byReason.forEach((reasonId, list) -> judge(reasonId, new HotspotState(list), since, now,
        oldest));
    emitted.prune(now);
  }

  /** Whether a day's judgement fell due (day end + horizon) since the last scan. */
  private boolean becameDue(long now) {
    if (lastScan == Long.MIN_VALUE) {
      return true;
    }
    for (Horizon horizon : horizons()) {
      long delay = DAY + hotspots.delay(horizon).toMillis();
      if (Math.floorDiv(now - delay, DAY) > Math.floorDiv(lastScan - delay, DAY)) {
        return true;
      }
    }
    return false;
  }

  private void judge(String reasonId, HotspotState state, long since, long now, long oldest) {
    HotspotState next = state;
    for (RepeatDay day : state.days()) {
      if (day.start() < since || day.start() < oldest) {
        continue;
      }
      RepeatDay judged = day;
      for (Horizon horizon : horizons()) {
        if (judged.judged(horizon) == null
            && now >= day.start() + DAY + hotspots.delay(horizon).toMillis()) {
          Judged counts = judged.count(horizon);
          History history = next.history(day.start(), horizon, options.historyDays());
          judged = judged.judgedAt(horizon, counts);
          next = next.with(judged);
          fireIfHotspot(reasonId, judged, horizon, counts, history, now);
        }
      }
      if (judged != day) {
        days.put(dayKey(reasonId, day.start()), judged);
      }
    }
    for (RepeatDay day : state.days()) {
      if (day.start() < oldest) {
        days.delete(dayKey(reasonId, day.start()));
      }
    }
  }

  private List<Horizon> horizons() {
    return options.earlyHorizon().equals(options.window()) ? List.of(Horizon.FULL)
        : List.of(Horizon.EARLY, Horizon.FULL);
  }

  private void fireIfHotspot(String reasonId, RepeatDay day, Horizon horizon, Judged counts,
      History history, long now) {
    String id = RepeatHotspots.insightId(reasonId, Instant.ofEpochMilli(day.start()));
    if (!hotspots.isHotspot(counts, history) || emitted.contains(id)) {
      return;
    }
    emitted.remember(id, now);
    Insight insight = hotspots.hotspot(reasonId, day, horizon, counts, history,
        Instant.ofEpochMilli(now));
    context.forward(new Record<>(id, insight, now));
  }
}
