package nl.waarom.analyzer.streams.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The sending side of an ordered repartition hop: forwards every record unchanged and, every
 * {@link OrderOptions#interval()} of wall-clock time, a {@link Marker} with this task's
 * watermark, which the hop's {@link MarkerPartitioner} sends to every partition.
 *
 * <p>At the first hop (reading the contact topics) the watermark is the latest event time this
 * task has forwarded minus the disorder tolerance; after the idle timeout without records the task
 * is idle (it has read everything there was): the hops behind it no longer wait for it. Its
 * watermark stays the latest event time minus the tolerance until it has been quiet for the
 * tolerance as well, then becomes the latest event time: a contact displaced by up to the
 * tolerance has then arrived. The wall clock only measures quiet, never moves event time, so a
 * replay of old history is ordered like live input. A record read after this task's watermark
 * passed its event time is placed at that watermark ({@link OrderTime}). At a later
 * hop ({@code upstreamHop} set) the task relays what the ordering processor of its own upstream
 * hop released (read from that processor's marks store): tolerance 0, since that is ordered, and
 * idle when all of that hop's sources are. Not thread-safe: one instance per task.
 */
final class WatermarkSource<V> implements Processor<String, V, String, V> {
  private final OrderOptions options;
  private final String upstreamHop;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, SourceMark> upstream;
  /** Per input partition of this task (first hop): latest event time read and when (wall). */
  private final Map<String, long[]> partitions = new HashMap<>();
  private long earliest = Long.MAX_VALUE;

  /**
   * @param options the hop's options; never null
   * @param upstreamHop the hop whose released watermark this task relays; null at the first hop
   * @param inputTopics the topics the first hop reads (this task reads the same partition of
   *     each); empty at later hops
   */
  WatermarkSource(OrderOptions options, String upstreamHop, List<String> inputTopics) {
    this.options = Objects.requireNonNull(options);
    this.upstreamHop = upstreamHop;
    this.inputTopics = List.copyOf(inputTopics);
  }

  private final List<String> inputTopics;

  @Override
  public void init(ProcessorContext<String, V> context) {
    this.context = context;
    if (upstreamHop != null) {
      upstream = context.getStateStore(EventTimeOrder.marksStore(upstreamHop));
    }
    long now = context.currentSystemTimeMs();
    for (String topic : inputTopics) {
      partitions.put(topic, new long[] {Long.MIN_VALUE, now});
    }
    context.schedule(options.interval(), PunctuationType.WALL_CLOCK_TIME, this::mark);
  }

  @Override
  public void process(Record<String, V> record) {
    if (Marker.isMarker(record.key())) {
      return;
    }
    Record<String, V> placed = record;
    if (upstream == null) {
      String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
      long[] partition = partitions.computeIfAbsent(topic,
          t -> new long[] {Long.MIN_VALUE, context.currentSystemTimeMs()});
      if (partition[0] != Long.MIN_VALUE) {
        // Read after its own partition had moved on by more than the tolerance: it arrived long
        // after its time, and stands in the stream where it was read, not where it occurred.
        long watermark = partition[0] - options.tolerance().toMillis();
        if (record.timestamp() < watermark) {
          placed = OrderTime.at(record, watermark);
        }
      }
      partition[0] = Math.max(partition[0], record.timestamp());
      partition[1] = context.currentSystemTimeMs();
    }
    earliest = Math.min(earliest, record.timestamp());
    context.forward(placed);
  }

  private void mark(long wallClock) {
    Marker marker = upstream == null ? first(wallClock) : relayed();
    context.forward(new Record<>(marker.key(), null, Math.max(0L, marker.watermark())));
  }

  /**
   * The first hop's watermark: the minimum over this task's input partitions of their latest
   * event time minus the tolerance, leaving out a partition quiet for the idle timeout that never
   * delivered, and one quiet for the idle timeout plus the tolerance (whatever it delivers next
   * occurred after its lull began). When every partition is left out, the latest event time read.
   */
  private Marker first(long wallClock) {
    long tolerance = options.tolerance().toMillis();
    long idleAfter = options.idleTimeout().toMillis();
    long watermark = Long.MAX_VALUE;
    long latest = context.currentStreamTimeMs(); // restored by Kafka Streams after a restart
    boolean idle = true;
    for (long[] partition : partitions.values()) {
      long quiet = wallClock - partition[1];
      latest = Math.max(latest, partition[0]);
      idle &= quiet >= idleAfter;
      boolean leftOut = quiet >= idleAfter + tolerance
          || quiet >= idleAfter && partition[0] == Long.MIN_VALUE;
      if (!leftOut) {
        watermark = Math.min(watermark, partition[0] == Long.MIN_VALUE ? Long.MIN_VALUE
            : partition[0] - tolerance);
      }
    }
    if (watermark == Long.MAX_VALUE) {
      watermark = latest < 0 ? Long.MIN_VALUE : latest;
    }
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
