package nl.waarom.ingest.gateway;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.ingest.auth.ApiKeys;
import nl.waarom.ingest.auth.KeyFile;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.platform.Parsers;
import nl.waarom.platform.Setting;
import nl.waarom.ingest.IngestSettings;

/**
 * Configuration catalogue of the HTTP gateway: the shared ingest settings
 * ({@link IngestSettings}) plus the gateway's own keys, all read from environment variables.
 */
public final class GatewaySettings {
  public static final Setting<Integer> PORT = Setting.integer("WAAROM_GATEWAY_PORT", 8081, 0, 65535,
      "HTTP port of the gateway (contacts API and /healthy, /ready, /metrics); 0 picks a free port.");
  public static final Setting<Integer> MAX_BODY_BYTES = Setting.integer(
      "WAAROM_GATEWAY_MAX_BODY_BYTES", 5 * 1024 * 1024, 1024, Integer.MAX_VALUE - 1,
      "Largest accepted request body in bytes; larger requests are answered 413.");
  public static final Setting<Integer> MAX_BATCH = Setting.integer("WAAROM_GATEWAY_MAX_BATCH", 1000,
      1, 100_000, "Most contacts accepted in one request (array body); more is answered 400.");
  public static final Setting<Duration> PRODUCE_TIMEOUT = new Setting<>(
      "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "duration", "30s", false,
      "How long a request waits for Kafka to acknowledge all its contacts (at least 1s); when "
          + "Kafka fails or is slower, the request is answered 503 and the client should retry.",
      GatewaySettings::atLeastOneSecond);

  public static final Setting<ApiKeys> API_KEYS = new Setting<>(
      "WAAROM_GATEWAY_API_KEYS", "api-keys", "", false,
      "API keys accepted on POST /v1/contacts, as comma-separated name:sha256[:limit] entries: the "
          + "client's name (recorded as each contact's source), the SHA-256 in hex of the key (the "
          + "key itself is never configured; './waarom gateway-key create NAME' makes one) and "
          + "optionally the key's own rate limit. Remove an entry to revoke its key. Logged as "
          + "names only.",
      ApiKeys::parseSetting);
  public static final Setting<KeyFile> API_KEYS_FILE = new Setting<>(
      "WAAROM_GATEWAY_API_KEYS_FILE", "path", "", false,
      "A file of more API keys, one 'name sha256 [limit]' a line (# comments allowed), read again "
          + "within a second of changing, so keys are added and revoked without a restart. Empty: "
          + "no file.",
      GatewaySettings::keyFile);
  public static final Setting<RateLimit> RATE_LIMIT = new Setting<>(
      "WAAROM_GATEWAY_RATE_LIMIT", "rate", "200/s", false,
      "Requests per client name on POST /v1/contacts, as N/s, N/min or N/h (a burst of N is "
          + "allowed), or unlimited; a key's own limit overrides it. Over it the gateway answers "
          + "429 with Retry-After.",
      RateLimit::parse);

  public static final Setting<String> INTERCOM_SECRET = Setting.secret(
      "WAAROM_WEBHOOK_INTERCOM_SECRET", "",
      "Client secret of the Intercom app whose conversation.admin.closed webhooks POST to "
          + "/v1/webhooks/intercom (verifies X-Hub-Signature). Empty disables the endpoint: it "
          + "answers 404 not configured.");
  public static final Setting<String> ZENDESK_SECRET = Setting.secret(
      "WAAROM_WEBHOOK_ZENDESK_SECRET", "",
      "Signing secret of the Zendesk webhook that POSTs solved tickets to /v1/webhooks/zendesk "
          + "(verifies X-Zendesk-Webhook-Signature). Empty disables the endpoint: it answers 404 "
          + "not configured.");
  public static final Setting<Duration> WEBHOOK_MAX_AGE = new Setting<>(
      "WAAROM_WEBHOOK_MAX_AGE", "duration", "10m", false,
      "Replay protection: a webhook whose signed send time (Zendesk's timestamp header, "
          + "Intercom's notification created_at) is further than this from the gateway's clock, "
          + "either way, is refused 401 (at least 1s).",
      GatewaySettings::atLeastOneSecond);

  private GatewaySettings() {}

  /** Every setting the gateway reads, shared ones first; never null. */
  public static final Setting<String> BIND = Setting.string(
      "WAAROM_GATEWAY_BIND", "127.0.0.1",
      "Address the gateway listens on (its port and the management port): 127.0.0.1 (default) "
          + "serves this machine only; 0.0.0.0 every network interface (the container image sets "
          + "this).");
  public static final Setting<Integer> MANAGEMENT_PORT = Setting.integer(
      "WAAROM_GATEWAY_MANAGEMENT_PORT", -1, -1, 65535,
      "Port of a separate plain HTTP listener for /healthy, /ready and /metrics, which then leave "
          + "the main port (keep them off the public listener); -1: served on WAAROM_GATEWAY_PORT; "
          + "0 picks a free port.");
  public static final Setting<String> TLS_CERT = Setting.string(
      "WAAROM_GATEWAY_TLS_CERT", "",
      "PEM file with the gateway's certificate chain (leaf first). Set with WAAROM_GATEWAY_TLS_KEY, "
          + "the port serves HTTPS only; empty: plain HTTP (behind a TLS-terminating proxy).");
  public static final Setting<String> TLS_KEY = Setting.string(
      "WAAROM_GATEWAY_TLS_KEY", "",
      "PEM file with the private key of WAAROM_GATEWAY_TLS_CERT (PKCS#8 or PKCS#1, unencrypted; "
          + "keep it readable by the gateway only).");
  public static final Setting<String> TLS_CLIENT_CA = Setting.string(
      "WAAROM_GATEWAY_TLS_CLIENT_CA", "",
      "PEM file with the CA certificates of client certificates (mutual TLS, needs "
          + "WAAROM_GATEWAY_TLS_CERT): a client whose certificate chains to one of them may POST "
          + "contacts without an API key, as the certificate's common name (its source and rate "
          + "limit name). Clients without a certificate still use API keys.");

  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(IngestSettings.all());
    all.addAll(List.of(PORT, MAX_BODY_BYTES, MAX_BATCH, PRODUCE_TIMEOUT, API_KEYS, API_KEYS_FILE,
        RATE_LIMIT, BIND, MANAGEMENT_PORT, TLS_CERT, TLS_KEY, TLS_CLIENT_CA, INTERCOM_SECRET, ZENDESK_SECRET,
        WEBHOOK_MAX_AGE));
    return List.copyOf(all);
  }

  private static KeyFile keyFile(String text) {
    return text.isBlank() ? KeyFile.NONE : KeyFile.open(java.nio.file.Path.of(text.strip()));
  }

  private static Duration atLeastOneSecond(String text) {
    Duration d = Parsers.duration(text);
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("must be at least 1s: '" + text + "'");
    }
    return d;
  }
}
