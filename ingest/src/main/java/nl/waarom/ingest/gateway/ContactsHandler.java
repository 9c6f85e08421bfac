package nl.waarom.ingest.gateway;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.gateway.GatewayMetrics.Reason;
import nl.waarom.platform.KafkaAuthentication;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.SchemaRegistryException;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/contacts}: validates the whole body first (one contact or an array), then
 * produces every contact to its channel topic keyed by contactId and answers 202 only after
 * Kafka acknowledged all of them. An invalid body produces nothing. Output topics:
 * {@code contacts.chat}, {@code contacts.call}, {@code contacts.email}.
 *
 * <p>Only an authenticated client may write ({@link Access}: 401 without a valid API key, 429
 * over the rate limit); its name is recorded on every contact as the source (see
 * {@link nl.waarom.schemas.SourceHeader}).
 *
 * <p>When Kafka fails part-way, some contacts of the request may already be stored; the 503 asks
 * the client to retry, and because records are keyed by contactId downstream can deduplicate.
 */
final class ContactsHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(ContactsHandler.class);

  record Accepted(String contactId, String topic, int partition, long offset) {}

  record Response(int accepted, List<Accepted> contacts) {}

  private final Access access;
  private final ContactJson json;
  private final ContactSender sender;
  private final GatewayMetrics metrics;
  private final int maxBodyBytes;
  private final int maxBatch;

  ContactsHandler(Access access, ContactJson json, ContactSender sender, GatewayMetrics metrics,
      int maxBodyBytes, int maxBatch) {
    this.access = access;
    this.json = json;
    this.sender = sender;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.maxBatch = maxBatch;
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
    Access.Client client = access.admit(ctx);
    if (client == null) {
      return;
    }
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
    produce(ctx, contacts.value(), client.name());
  }

  private void produce(Context ctx, List<Contact> contacts, String source) {
    List<RecordMetadata> acks;
    try {
      acks = sender.sendAll(contacts, source);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
      String authentication = KafkaAuthentication.message(cause);
      if (cause instanceof SchemaRegistryException registry) {
        LOG.warn("{} contact(s) not sent: {}", contacts.size(), registry.getMessage());
        reject(ctx, 503, Reason.KAFKA_UNAVAILABLE, "schema registry unavailable",
            "contacts could not be encoded because the schema registry could not be asked; "
                + "retry later");
        return;
      }
      if (authentication != null) {
        LOG.error("{}; {} contact(s) refused", authentication, contacts.size());
      } else {
        LOG.warn("Kafka did not acknowledge {} contact(s): {}", contacts.size(), cause.toString());
      }
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

  private void reject(Context ctx, int status, Reason reason, String error, String message) {
    metrics.rejected(reason);
    JsonResponses.error(ctx, status, error, message);
  }
}
