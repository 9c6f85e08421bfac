package nl.waarom.ingest.contact;

import java.util.Objects;

/**
 * One problem with one field of the input.
 *
 * @param field JSON-path-like name such as {@code contactId}, {@code turns[1].speaker} or
 *     {@code [3].occurredAt} (fourth element of an array body); {@code body} or {@code line} for
 *     the input as a whole; never null
 * @param message what is wrong, phrased as the rule (e.g. "must be one of CHAT, CALL, EMAIL");
 *     never echoes the value, which may be personal data; never null
 */
public record FieldError(String field, String message) {
  public FieldError {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return field + ": " + message;
  }
}
