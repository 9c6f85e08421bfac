package nl.waarom.ingest.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.SourceHeader;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Sends contacts to their channel topics, or a dead letter to {@code dlq}, and waits for Kafka's
 * acknowledgement within one deadline (the produce timeout plus a little slack, so the producer
 * reports its own error first). Shared by the gateway's handlers; thread-safe.
 */
final class ContactSender {
  /** Slack on top of the producer's own delivery timeout, so the producer reports first. */
  private static final Duration WAIT_SLACK = Duration.ofSeconds(2);

  private final TopicProducer producer;
  private final Topics topics;
  private final Duration produceTimeout;

  ContactSender(TopicProducer producer, Topics topics, Duration produceTimeout) {
    this.producer = producer;
    this.topics = topics;
    this.produceTimeout = produceTimeout;
  }

  Topics topics() {
    return topics;
  }

  /**
   * Sends every contact, recording {@code source} as its source (the attribute and the header of
   * {@link SourceHeader}, replacing any attribute the client sent; null records none: the webhooks
   * say their platform in the attribute {@code platform}), and waits for every acknowledgement, all within one deadline. Stops
   * sending at the first failure: while Kafka is unreachable each send blocks for the producer's
   * metadata wait, and a large batch must not multiply that.
   */
  List<RecordMetadata> sendAll(List<Contact> contacts, String source)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + produceTimeout.plus(WAIT_SLACK).toNanos();
    List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(contacts.size());
    List<Header> headers = source == null ? null
        : List.of(new RecordHeader(SourceHeader.NAME, SourceHeader.encode(source)));
    for (Contact c : contacts) {
      if (source != null) {
        Map<String, String> attributes = new LinkedHashMap<>(c.getAttributes());
        attributes.put(SourceHeader.ATTRIBUTE, source);
        c.setAttributes(attributes);
      }
      CompletableFuture<RecordMetadata> ack =
          producer.send(topics.contactsFor(c.getChannel()), c.getContactId(), c, headers);
      acks.add(ack);
      if (ack.isCompletedExceptionally()) {
        ack.get(); // throws the ExecutionException with the cause
      }
      if (System.nanoTime() > deadline) {
        throw new TimeoutException("deadline passed after sending " + acks.size() + " contacts");
      }
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    return acks.stream().map(CompletableFuture::join).toList();
  }

  /** Sends a dead letter keyed by its source and waits for the acknowledgement. */
  RecordMetadata sendDeadLetter(DeadLetter letter)
      throws ExecutionException, TimeoutException, InterruptedException {
    return producer.send(topics.deadLetters, letter.getSource(), letter)
        .get(produceTimeout.plus(WAIT_SLACK).toMillis(), TimeUnit.MILLISECONDS);
  }
}
