package nl.waarom.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Topic;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads exactly the records appended to topics between two moments: take {@link #snapshot}, act,
 * then {@link #since} returns every record after the snapshot up to the current end, so a test
 * can assert the whole output (including "nothing else") without waiting for a count.
 */
public final class TopicRecords {
  private final KafkaBroker broker;

  public TopicRecords(KafkaBroker broker) {
    this.broker = broker;
  }

  /** The end offset of every partition of the topics now. */
  public Map<TopicPartition, Long> snapshot(List<? extends Topic<?, ?>> topics) {
    Map<TopicPartition, Long> offsets = new HashMap<>();
    for (Topic<?, ?> t : topics) {
      try (KafkaConsumer<byte[], byte[]> c = consumer(t.name())) {
        List<TopicPartition> partitions = partitions(c, t.name());
        c.assign(partitions);
        offsets.putAll(c.endOffsets(partitions));
      }
    }
    return offsets;
  }

  /** Every record of the topic after the snapshot, in partition then offset order. */
  public <K, V> List<ConsumerRecord<K, V>> since(Topic<K, V> topic,
      Map<TopicPartition, Long> snapshot) {
    try (KafkaConsumer<byte[], byte[]> c = consumer(topic.name())) {
      List<TopicPartition> partitions = partitions(c, topic.name());
      c.assign(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      partitions.forEach(p -> c.seek(p, snapshot.getOrDefault(p, 0L)));
      List<ConsumerRecord<K, V>> records = new ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("could not read up to " + end + " on " + topic.name());
        }
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            records.add(decode(topic, r));
          }
        }
      }
      return records;
    }
  }

  private static <K, V> ConsumerRecord<K, V> decode(Topic<K, V> topic,
      ConsumerRecord<byte[], byte[]> r) {
    K key = topic.keySerde().deserializer().deserialize(r.topic(), r.key());
    V value = topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
    return new ConsumerRecord<>(r.topic(), r.partition(), r.offset(), r.timestamp(),
        r.timestampType(), r.serializedKeySize(), r.serializedValueSize(), key, value,
        r.headers(), r.leaderEpoch());
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, String topic) {
    return c.partitionsFor(topic).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private KafkaConsumer<byte[], byte[]> consumer(String name) {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.CLIENT_ID_CONFIG, "test-reader-" + name),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }
}
