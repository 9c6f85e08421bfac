package nl.waarom.analyzer.sentiment;

import java.util.Locale;
import java.util.Optional;

/** The sentiment of a text: negative, neutral or positive. Labels in data files are lower case. */
public enum Polarity {
  NEGATIVE, NEUTRAL, POSITIVE;

  /** The label as written in training and test files ({@code negative}, ...). */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The polarity of a label, ignoring case and surrounding spaces; empty for anything else. */
  public static Optional<Polarity> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    return switch (label.strip().toLowerCase(Locale.ROOT)) {
      case "negative" -> Optional.of(NEGATIVE);
      case "neutral" -> Optional.of(NEUTRAL);
      case "positive" -> Optional.of(POSITIVE);
      default -> Optional.empty();
    };
  }
}
