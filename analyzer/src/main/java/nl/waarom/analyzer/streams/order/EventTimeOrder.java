package nl.waarom.analyzer.streams.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.analyzer.streams.StateStores;
import nl.waarom.analyzer.streams.WithStores;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The receiving side of an ordered repartition hop: buffers the records read from the repartition
 * topic and releases them in event-time order once every source's watermark has passed them.
 *
 * <p>Input: the records and {@link Marker}s of the hop's repartition topic, timestamps = event
 * time. Output: the same records, in order of (event time, tie-break, arrival), and
 * {@link Marker#isTick ticks} when the released time advanced: one before a batch (carrying the
 * earliest event time over all sources, timestamped no later than the batch) and one after it
 * (timestamped with the released watermark). The processors behind this one must drop records
 * with a null value (ticks), as they already drop tombstones.
 *
 * <p>The effective watermark is the minimum over the sources that are not idle, once all
 * {@code sources} have sent a marker; the maximum when all are idle. The released watermark never
 * goes back. A record at or before it is late: it is forwarded at once and counted in
 * {@link #LATE}. State, changelogged: {@code <hop>-order-marks} (each source's last marker and,
 * under {@link #SUMMARY}, the released watermark) and {@code <hop>-order-buffer} (key
 * {@code <orderTime, 16 digits>|<eventTime, 16 digits>|<tieBreak>NUL<offset>|<key>}, value = the
 * record's value; see {@link OrderTime}).
 * Not thread-safe: one instance per task.
 */
public final class EventTimeOrder<V> implements Processor<String, V, String, V> {
  /** Counter of records that arrived after the hop released their event time; tag {@code hop}. */
  public static final String LATE = "waarom.analyzer.order.late";
  /** The key of the released watermark in the marks store. */
  static final String SUMMARY = "#released";
  private static final String ZEROS = "0000000000000000000";

  private final String hop;
  private final int sources;
  private final boolean relayed;
  private final BiFunction<String, V, String> tieBreak;
  private final MeterRegistry registry;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, SourceMark> marks;
  private KeyValueStore<String, V> buffer;

  EventTimeOrder(String hop, int sources, BiFunction<String, V, String> tieBreak,
      MeterRegistry registry) {
    this(hop, sources, false, tieBreak, registry);
  }

  /**
   * @param relayed whether the sources relay an upstream ordered hop's released watermark (a
   *     later hop): then every source is waited for, idle or not, since a source whose view of the
   *     upstream hop is older may still release records up to where the others already are
   */
  EventTimeOrder(String hop, int sources, boolean relayed, BiFunction<String, V, String> tieBreak,
      MeterRegistry registry) {
    this.hop = hop;
    this.sources = sources;
    this.relayed = relayed;
    this.tieBreak = tieBreak;
    this.registry = registry;
  }

  /** The store of the sources' marks and the released watermark of hop {@code hop}. */
  public static String marksStore(String hop) {
    return hop + "-order-marks";
  }

  /** The store of the buffered records of hop {@code hop}. */
  public static String bufferStore(String hop) {
    return hop + "-order-buffer";
  }

  static <V> ProcessorSupplier<String, V, String, V> supplier(String hop, int sources,
      boolean relayed, Serde<V> values, BiFunction<String, V, String> tieBreak,
      MeterRegistry registry) {
    return WithStores.of(() -> new EventTimeOrder<>(hop, sources, relayed, tieBreak, registry),
        StateStores.json(marksStore(hop), SourceMark.class),
        StateStores.keyValue(bufferStore(hop), values));
  }

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    this.marks = context.getStateStore(marksStore(hop));
    this.buffer = context.getStateStore(bufferStore(hop));
  }

  @Override
  public void process(Record<String, V> record) {
    if (Marker.isMarker(record.key())) {
      if (!Marker.isTick(record.key())) {
        receive(Marker.parse(record.key()));
      }
      return;
    }
    if (record.value() == null) {
      return;
    }
    long orderTime = OrderTime.of(record);
    SourceMark released = marks.get(SUMMARY);
    if (released != null && orderTime <= released.watermark()) {
      registry.counter(LATE, "hop", hop).increment();
      context.forward(record);
      return;
    }
    long offset = context.recordMetadata().map(RecordMetadata::offset).orElse(0L);
    buffer.put(time(orderTime) + "|" + time(record.timestamp()) + "|"
        + tieBreak.apply(record.key(), record.value())
        + "\u0000" + pad(offset) + "|" + record.key(), record.value());
  }

  private void receive(Marker marker) {
    if (marker.source() >= sources) {
      return; // a source this deployment does not know: the partition count changed
    }
    String key = "source|" + marker.source();
    SourceMark before = marks.get(key);
    long earliest = before == null ? marker.earliest()
        : Math.min(before.earliest(), marker.earliest());
    marks.put(key, new SourceMark(marker.watermark(), marker.idle(), earliest));
    release();
  }

  /** Releases, in order, every buffered record at or before the effective watermark. */
  private void release() {
    List<SourceMark> all = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      SourceMark mark = marks.get("source|" + i);
      if (mark == null) {
        return; // not every source reported yet
      }
      all.add(mark);
    }
    boolean allIdle = all.stream().allMatch(SourceMark::idle);
    long effective = relayed
        ? all.stream().mapToLong(SourceMark::watermark).min().orElseThrow()
        : allIdle
        ? all.stream().mapToLong(SourceMark::watermark).max().orElseThrow()
        : all.stream().filter(m -> !m.idle()).mapToLong(SourceMark::watermark).min().orElseThrow();
    long earliest = all.stream().mapToLong(SourceMark::earliest).min().orElseThrow();
    SourceMark before = marks.get(SUMMARY);
    long released = before == null ? Long.MIN_VALUE : before.watermark();
    long target = Math.max(released, effective);
    SourceMark after = new SourceMark(target, allIdle, earliest);
    if (after.equals(before)) {
      return;
    }
    marks.put(SUMMARY, after);
    if (target == released) {
      return;
    }
    List<KeyValue<String, V>> due = new ArrayList<>();
    try (KeyValueIterator<String, V> it = buffer.all()) {
      while (it.hasNext()) {
        KeyValue<String, V> next = it.next();
        if (timeOf(next.key) > target) {
          break;
        }
        due.add(next);
      }
    }
    if (!due.isEmpty()) {
      long first = timeOf(due.get(0).key);
      tick(released == Long.MIN_VALUE ? first : Math.min(released, first), earliest);
    }
    for (KeyValue<String, V> next : due) {
      buffer.delete(next.key);
      String key = next.key.substring(next.key.indexOf('\u0000') + 1 + ZEROS.length() + 1);
      long eventTime = Long.parseLong(next.key.substring(17, 33));
      context.forward(OrderTime.at(new Record<>(key, next.value, eventTime), timeOf(next.key)));
    }
    tick(target, earliest);
  }

  private void tick(long time, long earliest) {
    context.forward(new Record<>(Marker.tickKey(earliest), null, Math.max(0L, time)));
  }

  private static long timeOf(String bufferKey) {
    return Long.parseLong(bufferKey.substring(0, 16));
  }

  private static String time(long millis) {
    String digits = Long.toString(Math.max(0L, millis));
    return "0000000000000000".substring(Math.min(digits.length(), 16)) + digits;
  }

  private static String pad(long offset) {
    String digits = Long.toString(Math.max(0L, offset));
    return ZEROS.substring(Math.min(digits.length(), ZEROS.length())) + digits;
  }
}
