package nl.waarom.ingest.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Redaction;
import nl.waarom.schemas.Channel;

/**
 * The gateway's metrics, names documented here once. In Prometheus format dots become
 * underscores and counters get {@code _total}, e.g.
 * {@code waarom_gateway_contacts_accepted_total{channel="CHAT"}}.
 */
public final class GatewayMetrics {
  /** Counter, tag {@code channel}: contacts acknowledged by Kafka and answered 202. */
  public static final String CONTACTS_ACCEPTED = "waarom.gateway.contacts.accepted";
  /** Counter, tag {@code reason} (see {@link Reason}): requests to the contacts API refused. */
  public static final String REQUESTS_REJECTED = "waarom.gateway.requests.rejected";
  /**
   * Counter, tag {@code client} (the API key's name): contacts API requests refused 429 because
   * the client was over its rate limit.
   */
  public static final String REQUESTS_THROTTLED = "waarom.gateway.requests.throttled";
  /** Timer, tag {@code status} (HTTP status code): duration of contacts API requests. */
  public static final String REQUEST_DURATION = "waarom.gateway.request.duration";

  /**
   * Counter, tags {@code platform} (intercom, zendesk) and {@code outcome} (see {@link Outcome}):
   * webhook requests by how they ended.
   */
  public static final String WEBHOOKS = "waarom.gateway.webhooks";
  /**
   * Counter, tag {@code type} (email, phone, iban, bsn, postcode, card, name): personal data items
   * replaced by a placeholder, on every endpoint.
   */
  public static final String REDACTIONS = "waarom.gateway.redactions";

  /** How a webhook request ended; the tag value is the lower-case name. */
  public enum Outcome {
    /** 202: produced. */
    ACCEPTED,
    /** 200: signed and well-formed but nothing to produce (e.g. Intercom's ping). */
    IGNORED,
    /** 404: no secret configured for the platform. */
    NOT_CONFIGURED,
    /** 401: missing or wrong signature. */
    UNAUTHORIZED,
    /** 401: signed send time too far from now. */
    STALE,
    /** 400: signed but not a payload we understand; dead-lettered. */
    INVALID,
    /** 413 or 415. */
    UNSUPPORTED,
    /** 503: Kafka did not acknowledge the contact or the dead letter. */
    KAFKA_UNAVAILABLE;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Why a request was refused; the tag value is the lower-case name. */
  public enum Reason {
    /** 401: no API key in the request. */
    MISSING_CREDENTIAL,
    /** 401: an API key that is unknown or revoked, or a malformed Authorization header. */
    INVALID_CREDENTIAL,
    /** 429: the client is over its rate limit. */
    RATE_LIMITED,
    /** 400: not JSON, or a contact broke a rule. */
    INVALID,
    /** 415: not {@code application/json}. */
    UNSUPPORTED_MEDIA_TYPE,
    /** 413: body larger than the limit. */
    TOO_LARGE,
    /** 503: Kafka did not acknowledge in time. */
    KAFKA_UNAVAILABLE;

    String tag() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final MeterRegistry registry;
  private final Map<Channel, Counter> accepted = new EnumMap<>(Channel.class);
  private final Map<Reason, Counter> rejected = new EnumMap<>(Reason.class);
  private final Map<PiiType, Counter> redactions = new EnumMap<>(PiiType.class);
  private final Map<String, Map<Outcome, Counter>> webhooks = new HashMap<>();
  private final Map<String, Counter> throttled = new ConcurrentHashMap<>();

  /** Registers every counter at zero, so dashboards see the series before the first event. */
  public GatewayMetrics(MeterRegistry registry) {
    this(registry, List.of());
  }

  /** Also registers the webhook counters of the platforms. */
  public GatewayMetrics(MeterRegistry registry, List<String> platforms) {
    this.registry = registry;
    for (Channel c : Channel.values()) {
      accepted.put(c, Counter.builder(CONTACTS_ACCEPTED).tag("channel", c.name())
          .description("Contacts acknowledged by Kafka and accepted").register(registry));
    }
    for (Reason r : Reason.values()) {
      rejected.put(r, Counter.builder(REQUESTS_REJECTED).tag("reason", r.tag())
          .description("Contacts API requests refused").register(registry));
    }
    for (PiiType t : PiiType.values()) {
      redactions.put(t, Counter.builder(REDACTIONS).tag("type", t.tag())
          .description("Personal data items replaced by a placeholder").register(registry));
    }
    for (String p : platforms) {
      Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
      for (Outcome o : Outcome.values()) {
        byOutcome.put(o, Counter.builder(WEBHOOKS).tag("platform", p).tag("outcome", o.tag())
            .description("Webhook requests by outcome").register(registry));
      }
      webhooks.put(p, byOutcome);
    }
  }

  void webhook(String platform, Outcome outcome) {
    webhooks.get(platform).get(outcome).increment();
  }

  /** Counts the items of one redaction; thread-safe. */
  void redacted(Redaction redaction) {
    redaction.counts().forEach((type, n) -> redactions.get(type).increment(n));
  }

  void accepted(Channel channel) {
    accepted.get(channel).increment();
  }

  void rejected(Reason reason) {
    rejected.get(reason).increment();
  }

  /** Counts a request refused 429; a client's series appears at its first refusal. */
  void throttled(String client) {
    throttled.computeIfAbsent(client, c -> Counter.builder(REQUESTS_THROTTLED).tag("client", c)
        .description("Contacts API requests refused for being over the rate limit")
        .register(registry)).increment();
  }

  void request(int status, Duration duration) {
    Timer.builder(REQUEST_DURATION).tag("status", Integer.toString(status))
        .description("Duration of contacts API requests").register(registry).record(duration);
  }
}
