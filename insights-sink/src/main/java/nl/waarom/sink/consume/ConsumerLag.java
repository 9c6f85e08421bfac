package nl.waarom.sink.consume;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Gauge {@value #LAG} (tags {@code topic}, {@code partition}): for every partition assigned to this
 * instance, how many records it is behind the partition's end (the last stable offset, since the
 * sink reads committed records only), as the consumer last saw it. Partitions appear when they are
 * assigned and disappear when revoked, so /metrics also shows which instance holds which
 * partition. A partition whose lag is not known yet (before its first fetch) shows NaN.
 *
 * <p>{@link #update} uses {@link Consumer#currentLag}, which answers from the consumer's own fetch
 * state without a request; like every consumer call it must run on the consumer's thread.
 */
final class ConsumerLag {
  /** Gauge name; on /metrics {@code waarom_sink_consumer_lag}. */
  static final String LAG = "waarom.sink.consumer.lag";

  private final MeterRegistry registry;
  private final Map<TopicPartition, Double> lags = new ConcurrentHashMap<>();
  private final Map<TopicPartition, Gauge> gauges = new HashMap<>(); // consumer thread only

  ConsumerLag(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Refreshes the lags and the set of gauges from the consumer; on its thread only. */
  void update(Consumer<?, ?> consumer) {
    Set<TopicPartition> assigned = consumer.assignment();
    for (TopicPartition tp : Set.copyOf(gauges.keySet())) {
      if (!assigned.contains(tp)) {
        registry.remove(gauges.remove(tp));
        lags.remove(tp);
      }
    }
    for (TopicPartition tp : assigned) {
      OptionalLong lag = consumer.currentLag(tp);
      lags.put(tp, lag.isPresent() ? (double) lag.getAsLong() : Double.NaN);
      gauges.computeIfAbsent(tp, p -> Gauge.builder(LAG, lags, m -> m.getOrDefault(p, Double.NaN))
          .tag("topic", p.topic()).tag("partition", Integer.toString(p.partition()))
          .description("Records this sink instance is behind on an assigned partition")
          .register(registry));
    }
  }

  /** Removes every gauge (the consumer is closing). */
  void clear() {
    gauges.values().forEach(registry::remove);
    gauges.clear();
    lags.clear();
  }
}
