package nl.waarom.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.time.Duration;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) for integration tests,
 * started in the test JVM with Apache Kafka's own test kit. Internal topics use replication
 * factor 1 so transactions (exactly-once) work on one node.
 *
 * <p>Shipped in the {@code waarom-schemas} test jar so every module's {@code *IT} uses the same
 * broker set-up. Requires {@code org.apache.kafka:kafka-test-common-runtime} on the test class path.
 */
public final class KafkaBroker implements AutoCloseable {
  private final KafkaClusterTestKit cluster;

  private KafkaBroker(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
  }

  /** Formats and starts a broker; blocks until it accepts clients. */
  public static KafkaBroker start() {
    try {
      KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(
          new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1)
              .setNumControllerNodes(1).build())
          .setConfigProp("offsets.topic.replication.factor", "1")
          .setConfigProp("transaction.state.log.replication.factor", "1")
          .setConfigProp("transaction.state.log.min.isr", "1")
          .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
          .setConfigProp("share.coordinator.state.topic.min.isr", "1")
          .setConfigProp("group.initial.rebalance.delay.ms", "0")
          .setConfigProp("num.partitions", "1")
          // records carry the contact's occurredAt as timestamp; fixtures with fixed dates must
          // not be deleted by time retention once they are a week old
          .setConfigProp("log.retention.ms", "-1")
          .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      return new KafkaBroker(cluster);
    } catch (Exception e) {
      throw new IllegalStateException("embedded Kafka broker did not start: " + e.getMessage(), e);
    }
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  /** Creates every topic of the catalogue with the given partition count. */
  public void createTopics(Topics topics, int partitions) {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers()))) {
      List<NewTopic> newTopics = topics.all().stream()
          .map(t -> new NewTopic(t.name(), partitions, (short) 1)).toList();
      admin.createTopics(newTopics).all().get();
    } catch (Exception e) {
      throw new IllegalStateException("cannot create topics: " + e.getMessage(), e);
    }
  }

  /** Produces records synchronously with an idempotent producer. */
  public <K, V> void produce(Topic<K, V> topic, Map<K, V> records) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (var producer = new KafkaProducer<>(p, topic.keySerde().serializer(),
        topic.valueSerde().serializer())) {
      for (var e : records.entrySet()) {
        producer.send(new ProducerRecord<>(topic.name(), e.getKey(), e.getValue())).get();
      }
    } catch (Exception e) {
      throw new IllegalStateException("cannot produce to " + topic.name(), e);
    }
  }

  /** A new read_committed consumer at the earliest offset of the topic, in its own group. */
  public <K, V> KafkaConsumer<K, V> consumer(Topic<K, V> topic) {
    return consumer(bootstrapServers(), topic);
  }

  /** The same, for any cluster (e.g. the local stack's own broker). */
  public static <K, V> KafkaConsumer<K, V> consumer(String bootstrapServers, Topic<K, V> topic) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    KafkaConsumer<K, V> c = new KafkaConsumer<>(p, topic.keySerde().deserializer(),
        topic.valueSerde().deserializer());
    c.subscribe(List.of(topic.name()));
    return c;
  }

  /** Polls until at least {@code min} records arrived or the timeout passed; returns all seen. */
  public static <K, V> List<ConsumerRecord<K, V>> pollAtLeast(KafkaConsumer<K, V> consumer, int min,
      Duration timeout) {
    List<ConsumerRecord<K, V>> all = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (all.size() < min && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(all::add);
    }
    return all;
  }

  @Override
  public void close() {
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("embedded Kafka broker did not stop cleanly", e);
    }
  }
}
