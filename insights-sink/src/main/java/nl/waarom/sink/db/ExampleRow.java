package nl.waarom.sink.db;

import java.util.Objects;

/**
 * One example contact of an insight, as stored in the {@code insights.examples} jsonb array.
 *
 * @param contactId never null
 * @param snippet redacted text; may be null
 */
public record ExampleRow(String contactId, String snippet) {
  public ExampleRow {
    Objects.requireNonNull(contactId, "contactId");
  }
}
