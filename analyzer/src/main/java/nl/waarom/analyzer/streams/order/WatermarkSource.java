package nl.waarom.analyzer.streams.order;

import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sending side of an ordered repartition hop: forwards every record unchanged and, every
 * {@link OrderOptions#interval()} of wall-clock time, a {@link Marker} with this task's
 * watermark, which the hop's {@link MarkerPartitioner} sends to every partition.
 *
 * <p>At the first hop (reading the contact topics) the watermark is the latest event time this
 * task has forwarded minus the disorder tolerance; after the idle timeout without records the task
 * is idle (it has read everything there was) and its watermark is max(latest event time, wall
 * clock minus the tolerance): all it forwarded is released, and in quiet hours event time follows
 * the wall clock. At a later
 * hop ({@code upstreamHop} set) the task relays what the ordering processor of its own upstream
 * hop released (read from that processor's marks store): tolerance 0, since that is ordered, and
 * idle when all of that hop's sources are. Not thread-safe: one instance per task.
 */
final class WatermarkSource<V> implements Processor<String, V, String, V> {
  private final OrderOptions options;
  private final String upstreamHop;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, SourceMark> upstream;
  private long latest = Long.MIN_VALUE;
  private long earliest = Long.MAX_VALUE;
  private long lastRecordWallClock;

  /**
   * @param options the hop's options; never null
   * @param upstreamHop the hop whose released watermark this task relays; null at the first hop
   */
  WatermarkSource(OrderOptions options, String upstreamHop) {
    this.options = Objects.requireNonNull(options);
    this.upstreamHop = upstreamHop;
  }

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    if (upstreamHop != null) {
      upstream = context.getStateStore(EventTimeOrder.marksStore(upstreamHop));
    }
    lastRecordWallClock = context.currentSystemTimeMs();
    context.schedule(options.interval(), PunctuationType.WALL_CLOCK_TIME, this::mark);
  }

  @Override
  public void process(Record<String, V> record) {
    if (Marker.isMarker(record.key())) {
      return;
    }
    Record<String, V> placed = record;
    if (upstream == null && latest != Long.MIN_VALUE) {
      // Read after this task's watermark passed its event time: it arrived long after its time,
      // and stands in the stream where it was read, not where it occurred.
      long watermark = latest - options.tolerance().toMillis();
      if (record.timestamp() < watermark) {
        placed = OrderTime.at(record, watermark);
      }
    }
    latest = Math.max(latest, record.timestamp());
    earliest = Math.min(earliest, record.timestamp());
    lastRecordWallClock = context.currentSystemTimeMs();
    context.forward(placed);
  }

  private void mark(long wallClock) {
    Marker marker = upstream == null ? first(wallClock) : relayed();
    context.forward(new Record<>(marker.key(), null, Math.max(0L, marker.watermark())));
  }

  private Marker first(long wallClock) {
    // After a restart the in-memory latest is gone; the task's stream time is restored by
    // Kafka Streams, so what this task forwarded before the restart is not held back.
    latest = Math.max(latest, context.currentStreamTimeMs());
    long tolerance = options.tolerance().toMillis();
    boolean idle = wallClock - lastRecordWallClock >= options.idleTimeout().toMillis();
    long watermark = idle ? Math.max(latest, wallClock - tolerance)
        : latest == Long.MIN_VALUE ? Long.MIN_VALUE : latest - tolerance;
    return new Marker(index(), options.sources(), watermark, idle, earliest);
  }

  private Marker relayed() {
    SourceMark released = upstream.get(EventTimeOrder.SUMMARY);
    return released == null
        ? new Marker(index(), options.sources(), Long.MIN_VALUE, false, Long.MAX_VALUE)
        : new Marker(index(), options.sources(), released.watermark(), released.idle(),
            released.earliest());
  }

  private int index() {
    return context.taskId().partition();
  }
}
