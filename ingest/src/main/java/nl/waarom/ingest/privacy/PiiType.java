package nl.waarom.ingest.privacy;

import java.util.Locale;

/**
 * The kinds of personal data the {@link Redactor} removes, each with the placeholder that takes
 * its place in the text, so analysis still sees that, say, "an IBAN was given".
 */
public enum PiiType {
  EMAIL, PHONE, IBAN, BSN, POSTCODE, CARD, NAME;

  /** The placeholder, e.g. {@code [EMAIL]}; never null. */
  public String placeholder() {
    return "[" + name() + "]";
  }

  /** The metric tag value: the lower-case name, e.g. {@code email}. */
  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
