package nl.waarom.ingest.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
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
  /** Timer, tag {@code status} (HTTP status code): duration of contacts API requests. */
  public static final String REQUEST_DURATION = "waarom.gateway.request.duration";

  /** Why a request was refused; the tag value is the lower-case name. */
  public enum Reason {
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

  /** Registers every counter at zero, so dashboards see the series before the first event. */
  public GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    for (Channel c : Channel.values()) {
      accepted.put(c, Counter.builder(CONTACTS_ACCEPTED).tag("channel", c.name())
          .description("Contacts acknowledged by Kafka and accepted").register(registry));
    }
    for (Reason r : Reason.values()) {
      rejected.put(r, Counter.builder(REQUESTS_REJECTED).tag("reason", r.tag())
          .description("Contacts API requests refused").register(registry));
    }
  }

  void accepted(Channel channel) {
    accepted.get(channel).increment();
  }

  void rejected(Reason reason) {
    rejected.get(reason).increment();
  }

  void request(int status, Duration duration) {
    Timer.builder(REQUEST_DURATION).tag("status", Integer.toString(status))
        .description("Duration of contacts API requests").register(registry).record(duration);
  }
}
