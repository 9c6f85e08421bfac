package nl.waarom.analyzer.streams.order;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * One ordered repartition hop, the only way the analyzer repartitions: {@code watermark-<hop>}
 * ({@link WatermarkSource}) → repartition topic {@code <hop>} ({@link MarkerPartitioner}) →
 * {@code order-<hop>} ({@link EventTimeOrder}, stores {@code <hop>-order-marks} and
 * {@code <hop>-order-buffer}). The stream returned holds the records in event-time order, plus
 * ticks (null values) that the next processor must drop or use.
 *
 * @param name the hop's name: its repartition topic is {@code <application.id>-<name>-repartition}
 * @param values the serde of the records' values; must write null as null
 * @param tieBreak orders records of the same event time (e.g. by contactId); never null
 * @param upstreamHop the ordered hop whose output this hop's records come from; null when they
 *     come from the input topics (then the disorder tolerance applies)
 */
public record OrderedHop<V>(String name, Serde<V> values, BiFunction<String, V, String> tieBreak,
    String upstreamHop) {

  /** {@code stream} repartitioned by its key and released in event-time order (a later hop). */
  public KStream<String, V> apply(KStream<String, V> stream, OrderOptions options,
      MeterRegistry registry) {
    return apply(stream, options, registry, List.of());
  }

  /**
   * {@code stream} repartitioned by its key and released in event-time order; {@code inputTopics}
   * are the topics a first hop reads (its watermark is kept per input partition), empty for a
   * later hop.
   */
  public KStream<String, V> apply(KStream<String, V> stream, OrderOptions options,
      MeterRegistry registry, List<String> inputTopics) {
    OrderOptions hop = upstreamHop == null ? options
        : new OrderOptions(java.time.Duration.ZERO, options.idleTimeout(), options.interval(),
            options.sources());
    String[] stores = upstreamHop == null ? new String[0]
        : new String[] {EventTimeOrder.marksStore(upstreamHop)};
    return stream
        .process(() -> new WatermarkSource<V>(hop, upstreamHop, inputTopics), Named.as("watermark-" + name),
            stores)
        .repartition(Repartitioned.<String, V>as(name).withKeySerde(Serdes.String())
            .withValueSerde(values).withStreamPartitioner(new MarkerPartitioner<>()))
        .process(EventTimeOrder.supplier(name, options.sources(), upstreamHop != null, values,
            tieBreak, registry),
            Named.as("order-" + name));
  }
}
