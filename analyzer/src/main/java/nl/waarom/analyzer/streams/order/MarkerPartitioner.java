package nl.waarom.analyzer.streams.order;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * The partitioner of an ordered repartition topic: a {@link Marker} goes to every partition
 * (KIP-837 multicast), every other record where Kafka's default partitioner puts it (by the hash
 * of its key), exactly as without this partitioner. Stateless and thread-safe.
 */
public final class MarkerPartitioner<V> implements StreamPartitioner<String, V> {
  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, V value, int partitions) {
    if (!Marker.isMarker(key)) {
      return Optional.empty();
    }
    return Optional.of(IntStream.range(0, partitions).boxed().collect(Collectors.toSet()));
  }
}
