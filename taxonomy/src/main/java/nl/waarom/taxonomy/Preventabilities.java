package nl.waarom.taxonomy;

import java.util.Locale;
import nl.waarom.schemas.Preventability;

/** Reads a preventability class as written in a taxonomy file. */
public final class Preventabilities {
  /** How the values are spelled in documentation and error messages. */
  public static final String SPELLINGS = "prevent, self-service, automate, assist";

  private Preventabilities() {}

  /**
   * Forgiving: the Avro enum spelling ({@code SELF_SERVICE}) and the lower-case hyphenated one
   * ({@code self-service}) are both accepted.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Preventability parse(String text) {
    String t = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (Preventability p : Preventability.values()) {
      if (p.name().equals(t)) {
        return p;
      }
    }
    throw new IllegalArgumentException("invalid preventability '" + text + "' (" + SPELLINGS + ")");
  }
}
