package nl.waarom.ingest.privacy;

import java.util.Locale;

/**
 * The kinds of personal data the {@link Redactor} removes, each with the placeholder that takes
 * its place in the text, so analysis still sees that, say, "an IBAN was given".
 */
public enum PiiType {
  EMAIL, PHONE, IBAN, BSN, POSTCODE, CARD, NAME,
  /** A street with its house number (and the postcode when it follows). */
  ADDRESS,
  /** A date next to words about birth, or a full date too long ago to be anything else. */
  BIRTH_DATE,
  /** A Dutch licence plate in one of the side-codes. */
  PLATE,
  /** A Dutch passport or identity-card number. */
  ID_NUMBER;

  /** The placeholder, e.g. {@code [EMAIL]}; never null. */
  public String placeholder() {
    return "[" + name() + "]";
  }

  /** The metric tag value: the lower-case name, e.g. {@code email}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
