package nl.waarom.sink.export;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Waarom-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." +
 * body)>} with {@code X-Waarom-Timestamp: <Unix seconds>}. Signing the timestamp with the raw body
 * lets a receiver reject replays (a stale timestamp) as well as forgeries. The same scheme as
 * GitHub's {@code X-Hub-Signature-256}
 * (https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries) plus the
 * timestamp. Receivers in Java may call {@link #verify}; EXPORTERS.md shows other languages.
 * Stateless; thread-safe.
 */
public final class WebhookSignature {
  /** Header carrying {@code v1=<hex>}. */
  public static final String SIGNATURE_HEADER = "X-Waarom-Signature";
  /** Header carrying the Unix time in seconds the request was signed at. */
  public static final String TIMESTAMP_HEADER = "X-Waarom-Timestamp";
  /** Header carrying a unique id per delivery, for receivers that log or deduplicate. */
  public static final String DELIVERY_HEADER = "X-Waarom-Delivery";
  /** Oldest or furthest-ahead timestamp {@link #verify} accepts. */
  public static final Duration TOLERANCE = Duration.ofMinutes(5);
  private static final String PREFIX = "v1=";

  private WebhookSignature() {}

  /** The signature header value for a body signed at {@code epochSeconds}. */
  public static String sign(String secret, long epochSeconds, String body) {
    return PREFIX + HexFormat.of().formatHex(hmac(secret, epochSeconds + "." + body));
  }

  /**
   * Whether a delivery is authentic and fresh: the signature matches (compared in constant time)
   * and the timestamp is within {@link #TOLERANCE} of {@code now}.
   *
   * @param signature header value; may be null (false)
   * @param timestamp header value; may be null (false)
   * @param body the raw request body exactly as received
   */
  public static boolean verify(String secret, String signature, String timestamp, String body,
      Instant now) {
    if (signature == null || timestamp == null || !signature.startsWith(PREFIX)) {
      return false;
    }
    long ts;
    try {
      ts = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(now.getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] given;
    try {
      given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(given, hmac(secret, ts + "." + body));
  }

  private static byte[] hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
