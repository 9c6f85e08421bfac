package nl.waarom.sink.contacts;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends editors' corrections to {@code <prefix>corrections} (key: the contact id) and waits until
 * the broker has them, so the editor is told only what is durable. Created with the consumer's
 * Kafka client settings (bootstrap servers, security). Output topic: {@code <prefix>corrections}.
 * Thread-safe.
 */
public final class CorrectionPublisher implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(15);

  private final KafkaProducer<String, Correction> producer;
  private final Topic<String, Correction> topic;

  /**
   * @param bootstrapServers never null
   * @param clients the client properties passed through (security); never null
   * @param topic never null
   */
  public CorrectionPublisher(String bootstrapServers, KafkaClientProperties clients,
      Topic<String, Correction> topic) {
    this.topic = topic;
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "waarom-insights-sink-corrections");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Bounded waits: an unavailable broker answers the editor with an error, not a hung page.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 12_000);
    this.producer = new KafkaProducer<>(clients.producer(p), topic.keySerde().serializer(),
        topic.valueSerde().serializer());
  }

  /**
   * Sends the correction and waits for the acknowledgement.
   *
   * @throws KafkaException when it could not be delivered
   */
  public void publish(Correction correction) {
    try {
      producer.send(new ProducerRecord<>(topic.name(), correction.getContactId(), correction))
          .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaException("interrupted while sending a correction", e);
    } catch (ExecutionException e) {
      throw new KafkaException("cannot send the correction: " + e.getCause().getMessage(),
          e.getCause());
    } catch (TimeoutException e) {
      throw new KafkaException("the broker did not acknowledge the correction in " + WAIT, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
