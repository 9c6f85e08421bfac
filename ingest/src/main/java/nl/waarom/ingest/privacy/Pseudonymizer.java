package nl.waarom.ingest.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces a raw customer identifier by a keyed pseudonym: the lower-case hex HMAC-SHA256 of the
 * identifier under a secret. The same identifier always gives the same key, so repeat contacts of
 * one customer still join across channels, while nobody without the secret can recompute or
 * reverse it (a plain hash of a customer number could be brute-forced).
 *
 * <p>Thread-safe: {@code Mac} is not, so each call works on a clone of one initialised
 * {@link Mac} that is itself never used; cloning costs a fraction of the provider look-up and key
 * set-up that {@code Mac.getInstance} + {@code init} do (which showed up in the gateway's profile).
 */
public final class Pseudonymizer {
  private static final String ALGORITHM = "HmacSHA256";
  private final SecretKeySpec key;
  private final Mac prototype; // initialised, only ever cloned

  /** @param secret the HMAC key; never null or empty */
  public Pseudonymizer(String secret) {
    Objects.requireNonNull(secret, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("pseudonym secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.prototype = newMac();
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory on every Java platform; reaching this is a broken JRE.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  private Mac mac() {
    try {
      return (Mac) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newMac(); // a provider whose Mac cannot be cloned
    }
  }

  /** The pseudonym of a raw identifier; 64 lower-case hex characters, never null. */
  public String keyFor(String rawId) {
    Objects.requireNonNull(rawId, "rawId");
    return HexFormat.of().formatHex(mac().doFinal(rawId.getBytes(StandardCharsets.UTF_8)));
  }
}
