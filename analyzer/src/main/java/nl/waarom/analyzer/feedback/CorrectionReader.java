package nl.waarom.analyzer.feedback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the corrections topic into a {@link CorrectionBook}, on a named daemon thread: every
 * partition, from the beginning, without a consumer group (no offsets are committed), so every
 * analyzer instance, and every restart, reads all corrections and ends with the same book. Stays
 * at the end of the topic afterwards, and picks up partitions added later from their beginning.
 * A record that is not a {@code Correction} is logged, counted and passed over.
 */
public final class CorrectionReader implements Closeable {
  /** Counter of correction records read; tag {@code outcome} = {@code ok} or {@code undecodable}. */
  public static final String READ_METRIC = "waarom.analyzer.corrections.read";
  private static final Logger LOG = LoggerFactory.getLogger(CorrectionReader.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration RETRY = Duration.ofSeconds(2);
  private static final long PARTITION_CHECK_MS = 60_000;

  private final Map<String, Object> properties;
  private final Topic<String, Correction> topic;
  private final CorrectionBook book;
  private final Counter ok;
  private final Counter undecodable;
  private final CountDownLatch caughtUp = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;
  private volatile KafkaConsumer<String, byte[]> consumer;

  public CorrectionReader(String bootstrapServers, KafkaClientProperties clients,
      Topic<String, Correction> topic, CorrectionBook book,
      MeterRegistry registry) {
    this.properties = clients.consumer(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ConsumerConfig.CLIENT_ID_CONFIG, "waarom-analyzer-corrections",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
    this.topic = topic;
    this.book = book;
    this.ok = registry.counter(READ_METRIC, "outcome", "ok");
    this.undecodable = registry.counter(READ_METRIC, "outcome", "undecodable");
    this.thread = new Thread(this::run, "waarom-corrections-reader");
    this.thread.setDaemon(true);
  }

  /** Starts reading; returns at once. */
  public CorrectionReader start() {
    thread.start();
    return this;
  }

  /**
   * Waits until every correction that was on the topic when reading started is in the book.
   *
   * @return false when that took longer than {@code timeout}
   */
  public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
    return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void run() {
    while (running) {
      try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(properties,
          new StringDeserializer(), new ByteArrayDeserializer())) {
        consumer = c;
        if (!running) {
          return;
        }
        read(c);
      } catch (WakeupException e) {
        return; // closing
      } catch (RuntimeException e) {
        LOG.warn("reading {} failed; retrying in {}: {}", topic.name(), RETRY, e.toString());
        sleep(RETRY);
      }
    }
  }

  private void read(KafkaConsumer<String, byte[]> c) {
    List<TopicPartition> assigned = new ArrayList<>();
    Map<TopicPartition, Long> end = new HashMap<>();
    long nextPartitionCheck = 0;
    while (running) {
      if (System.currentTimeMillis() >= nextPartitionCheck) {
        List<TopicPartition> added = newPartitions(c, assigned);
        if (!added.isEmpty()) {
          assigned.addAll(added);
          c.assign(assigned);
          c.seekToBeginning(added);
          if (caughtUp.getCount() > 0) {
            end.putAll(c.endOffsets(added));
          }
        }
        nextPartitionCheck = System.currentTimeMillis() + PARTITION_CHECK_MS;
      }
      if (assigned.isEmpty()) {
        sleep(RETRY); // the topic does not exist yet
        nextPartitionCheck = 0;
        continue;
      }
      for (ConsumerRecord<String, byte[]> r : c.poll(POLL)) {
        apply(r);
      }
      if (caughtUp.getCount() > 0
          && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
        LOG.info("read {} corrections of {} contacts from {}", book.revision(), book.size(),
            topic.name());
        caughtUp.countDown();
      }
    }
  }

  private List<TopicPartition> newPartitions(KafkaConsumer<String, byte[]> c,
      List<TopicPartition> assigned) {
    List<PartitionInfo> infos = c.partitionsFor(topic.name());
    List<TopicPartition> added = new ArrayList<>();
    for (PartitionInfo p : infos == null ? List.<PartitionInfo>of() : infos) {
      TopicPartition tp = new TopicPartition(p.topic(), p.partition());
      if (!assigned.contains(tp)) {
        added.add(tp);
      }
    }
    return added;
  }

  /** Puts one record into the book; returns whether the book changed. */
  private boolean apply(ConsumerRecord<String, byte[]> r) {
    Applied applied = apply(topic, book, r.key(), r.value(), r.topic());
    if (applied == Applied.UNDECODABLE) {
      undecodable.increment();
      LOG.warn("{}-{}@{} is not a correction; passed over", r.topic(), r.partition(), r.offset());
      return false;
    }
    ok.increment();
    return applied == Applied.CHANGED;
  }

  /** What {@link #apply(Topic, CorrectionBook, String, byte[], String)} did with a record. */
  public enum Applied {
    /** The book changed: a new correction, or one withdrawn. */
    CHANGED,
    /** A repeat of what the book holds, or a tombstone of a contact without a correction. */
    UNCHANGED,
    /** The value is not a {@code Correction}; the book is left as it was. */
    UNDECODABLE
  }

  /**
   * Puts one record of the corrections topic into the book, as every reader of the topic does
   * (this reader, and the backtest's one-off read): a value is the contact's latest correction, a
   * tombstone (null value) withdraws it.
   *
   * @param key the record's key (the contactId); may be null
   * @param value the record's value as written; null for a tombstone
   * @param topicName the topic the record was read from (the serde may need it)
   * @throws SchemaRegistryException when the schema registry cannot be asked (read it again later)
   */
  public static Applied apply(Topic<String, Correction> topic, CorrectionBook book, String key,
      byte[] value, String topicName) {
    if (value == null) {
      return key != null && book.withdraw(key) ? Applied.CHANGED : Applied.UNCHANGED;
    }
    Correction correction;
    try {
      correction = topic.valueSerde().deserializer().deserialize(topicName, value);
    } catch (SchemaRegistryException e) {
      throw e; // the registry is down, not the record bad: read it again after the retry
    } catch (RuntimeException e) {
      return Applied.UNDECODABLE;
    }
    return book.add(correction) ? Applied.CHANGED : Applied.UNCHANGED;
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Stops reading and waits for the reader thread to end. */
  @Override
  public void close() {
    running = false;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
