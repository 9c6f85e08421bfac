package nl.waarom.ingest.gateway;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import nl.waarom.ingest.contact.ContactJson;
import nl.waarom.ingest.contact.FieldError;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.gateway.GatewayMetrics.Outcome;
import nl.waarom.ingest.webhook.Translation;
import nl.waarom.ingest.webhook.WebhookAdapter;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /v1/webhooks/<platform>}: one platform's "conversation closed" webhook, checked in
 * this order:
 *
 * <ol>
 *   <li>no secret configured → 404 {@code not configured} (a deployment without the platform;
 *       retrying cannot help, and no unsigned request is ever processed);
 *   <li>not {@code application/json} → 415; larger than the body limit → 413;
 *   <li>signature missing or wrong → 401 naming the header; signed send time further than the
 *       allowed age from now → 401 (replay protection). Refused bodies are <em>not</em>
 *       dead-lettered: they are unauthenticated, so anyone could fill the dead-letter topic with
 *       them (and with whatever personal data they hold), while a genuine platform keeps and
 *       retries its failed deliveries;
 *   <li>signed but not a payload we understand → 400 naming the field; the raw body goes to
 *       {@code dlq} (source {@code gateway:<platform>}, request line, reason) so it can be replayed
 *       after a fix ({@code ./waarom dlq replay});
 *   <li>nothing to produce (e.g. Intercom's {@code ping}) → 200 {@code {"ignored": "..."}};
 *   <li>otherwise the contact is validated, redacted and pseudonymised exactly like
 *       {@code POST /v1/contacts}, produced to its channel topic and answered 202
 *       {@code {"contactId","topic","partition","offset"}} after Kafka acknowledged it. When
 *       Kafka does not acknowledge (the contact or the dead letter) → 503, and the platform
 *       retries.
 * </ol>
 *
 * Output topics: {@code contacts.chat}, {@code contacts.call}, {@code contacts.email},
 * {@code dlq}. Thread-safe.
 */
final class WebhookHandler implements Handler {
  private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

  record Accepted(String contactId, String topic, int partition, long offset) {}

  private final WebhookAdapter adapter;
  private final String secret;
  private final Duration maxAge;
  private final ContactJson json;
  private final ContactSender sender;
  private final GatewayMetrics metrics;
  private final int maxBodyBytes;
  private final Clock clock;

  WebhookHandler(WebhookAdapter adapter, String secret, Duration maxAge, ContactJson json,
      ContactSender sender, GatewayMetrics metrics, int maxBodyBytes, Clock clock) {
    this.adapter = adapter;
    this.secret = secret;
    this.maxAge = maxAge;
    this.json = json;
    this.sender = sender;
    this.metrics = metrics;
    this.maxBodyBytes = maxBodyBytes;
    this.clock = clock;
  }

  /** The dead-letter source of this platform's rejected payloads, e.g. gateway:intercom. */
  static String source(String platform) {
    return "gateway:" + platform;
  }

  static String path(String platform) {
    return "/v1/webhooks/" + platform;
  }

  @Override
  public void handle(Context ctx) throws IOException {
    String platform = adapter.platform();
    if (secret.isEmpty()) {
      end(ctx, Outcome.NOT_CONFIGURED, 404, "not configured", "the " + platform + " webhook is "
          + "not configured on this gateway: set WAAROM_WEBHOOK_" + platform.toUpperCase(
          java.util.Locale.ROOT) + "_SECRET");
      return;
    }
    if (!RequestBody.isJson(ctx.contentType())) {
      end(ctx, Outcome.UNSUPPORTED, 415, "unsupported media type",
          "Content-Type must be application/json (UTF-8)");
      return;
    }
    byte[] body = RequestBody.read(ctx, maxBodyBytes);
    if (body == null) {
      end(ctx, Outcome.UNSUPPORTED, 413, "request too large",
          "body must be at most " + maxBodyBytes + " bytes");
      return;
    }
    String problem = adapter.verify(ctx::header, body, secret);
    if (problem != null) {
      end(ctx, Outcome.UNAUTHORIZED, 401, "unauthorized", problem);
      return;
    }
    if (isStale(adapter.signedSendTime(ctx::header), ctx)) {
      return;
    }
    Validated<Translation> translation = adapter.translate(body);
    if (!translation.isValid()) {
      invalid(ctx, body, translation.errors());
      return;
    }
    Translation t = translation.value();
    if (isStale(t.sentAt(), ctx)) {
      return;
    }
    if (t.ignored() != null) {
      metrics.webhook(platform, Outcome.IGNORED);
      JsonResponses.send(ctx, 200, Map.of("ignored", t.ignored()));
      return;
    }
    Validated<Contact> contact = json.readNode(t.contact());
    if (!contact.isValid()) {
      invalid(ctx, body, contact.errors());
      return;
    }
    produce(ctx, contact.value());
  }

  private boolean isStale(Instant sentAt, Context ctx) {
    if (sentAt != null && Duration.between(sentAt, clock.instant()).abs().compareTo(maxAge) > 0) {
      end(ctx, Outcome.STALE, 401, "unauthorized", "signed send time " + sentAt + " is more "
          + "than " + maxAge + " from now: a stale or replayed request");
      return true;
    }
    return false;
  }

  private void invalid(Context ctx, byte[] body, List<FieldError> errors) {
    String reason = errors.stream().map(FieldError::toString)
        .collect(java.util.stream.Collectors.joining("; "));
    DeadLetter letter = DeadLetter.newBuilder()
        .setSource(source(adapter.platform()))
        .setRequest("POST " + path(adapter.platform()))
        .setValue(ByteBuffer.wrap(body))
        .setError(reason)
        .setFailedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS))
        .build();
    try {
      sender.sendDeadLetter(letter);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Kafka did not acknowledge a dead letter from {}: {}", adapter.platform(),
          e.toString());
      unavailable(ctx);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx);
      return;
    }
    metrics.webhook(adapter.platform(), Outcome.INVALID);
    Map<String, Object> response = new LinkedHashMap<>();
    response.put("error", "invalid request");
    response.put("errors", errors);
    response.put("deadLettered", true);
    JsonResponses.send(ctx, 400, response);
  }

  private void produce(Context ctx, Contact contact) {
    RecordMetadata ack;
    try {
      ack = sender.sendAll(List.of(contact), null).get(0);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("Kafka did not acknowledge webhook contact {}: {}", contact.getContactId(),
          e.toString());
      unavailable(ctx);
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable(ctx);
      return;
    }
    metrics.webhook(adapter.platform(), Outcome.ACCEPTED);
    metrics.accepted(contact.getChannel());
    JsonResponses.send(ctx, 202, new Accepted(contact.getContactId(), ack.topic(),
        ack.partition(), ack.offset()));
  }

  private void unavailable(Context ctx) {
    end(ctx, Outcome.KAFKA_UNAVAILABLE, 503, "kafka unavailable",
        "not acknowledged by Kafka; retry later");
  }

  private void end(Context ctx, Outcome outcome, int status, String error, String message) {
    metrics.webhook(adapter.platform(), outcome);
    JsonResponses.error(ctx, status, error, message);
  }
}
