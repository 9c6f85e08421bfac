package nl.waarom.analyzer.backtest;

import java.util.Objects;

/**
 * One contact whose primary reason the new taxonomy changes.
 *
 * @param contactId never null
 * @param from the primary reason under the taxonomy in force, {@link Tally#UNEXPLAINED} when none;
 *     never null
 * @param to the primary reason under the new taxonomy, or {@link Tally#UNEXPLAINED}; never null
 * @param snippet the start of what the customer said (redacted); may be null
 */
public record Flip(String contactId, String from, String to, String snippet) {
  public Flip {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
