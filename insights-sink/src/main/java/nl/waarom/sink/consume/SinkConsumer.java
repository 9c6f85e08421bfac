package nl.waarom.sink.consume;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes insights and trends, and the team workspace's taxonomy versions, contacts and
 * corrections, into PostgreSQL on its own named thread.
 * Input topics: {@code <prefix>insights}, {@code <prefix>reason-trends},
 * {@code <prefix>explained-share}, {@code <prefix>taxonomy}, {@code <prefix>contacts.chat},
 * {@code .call}, {@code .email}, {@code <prefix>contacts.classified},
 * {@code <prefix>corrections}.
 * Output topic: {@code <prefix>dlq} (records that cannot be decoded).
 *
 * <p>Per poll: decode, write the whole batch in one database transaction, send the dead letters,
 * then commit the offsets (read_committed, no auto-commit). Records that cannot be decoded, or
 * that the database refuses for their data ({@link OneByOne}), become dead letters and are
 * skipped. When the database (or the DLQ) is
 * unavailable, the consumer rewinds to the batch's first offsets, waits with exponential back-off
 * and tries again, without committing; it keeps polling so it stays in its group, and
 * {@link #isFailing()} is true until a batch succeeds again. After every poll it publishes the
 * lag of each assigned partition ({@link ConsumerLag}).
 */
public final class SinkConsumer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkConsumer.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Topics topics;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final DeadLetterPublisher deadLetterPublisher;
  private final DeadLetters deadLetters;
  private final BatchStore batchStore;
  private final SinkMetrics metrics;
  private final ConsumerLag lag;
  private final Backoff backoff;
  private final Thread thread;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean failing;

  /**
   * @param bootstrapServers never null
   * @param clients the client properties passed through (security); never null
   * @param groupId consumer group; never null
   * @param retryBackoffMax longest wait between retries; never null
   * @param sessionTimeout how long the group waits for this consumer when it vanished; never null
   */
  public record Options(String bootstrapServers, KafkaClientProperties clients, String groupId, Duration retryBackoffMax,
      Duration sessionTimeout) {}

  public SinkConsumer(Options options, Topics topics, SinkRepository repository,
      SinkMetrics metrics, Clock clock) {
    this.topics = topics;
    this.metrics = metrics;
    this.lag = new ConsumerLag(metrics.registry());
    this.deadLetters = new DeadLetters(clock);
    this.backoff = new Backoff(options.retryBackoffMax());
    this.consumer = new KafkaConsumer<>(consumerProperties(options), new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
    this.deadLetterPublisher = new DeadLetterPublisher(options.bootstrapServers(),
        options.clients(), topics.deadLetters);
    this.batchStore = new BatchStore(repository, deadLetterPublisher, topics.deadLetters, deadLetters,
        metrics);
    this.thread = new Thread(this::run, "waarom-sink-consumer");
  }

  private static Map<String, Object> consumerProperties(Options options) {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
    p.put(ConsumerConfig.GROUP_ID_CONFIG, options.groupId());
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "waarom-insights-sink");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    // A new group starts at the beginning: the tables are meant to hold the whole history.
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) options.sessionTimeout().toMillis());
    return options.clients().consumer(p);
  }

  /** Subscribes and starts the consumer thread; call once. */
  public synchronized void start() {
    if (!closing.get() && started.compareAndSet(false, true)) {
      thread.start();
    }
  }

  /** True while the consumer thread runs and has not been asked to stop. */
  public boolean isRunning() {
    return thread.isAlive() && !closing.get();
  }

  /** True while the latest batch failed and is being retried. */
  public boolean isFailing() {
    return failing;
  }

  /** The topics the sink reads: insights, trends, shares, taxonomy, contacts and corrections. */
  public static List<String> subscribed(Topics topics) {
    List<String> subscribed = new ArrayList<>(List.of(topics.insights.name(),
        topics.reasonTrends.name(), topics.explainedShare.name(), topics.taxonomy.name(),
        topics.classified.name(), topics.corrections.name()));
    topics.contactTopics().forEach(t -> subscribed.add(t.name()));
    return subscribed;
  }

  private void run() {
    try {
      consumer.subscribe(subscribed(topics));
      while (!closing.get()) {
        pollOnce();
      }
    } catch (WakeupException e) {
      if (!closing.get()) {
        LOG.error("consumer woken up unexpectedly", e);
      }
    } finally {
      lag.clear();
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      deadLetterPublisher.close();
    }
  }

  private void pollOnce() {
    ConsumerRecords<byte[], byte[]> records;
    try {
      records = consumer.poll(POLL);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // Unexpected client error (e.g. authorisation): report, wait, keep the app alive, not
      // ready. A refused authentication is named as such: only new credentials help.
      failing = true;
      String authentication = KafkaAuthentication.message(e);
      LOG.error("polling failed, retrying in {}: {}", backoff.current(),
          authentication != null ? authentication : e.toString());
      backoff.pause();
      return;
    }
    if (!records.isEmpty()) {
      DecodedBatch batch;
      try {
        batch = DecodedBatch.decode(records, topics, deadLetters);
      } catch (SchemaRegistryException e) {
        // the records are fine, the registry that knows their schemas is not: read them again
        Map<TopicPartition, Long> first = new HashMap<>();
        records.partitions().forEach(p -> first.put(p, records.records(p).get(0).offset()));
        retryLater(first, e);
        return;
      }
      process(batch);
    }
    lag.update(consumer); // after the batch: a batch that failed was rewound, and counts as lag
  }

  private void process(DecodedBatch batch) {
    try {
      metrics.batchDuration().recordCallable(() -> {
        batchStore.store(batch);
        commit(batch);
        return null;
      });
      failing = false;
      backoff.reset();
    } catch (WakeupException e) {
      throw e;
    } catch (Exception e) {
      // DatabaseException (database down), KafkaException (DLQ down) or a bug: nothing is committed.
      retryLater(batch.firstOffsets(), e);
    }
  }

  private void commit(DecodedBatch batch) {
    try {
      consumer.commitSync(batch.commitOffsets());
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // The rows are stored; the records will be delivered again and the upserts change nothing.
      LOG.warn("offset commit failed, records will be re-delivered: {}", e.toString());
    }
  }

  private void retryLater(Map<TopicPartition, Long> firstOffsets, Exception e) {
    failing = true;
    metrics.batchFailed();
    LOG.error("storing a batch failed, retrying in {}: {}", backoff.current(), e.toString());
    for (Map.Entry<TopicPartition, Long> first : firstOffsets.entrySet()) {
      if (consumer.assignment().contains(first.getKey())) {
        consumer.seek(first.getKey(), first.getValue());
      }
    }
    backoff.pause();
  }

  /** Stops polling, closes the Kafka clients and waits for the thread; idempotent. */
  @Override
  public synchronized void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    backoff.stop();
    consumer.wakeup();
    if (!started.get()) {
      consumer.close(CloseOptions.timeout(Duration.ZERO));
      deadLetterPublisher.close();
      return;
    }
    if (Thread.currentThread() != thread) {
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
