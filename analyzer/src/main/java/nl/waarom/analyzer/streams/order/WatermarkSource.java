package nl.waarom.analyzer.streams.order;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.waarom.schemas.ArrivalHeader;
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
 * <p>At the first hop (reading the contact topics) the watermark is the latest arrival ({@link
 * ArrivalHeader}) this task has read minus the disorder tolerance; after the idle timeout without records the task
 * is idle (it has read everything there was): the hops behind it no longer wait for it. Its
 * watermark stays the latest arrival minus the tolerance until it has been quiet for the
 * tolerance as well, then becomes the latest arrival: a contact displaced by up to the
 * tolerance has then arrived. The wall clock only measures quiet, never moves event time, so a
 * replay of old history is ordered like live input. A record that arrived more than the tolerance
 * after it occurred is placed at its arrival minus the tolerance ({@link OrderTime}), and never
 * before the watermark of the partition it was read from. At a later
 * hop ({@code upstreamHop} set) the task relays what the ordering processor of its own upstream
 * hop released (read from that processor's marks store): tolerance 0, since that is ordered, and
 * idle when all of that hop's sources are. Not thread-safe: one instance per task.
 */
final class WatermarkSource<V> implements Processor<String, V, String, V> {
  private final OrderOptions options;
  private final String upstreamHop;
  private ProcessorContext<String, V> context;
  private KeyValueStore<String, SourceMark> upstream;
  private InputLag lag;
  /** The latest order time forwarded (first hop): what an idle task releases up to. */
  private long latestOrder = Long.MIN_VALUE;
  /** Whether this task has read any record since it started (first hop). */
  private boolean readAny;
  /** Wall-clock time of this task's previous marker (first hop). */
  private long lastMark = Long.MIN_VALUE;
  /** A gap of more than this many marker intervals between markers is a stall, not quiet. */
  static final int STALL_INTERVALS = 5;
  /**
   * Per input partition of this task (first hop): latest arrival read, when it was read (wall),
   * and since when the consumer's lag of it has been unknown (wall; MIN_VALUE while known).
   */
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
    } else {
      lag = new InputLag(context.metrics(), context.taskId().partition());
    }
    long now = context.currentSystemTimeMs();
    for (String topic : inputTopics) {
      partitions.put(topic, new long[] {Long.MIN_VALUE, now, Long.MIN_VALUE});
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
          t -> new long[] {Long.MIN_VALUE, context.currentSystemTimeMs(), Long.MIN_VALUE});
      long tolerance = options.tolerance().toMillis();
      long arrival = ArrivalHeader.read(record.headers()).orElse(record.timestamp());
      // Arrived more than the tolerance after it occurred: it stands in the stream where it
      // arrived, not where it occurred. Judged by its own arrival, so live, caught up and on any
      // number of partitions it is placed alike.
      long order = Math.max(record.timestamp(), saturatedMinus(arrival, tolerance));
      if (partition[0] != Long.MIN_VALUE) {
        // Never behind this partition's watermark: a producer whose arrival stamps run behind
        // the others' (or none at all) is placed where it was read.
        order = Math.max(order, partition[0] - tolerance);
      }
      if (order != record.timestamp()) {
        placed = OrderTime.at(record, order);
      }
      partition[0] = Math.max(partition[0], arrival);
      latestOrder = Math.max(latestOrder, order);
      readAny = true;
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
   * arrival minus the tolerance, leaving out a partition quiet (nothing read and, as far as the
   * consumer's lag tells, nothing left to fetch) for the idle timeout that never
   * delivered, and one quiet for the idle timeout plus the tolerance (whatever it delivers next
   * occurred after its lull began). When every partition is left out, the latest arrival or order
   * time read, whichever is later.
   */
  private Marker first(long wallClock) {
    long tolerance = options.tolerance().toMillis();
    long idleAfter = options.idleTimeout().toMillis();
    long watermark = Long.MAX_VALUE;
    long latest = context.currentStreamTimeMs(); // restored by Kafka Streams after a restart
    boolean idle = true;
    // A gap between this task's markers much longer than their interval means the stream
    // thread was busy elsewhere or starved (a large release, a GC pause, an overloaded machine):
    // the task was not served, its input was not quiet. On a real consumer such a gap does not
    // count as quiet; a TopologyTestDriver's simulated clock may jump (it has no consumer).
    boolean consumer = lag.consumerPresent();
    long gap = lastMark == Long.MIN_VALUE ? 0 : wallClock - lastMark;
    long stall = gap > STALL_INTERVALS * options.interval().toMillis()
        ? gap - options.interval().toMillis() : 0;
    lastMark = wallClock;
    for (Map.Entry<String, long[]> input : partitions.entrySet()) {
      long[] partition = input.getValue();
      long behind = lag.of(input.getKey());
      if (behind >= 0) {
        partition[2] = Long.MIN_VALUE;
      } else if (partition[2] == Long.MIN_VALUE) {
        partition[2] = wallClock;
      }
      if (behind > 0) {
        partition[1] = wallClock; // records still to fetch: waiting to be served is not quiet
      } else if (consumer && behind < 0 && !readAny
          && wallClock - partition[2] < idleAfter + tolerance) {
        // this task has read nothing yet and its consumer has not fetched this partition (a
        // start, a rebalance, a slow first fetch): nothing is known to be quiet. The consumer
        // keeps no lag for a partition that never held a record, so once the task read anything
        // (or after the idle timeout plus the tolerance) such a partition counts as quiet again.
        partition[1] = wallClock;
      } else if (consumer && stall > 0) {
        partition[1] = Math.min(wallClock, partition[1] + stall);
      }
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
      // quiet for long enough everywhere: release all it read, a contact dated ahead of its
      // arrival (a sender's clock running fast) included
      latest = Math.max(latest, latestOrder);
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

  private static long saturatedMinus(long a, long b) {
    return a < Long.MIN_VALUE + b ? Long.MIN_VALUE : a - b;
  }

  private int index() {
    return context.taskId().partition();
  }
}
