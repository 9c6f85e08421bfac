package nl.waarom.ingest.dlq;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the dead-letter topic ({@code dlq}) from the start (or from the first record written at
 * {@code since}) up to its end at the moment of the call, with a consumer that joins no group and
 * commits nothing, so listing never moves anyone's position. Records that cannot be decoded are
 * reported as an error rather than skipped. One call at a time; not thread-safe.
 */
public final class DeadLetterReader {
  private static final Duration POLL = Duration.ofMillis(200);

  private final String bootstrapServers;
  private final KafkaClientProperties clients;
  private final Topic<String, DeadLetter> topic;
  private final Duration timeout;

  /**
   * @param clients the client properties passed through (security); never null
   * @param timeout bound on reading up to the end
   */
  public DeadLetterReader(String bootstrapServers, KafkaClientProperties clients,
      Topic<String, DeadLetter> topic, Duration timeout) {
    this.bootstrapServers = bootstrapServers;
    this.clients = clients;
    this.topic = topic;
    this.timeout = timeout;
  }

  /**
   * Every matching dead letter, oldest first within a partition, partitions in order.
   *
   * @throws IllegalStateException when the end is not reached within the timeout or a record is
   *     not a dead letter
   */
  public List<DeadLetterEntry> read(DeadLetterFilter filter) {
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "waarom-dlq-reader",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
        new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      seek(consumer, partitions, filter);
      List<DeadLetterEntry> entries = new ArrayList<>();
      long deadline = System.nanoTime() + timeout.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read " + topic.name() + " up to " + end
              + " within " + timeout);
        }
        for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            DeadLetterEntry e = new DeadLetterEntry(r.partition(), r.offset(), decode(r));
            if (filter.matches(e)) {
              entries.add(e);
            }
          }
        }
      }
      entries.sort((a, b) -> a.partition() != b.partition()
          ? Integer.compare(a.partition(), b.partition()) : Long.compare(a.offset(), b.offset()));
      return entries;
    }
  }

  private void seek(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      DeadLetterFilter filter) {
    if (filter.since() == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    // Dead letters are produced when they fail, so record time ~ failedAt; the filter still
    // checks failedAt itself.
    Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(partitions.stream()
        .collect(Collectors.toMap(p -> p, p -> filter.since().toEpochMilli() - 60_000)), timeout);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp o = at.get(p);
      if (o == null) {
        consumer.seekToEnd(List.of(p));
      } else {
        consumer.seek(p, o.offset());
      }
    }
  }

  private DeadLetter decode(ConsumerRecord<byte[], byte[]> r) {
    try {
      return topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
    } catch (SchemaRegistryException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new IllegalStateException("record " + r.partition() + ":" + r.offset() + " of "
          + r.topic() + " is not a dead letter: " + e.getMessage(), e);
    }
  }
}
