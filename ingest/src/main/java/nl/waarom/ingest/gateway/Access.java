package nl.waarom.ingest.gateway;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.ApiKeys;
import nl.waarom.ingest.auth.KeyFile;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.auth.RateLimiter;
import nl.waarom.ingest.gateway.GatewayMetrics.Reason;
import nl.waarom.platform.HttpsListener;

/**
 * Who is calling {@code POST /v1/contacts}, and whether they may now: the API key in
 * {@code Authorization: Bearer <key>} (or {@code X-Api-Key: <key>}) must be one of the configured
 * keys ({@code WAAROM_GATEWAY_API_KEYS} and the keys file), and the key's client must be within
 * its rate limit. Otherwise the request is answered here: 401 naming what is missing or wrong,
 * with {@code WWW-Authenticate: Bearer}, or 429 with {@code Retry-After}. The key is never
 * logged nor echoed. Thread-safe.
 */
final class Access {
  static final String API_KEY_HEADER = "X-Api-Key";
  private static final String CHALLENGE = "Bearer realm=\"waarom\"";

  /** An authenticated caller: its name is recorded as the source of what it sends. */
  record Client(String name) {}

  private final ApiKeys configured;
  private final KeyFile file;
  private final RateLimit defaultLimit;
  private final RateLimiter limiter = new RateLimiter();
  private final GatewayMetrics metrics;
  private final boolean clientCertificates;

  /**
   * @param clientCertificates whether the listener verifies client certificates (mutual TLS), so
   *     that a verified certificate is a credential too
   */
  Access(ApiKeys configured, KeyFile file, RateLimit defaultLimit, GatewayMetrics metrics,
      boolean clientCertificates) {
    this.clientCertificates = clientCertificates;
    this.configured = configured;
    this.file = file;
    this.defaultLimit = defaultLimit;
    this.metrics = metrics;
  }

  /** Whether no key is configured at all, so that every request is refused. */
  boolean noKeys() {
    return configured.isEmpty() && file.keys().isEmpty();
  }

  /** The caller when it may go ahead; otherwise null, and the request has been answered. */
  Client admit(Context ctx) {
    Optional<String> certified = clientCertificates ? HttpsListener.clientName(ctx)
        : Optional.empty();
    if (certified.isPresent()) {
      return withinLimit(ctx, certified.get(), defaultLimit) ? new Client(certified.get()) : null;
    }
    String authorization = ctx.header("Authorization");
    String key;
    if (authorization != null && !authorization.isBlank()) {
      String[] parts = authorization.strip().split("\\s+", 2);
      if (parts.length != 2 || !parts[0].toLowerCase(Locale.ROOT).equals("bearer")) {
        return unauthorized(ctx, Reason.INVALID_CREDENTIAL, CHALLENGE + ", error=\"invalid_request\"",
            "the Authorization header must be 'Bearer <API key>'");
      }
      key = parts[1].strip();
    } else {
      key = ctx.header(API_KEY_HEADER);
    }
    if (key == null || key.isBlank()) {
      return unauthorized(ctx, Reason.MISSING_CREDENTIAL, CHALLENGE,
          "missing credential: send an API key in the Authorization header "
              + "('Authorization: Bearer <key>') or in the " + API_KEY_HEADER + " header"
              + (clientCertificates ? ", or a client certificate from an accepted CA" : ""));
    }
    Optional<ApiKey> found = configured.find(key.strip()).or(() -> file.keys().find(key.strip()));
    if (found.isEmpty()) {
      return unauthorized(ctx, Reason.INVALID_CREDENTIAL, CHALLENGE + ", error=\"invalid_token\"",
          "the API key is not valid: unknown or revoked");
    }
    ApiKey apiKey = found.get();
    RateLimit limit = apiKey.limit() == null ? defaultLimit : apiKey.limit();
    return withinLimit(ctx, apiKey.name(), limit) ? new Client(apiKey.name()) : null;
  }

  /** Whether client {@code name} may send now; otherwise it has been answered 429. */
  private boolean withinLimit(Context ctx, String name, RateLimit limit) {
    Duration wait = limiter.acquire(name, limit);
    if (wait.isZero()) {
      return true;
    }
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    metrics.throttled(name);
    metrics.rejected(Reason.RATE_LIMITED);
    ctx.header("Retry-After", Long.toString(seconds));
    JsonResponses.error(ctx, 429, "too many requests", "client '" + name
        + "' is over its rate limit of " + limit + "; retry after " + seconds + " s");
    return false;
  }

  private Client unauthorized(Context ctx, Reason reason, String challenge, String message) {
    metrics.rejected(reason);
    ctx.header("WWW-Authenticate", challenge);
    JsonResponses.error(ctx, 401, "unauthorized", message);
    return null;
  }
}
