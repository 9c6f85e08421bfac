package nl.waarom.platform;

import org.apache.kafka.common.errors.AuthenticationException;

/**
 * Recognises a failed Kafka authentication (wrong SASL password, unknown user, a certificate the
 * broker does not trust) among the causes of a client error, so a service can say so plainly and
 * stop waiting, instead of treating it as a broker that is merely not reachable yet: retrying
 * with the same credentials cannot succeed.
 */
public final class KafkaAuthentication {
  /** The words every message about a failed authentication starts with. */
  public static final String FAILED = "Kafka authentication failed";

  private KafkaAuthentication() {}

  /** The authentication failure among {@code error} and its causes; null when there is none. */
  public static AuthenticationException failure(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof AuthenticationException a) {
        return a;
      }
    }
    return null;
  }

  /** Whether {@code error} or one of its causes is an authentication failure. */
  public static boolean failed(Throwable error) {
    return failure(error) != null;
  }

  /**
   * {@code "Kafka authentication failed: <broker's reason>"} when {@code error} is an
   * authentication failure; otherwise null.
   */
  public static String message(Throwable error) {
    AuthenticationException a = failure(error);
    return a == null ? null : FAILED + ": " + a.getMessage();
  }
}
