package nl.waarom.tools.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import nl.waarom.platform.KafkaClientProperties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every partition of one topic with a consumer that joins no group and commits nothing, so
 * a query never moves anyone's position: from the start, or from the first record whose Kafka
 * timestamp is at or after a moment ({@code offsetsForTimes}, so a recent window does not read
 * the whole topic); up to the end offsets it saw when it opened; then, when asked, on as records
 * arrive. Only committed records (read_committed: the analyzer writes in transactions). One
 * thread; not thread-safe. Also used by the backtest ({@code nl.waarom.tools.backtest}).
 */
public final class TopicScan implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);

  private final KafkaConsumer<byte[], byte[]> consumer;
  private final List<TopicPartition> partitions;
  private final Map<TopicPartition, Long> end;
  private final Duration timeout;

  private TopicScan(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
      Map<TopicPartition, Long> end, Duration timeout) {
    this.consumer = consumer;
    this.partitions = partitions;
    this.end = end;
    this.timeout = timeout;
  }

  /**
   * Assigns every partition of {@code topic} and seeks to where reading starts.
   *
   * @param from the first Kafka timestamp to read; null for the start of each partition
   * @param timeout bound on each request to the cluster, and on a read that makes no progress
   * @throws IllegalStateException when the topic does not exist
   */
  public static TopicScan open(String bootstrapServers, KafkaClientProperties clients, String topic,
      Instant from, Duration timeout) {
    KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(clients.consumer(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "waarom-query",
        ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false, // a query never creates a topic
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed")),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
    try {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(p.topic(), p.partition()))
          .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
      if (partitions.isEmpty()) {
        throw new IllegalStateException("topic " + topic + " does not exist (is "
            + "WAAROM_TOPIC_PREFIX the prefix of the installation?)");
      }
      consumer.assign(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      TopicScan scan = new TopicScan(consumer, partitions, end, timeout);
      scan.seek(from);
      return scan;
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  private void seek(Instant from) {
    if (from == null) {
      consumer.seekToBeginning(partitions);
      return;
    }
    Map<TopicPartition, OffsetAndTimestamp> at = consumer.offsetsForTimes(partitions.stream()
        .collect(Collectors.toMap(p -> p, p -> Math.max(0, from.toEpochMilli()))), timeout);
    for (TopicPartition p : partitions) {
      OffsetAndTimestamp o = at.get(p);
      consumer.seek(p, o == null ? end.get(p) : o.offset()); // null: nothing that late
    }
  }

  /**
   * Hands every record from the start position up to the end offsets seen at {@link #open} to
   * {@code each}, partition by partition in offset order (partitions interleaved).
   *
   * @throws IllegalStateException when no record arrives for the timeout while some are missing
   */
  public void readToEnd(Consumer<ConsumerRecord<byte[], byte[]>> each) {
    long lastProgress = System.nanoTime();
    long before = remaining();
    while (before > 0) {
      for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
        if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
          each.accept(r);
        }
      }
      long now = remaining();
      if (now < before) {
        lastProgress = System.nanoTime();
      } else if (System.nanoTime() - lastProgress > timeout.toNanos()) {
        throw new IllegalStateException("reading " + partitions.getFirst().topic()
            + " made no progress for " + timeout + "; " + now + " records short of the end");
      }
      before = now;
    }
  }

  /** Records between each partition's position and its end offset seen at open. */
  private long remaining() {
    return partitions.stream().mapToLong(p -> Math.max(0, end.get(p) - consumer.position(p)))
        .sum();
  }

  /**
   * Hands every record from the end offsets seen at {@link #open} on to {@code each} as it
   * arrives, until {@code stop} answers true (asked a few times a second).
   */
  void follow(BooleanSupplier stop, Consumer<ConsumerRecord<byte[], byte[]>> each) {
    partitions.forEach(p -> consumer.seek(p, end.get(p)));
    while (!stop.getAsBoolean()) {
      consumer.poll(POLL).forEach(each);
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
