package nl.waarom.sink.consume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * Sends dead letters to the dead-letter topic and waits until the broker has them, so the offsets
 * of the rejected records are committed only after their dead letters are safe.
 * Output topic: {@code <prefix>dlq}.
 */
final class DeadLetterPublisher implements AutoCloseable {
  private final KafkaProducer<String, DeadLetter> producer;
  private final Topic<String, DeadLetter> topic;

  DeadLetterPublisher(String bootstrapServers, KafkaClientProperties clients,
      Topic<String, DeadLetter> topic) {
    this.topic = topic;
    Map<String, Object> p = new HashMap<>();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "waarom-insights-sink-dlq");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    // Bounded waits: a slow broker fails the batch (which is retried) instead of hanging the consumer.
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    this.producer = new KafkaProducer<>(clients.producer(p), topic.keySerde().serializer(),
        topic.valueSerde().serializer());
  }

  /**
   * Sends every dead letter and waits for the acknowledgements.
   *
   * @throws KafkaException when one could not be delivered
   */
  void publish(List<DeadLetter> deadLetters) {
    List<Future<RecordMetadata>> sent = new ArrayList<>();
    for (DeadLetter d : deadLetters) {
      sent.add(producer.send(new ProducerRecord<>(topic.name(), keyOf(d), d)));
    }
    for (Future<RecordMetadata> f : sent) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KafkaException("interrupted while sending dead letters", e);
      } catch (ExecutionException e) {
        throw new KafkaException("cannot send dead letter: " + e.getCause().getMessage(), e.getCause());
      }
    }
  }

  /** The original key as text when there was one, else the source name. */
  private static String keyOf(DeadLetter d) {
    if (d.getKey() == null) {
      return DeadLetters.SOURCE;
    }
    return StandardCharsets.UTF_8.decode(d.getKey().duplicate()).toString();
  }

  @Override
  public void close() {
    producer.close(java.time.Duration.ofSeconds(5));
  }
}
