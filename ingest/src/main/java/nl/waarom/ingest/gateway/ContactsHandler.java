package nl.waarom.ingest.gateway;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.gateway.GatewayMetrics.Reason;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topics;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/contacts}: validates the whole body first (one contact or an array), then
 * produces every contact to its channel topic keyed by contactId and answers 202 only after
 * Kafka acknowledged all of them. An invalid body produces nothing. Output topics:
 * {@code contacts.chat}, {@code contacts.call}, {@code contacts.email}.
 *
 * <p>When Kafka fails part-way, some contacts of the request may already be stored; the 503 asks
 * the client to retry, and because records are keyed by contactId downstream can deduplicate.
 */
final class ContactsHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ContactsHandler.class);
  /** Slack on top of the producer's own delivery timeout, so the producer reports first. */
  private static final Duration WAIT_SLACK = Duration.ofSeconds(2);

  record Accepted(String contactId, String topic, int partition, long offset) {}

  record Response(int accepted, List<Accepted> contacts) {}

  private final ContactJson json;
  private final TopicProducer producer;
  private final Topics topics;
  private final GatewayMetrics metrics;
  private final int maxBodyBytes;
  private final int maxBatch;
  private final Duration produceTimeout;

  ContactsHandler(ContactJson json, TopicProducer producer, Topics topics, GatewayMetrics metrics,
      int maxBodyBytes, int maxBatch, Duration produceTimeout) {
    this.json = json;
    this.producer = producer;
    this.topics = topics;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.maxBatch = maxBatch;
    this.produceTimeout = produceTimeout;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    long start = System.nanoTime();
    try {
      respond(ctx);
    } finally {
      metrics.request(ctx.statusCode(), Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void respond(Context ctx) throws IOException {
    if (!RequestBody.isJson(ctx.contentType())) {
      reject(ctx, 415, Reason.UNSUPPORTED_MEDIA_TYPE, "unsupported media type",
          "Content-Type must be application/json (UTF-8)");
      return;
    }
    byte[] body = RequestBody.read(ctx, maxBodyBytes);
    if (body == null) {
      reject(ctx, 413, Reason.TOO_LARGE, "request too large",
          "body must be at most " + maxBodyBytes + " bytes");
      return;
    }
    Validated<List<Contact>> contacts = json.readBody(body, maxBatch);
    if (!contacts.isValid()) {
      metrics.rejected(Reason.INVALID);
      JsonResponses.invalid(ctx, contacts.errors());
      return;
    }
    produce(ctx, contacts.value());
  }

  private void produce(Context ctx, List<Contact> contacts) {
    List<RecordMetadata> acks;
    try {
      acks = sendAll(contacts);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      LOG.warn("Kafka did not acknowledge {} contact(s): {}", contacts.size(), cause.toString());
      reject(ctx, 503, Reason.KAFKA_UNAVAILABLE, "kafka unavailable",
          "contacts were not acknowledged by Kafka; retry later");
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      reject(ctx, 503, Reason.KAFKA_UNAVAILABLE, "kafka unavailable", "interrupted; retry later");
      return;
    }
    List<Accepted> accepted = new ArrayList<>(contacts.size());
    for (int i = 0; i < contacts.size(); i++) {
      RecordMetadata m = acks.get(i);
      accepted.add(new Accepted(contacts.get(i).getContactId(), m.topic(), m.partition(),
          m.offset()));
      metrics.accepted(contacts.get(i).getChannel());
    }
    JsonResponses.send(ctx, 202, new Response(accepted.size(), accepted));
  }

  /**
   * Sends every contact and waits for every acknowledgement, all within one deadline. Stops
   * sending at the first failure: while Kafka is unreachable each send blocks for the producer's
   * metadata wait, and a large batch must not multiply that.
   */
  private List<RecordMetadata> sendAll(List<Contact> contacts)
      throws ExecutionException, TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + produceTimeout.plus(WAIT_SLACK).toNanos();
    List<CompletableFuture<RecordMetadata>> acks = new ArrayList<>(contacts.size());
    for (Contact c : contacts) {
      CompletableFuture<RecordMetadata> ack =
          producer.send(topics.contactsFor(c.getChannel()), c.getContactId(), c);
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

  private void reject(Context ctx, int status, Reason reason, String error, String message) {
    metrics.rejected(reason);
    JsonResponses.error(ctx, status, error, message);
  }
}
