package nl.waarom.ingest.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * An idempotent Kafka producer ({@code acks=all}, {@code enable.idempotence=true}) that writes to
 * any {@link Topic} of the catalogue with that topic's own serdes, so one producer serves the
 * channel topics and the dead-letter topic alike.
 *
 * <p>Every client-side wait (metadata, buffer space, delivery with retries) is bounded by the
 * timeout given at creation, so a caller waiting on {@link #send} never waits much longer than
 * that. The client properties passed through ({@link KafkaClientProperties}: security and the
 * like) are added to its own. Thread-safe; {@link #close()} is idempotent.
 */
public final class TopicProducer implements AutoCloseable {
  private static final int LINGER_MS = 5;
  private static final int MAX_REQUEST_TIMEOUT_MS = 30_000;
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<byte[], byte[]> producer;
  private final AtomicBoolean closed = new AtomicBoolean();

  private TopicProducer(KafkaProducer<byte[], byte[]> producer) {
    this.producer = producer;
  }

  /**
   * Creates a producer; does not connect yet.
   *
   * @param clients the client properties passed through; never null
   * @param timeout bound on every wait of one send, at least one second
   */
  public static TopicProducer create(String bootstrapServers, KafkaClientProperties clients,
      String clientId, Duration timeout) {
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    if (timeoutMs < 1000) {
      throw new IllegalArgumentException("produce timeout must be at least 1s: " + timeout);
    }
    Map<String, Object> props = clients.producer(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
        ProducerConfig.CLIENT_ID_CONFIG, clientId,
        ProducerConfig.ACKS_CONFIG, "all",
        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
        ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
        // Kafka requires delivery.timeout.ms >= linger.ms + request.timeout.ms.
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        Math.min(MAX_REQUEST_TIMEOUT_MS, timeoutMs - LINGER_MS),
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs));
    return new TopicProducer(
        new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer()));
  }

  /**
   * Sends one record; the future completes with the broker's acknowledgement (all in-sync
   * replicas) or fails. Never throws: a synchronous failure becomes a failed future.
   *
   * @param key may be null; @param value never null
   */
  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value) {
    return send(topic, key, value, null);
  }

  /**
   * Sends one record with {@code headers} (may be null); otherwise as {@link #send(Topic, Object,
   * Object)}.
   */
  public <K, V> CompletableFuture<RecordMetadata> send(Topic<K, V> topic, K key, V value,
      Iterable<Header> headers) {
    CompletableFuture<RecordMetadata> result = new CompletableFuture<>();
    try {
      byte[] k = key == null ? null : topic.keySerde().serializer().serialize(topic.name(), key);
      byte[] v = topic.valueSerde().serializer().serialize(topic.name(), value);
      producer.send(new ProducerRecord<>(topic.name(), null, k, v, headers),
          (metadata, error) -> {
        if (error != null) {
          result.completeExceptionally(error);
        } else {
          result.complete(metadata);
        }
      });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Sends what is buffered now and waits for it to complete. */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      producer.close(CLOSE_TIMEOUT);
    }
  }
}
