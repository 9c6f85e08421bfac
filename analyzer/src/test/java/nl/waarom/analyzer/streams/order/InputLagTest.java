package nl.waarom.analyzer.streams.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Map;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Value;
import org.apache.kafka.streams.StreamsMetrics;
import org.junit.jupiter.api.Test;

/** The lag is read from the consumer's per-partition metric as the Kafka client registers it. */
class InputLagTest {
  @Test
  void readsTheConsumersRecordsLagOfItsOwnPartitionAndSaysWhenItIsUnknown() {
    try (Metrics registry = new Metrics()) {
      StreamsMetrics metrics = streamsMetrics(registry);
      Sensor other = registry.sensor("other");
      other.add(lag(registry, "3"), new Value());
      InputLag lag = new InputLag(metrics, 2, 0);
      assertThat(lag.consumerPresent()).isTrue();

      assertThat(lag.of("waarom.contacts.chat")).isEqualTo(-1); // not fetched yet
      Sensor own = registry.sensor("own"); // the consumer registers it on the first fetch
      own.add(lag(registry, "2"), new Value());
      own.record(120);
      other.record(7);
      assertThat(lag.of("waarom.contacts.chat")).isEqualTo(120);
      assertThat(lag.of("waarom.contacts.email")).isEqualTo(-1);
      own.record(0);
      assertThat(lag.of("waarom.contacts.chat")).isZero();
    }
  }

  @Test
  void withoutAConsumerNothingIsPresent() {
    try (Metrics registry = new Metrics()) {
      StreamsMetrics metrics = streamsMetrics(registry);
      InputLag lag = new InputLag(metrics, 0);
      assertThat(lag.consumerPresent()).isFalse();
      assertThat(lag.of("waarom.contacts.chat")).isEqualTo(-1);
    }
  }

  @Test
  void aPartitionNotFoundIsLookedForAgainOnlyAfterAWhile() {
    try (Metrics registry = new Metrics()) {
      InputLag lag = new InputLag(streamsMetrics(registry), 2, 60_000);
      assertThat(lag.of("waarom.contacts.chat")).isEqualTo(-1);
      Sensor own = registry.sensor("own");
      own.add(lag(registry, "2"), new Value());
      own.record(5);
      assertThat(lag.of("waarom.contacts.chat")).as("not scanned again yet").isEqualTo(-1);
    }
  }

  /** Kafka Streams' view of {@code registry}: only {@code metrics()} answers. */
  private static StreamsMetrics streamsMetrics(Metrics registry) {
    return (StreamsMetrics) Proxy.newProxyInstance(InputLagTest.class.getClassLoader(),
        new Class<?>[] {StreamsMetrics.class},
        (proxy, method, args) -> method.getName().equals("metrics") ? registry.metrics() : null);
  }

  /** The metric as the consumer names it: dots in the topic become underscores. */
  private static MetricName lag(Metrics registry, String partition) {
    return registry.metricName("records-lag", "consumer-fetch-manager-metrics",
        Map.of("client-id", "t", "topic", "waarom_contacts_chat", "partition", partition));
  }
}
