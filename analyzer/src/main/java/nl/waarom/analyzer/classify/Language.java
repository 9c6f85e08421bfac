package nl.waarom.analyzer.classify;

import java.util.Locale;
import java.util.Optional;

/** The languages whose text analysis the classifier knows. */
public enum Language {
  NL("nl"),
  EN("en");

  private final String code;

  Language(String code) {
    this.code = code;
  }

  /** ISO 639-1 code, the value of the {@code lang} field. */
  public String code() {
    return code;
  }

  /**
   * Forgiving: {@code nl}, {@code NL}, {@code nl-BE}, {@code nl_NL}, {@code dutch}, {@code en-GB},
   * {@code english}; empty for null, blank and other languages.
   */
  public static Optional<Language> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("dutch") || t.equals("nederlands") || t.equals("nl") || t.startsWith("nl-")
        || t.startsWith("nl_")) {
      return Optional.of(NL);
    }
    if (t.equals("english") || t.equals("en") || t.startsWith("en-") || t.startsWith("en_")) {
      return Optional.of(EN);
    }
    return Optional.empty();
  }
}
