package nl.waarom.ingest.webhook;

import java.time.Instant;
import java.util.function.Function;
import nl.waarom.ingest.contact.Validated;

/**
 * One platform's "conversation closed" webhook: how its requests are signed and how its payload
 * becomes a contact. Implementations are immutable and thread-safe.
 */
public interface WebhookAdapter {
  /** Lower-case platform name used in paths, metrics and dead-letter sources, e.g. intercom. */
  String platform();

  /**
   * Checks the request's signature.
   *
   * @param header request header by name (case-insensitive); returns null when absent
   * @param secret the shared secret; never empty
   * @return null when authentic; otherwise the problem, naming the header
   */
  String verify(Function<String, String> header, byte[] body, String secret);

  /**
   * When the platform says it sent the request, from a signed header, for replay protection;
   * null when the platform signs no time header (then {@link Translation#sentAt()} is used).
   * Only called after {@link #verify} accepted the request.
   */
  default Instant signedSendTime(Function<String, String> header) {
    return null;
  }

  /**
   * Translates the body. Errors name the platform's fields ({@code data.item.id}).
   * Never throws for bad input.
   */
  Validated<Translation> translate(byte[] body);
}
