package nl.waarom.ingest.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * One API key as the gateway stores it: the client's name and the SHA-256 of the key, never the
 * key itself. The name is recorded as the source of every contact sent with the key.
 *
 * <p>A fast hash is enough here, unlike for passwords: keys are {@link #generate() generated} with
 * 256 random bits, so there is nothing to guess and no dictionary to try; slowing the hash down
 * would only slow every request. Immutable.
 *
 * @param name   the client's name: 1..64 of letters, digits, {@code . _ -}, starting with a letter
 *               or digit; never null
 * @param sha256 lower-case hex SHA-256 of the key's UTF-8 bytes (64 digits); never null
 * @param limit  this key's rate limit; null to use the gateway's default
 */
public record ApiKey(String name, String sha256, RateLimit limit) {
  /** Prefix of generated keys, so that secret scanners and people recognise one. */
  public static final String PREFIX = "wrm_";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final HexFormat HEX = HexFormat.of();

  public ApiKey {
    if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException("not a key name: '" + name
          + "' (1..64 letters, digits, '.', '_' or '-', starting with a letter or digit)");
    }
    if (sha256 == null || !sha256.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("the hash of key '" + name
          + "' is not a SHA-256 in hex (64 hex digits)");
    }
    sha256 = sha256.toLowerCase(java.util.Locale.ROOT);
  }

  /** The stored form of {@code key}: name, hash and limit; the key itself is not kept. */
  public static ApiKey of(String name, String key, RateLimit limit) {
    return new ApiKey(name, HEX.formatHex(sha256(key)), limit);
  }

  /** A new random key: {@value #PREFIX} and 256 random bits in URL-safe base64 (47 characters). */
  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code key} is this key; compares the hashes in constant time. */
  public boolean matches(String key) {
    return matches(sha256(key));
  }

  boolean matches(byte[] keyHash) {
    return MessageDigest.isEqual(HEX.parseHex(sha256), keyHash);
  }

  static byte[] sha256(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The line for a keys file: {@code name sha256 [limit]}. */
  public String fileLine() {
    return name + " " + sha256 + (limit == null ? "" : " " + limit);
  }

  /** The entry for {@code WAAROM_GATEWAY_API_KEYS}: {@code name:sha256[:limit]}. */
  public String settingEntry() {
    return name + ":" + sha256 + (limit == null ? "" : ":" + limit);
  }

  /** Name and limit only: the hash is not secret, but it is no use in a log either. */
  @Override
  public String toString() {
    return name + (limit == null ? "" : " (" + limit + ")");
  }
}
