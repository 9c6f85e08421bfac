package nl.waarom.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC computation and constant-time comparison for webhook signatures. Stateless. */
final class Signatures {
  private Signatures() {}

  /** The HMAC of the message parts, concatenated, under the secret (UTF-8). */
  static byte[] hmac(String algorithm, String secret, byte[]... parts) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      for (byte[] part : parts) {
        mac.update(part);
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " unavailable", e);
    }
  }

  /** Compares in time independent of where the two differ, so timing reveals nothing. */
  static boolean same(byte[] expected, byte[] given) {
    return given != null && MessageDigest.isEqual(expected, given);
  }
}
