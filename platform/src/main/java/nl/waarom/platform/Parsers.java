package nl.waarom.platform;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Forgiving parsers for configuration values; each throws IllegalArgumentException with a reason. */
public final class Parsers {
  private static final Pattern SIMPLE_DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

  private Parsers() {}

  public static int intInRange(String text, int min, int max) {
    int value;
    try {
      value = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a whole number: '" + text + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
    }
    return value;
  }

  public static double doubleInRange(String text, double min, double max) {
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a number: '" + text + "'");
    }
    if (Double.isNaN(value) || value < min || value > max) {
      throw new IllegalArgumentException(value + " is outside " + min + ".." + max);
    }
    return value;
  }

  public static boolean bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "1" -> true;
      case "false", "no", "off", "0" -> false;
      default -> throw new IllegalArgumentException("not a boolean (true/false): '" + text + "'");
    };
  }

  /** Parses {@code 90s}, {@code 5m}, {@code 250ms}, {@code 2h}, {@code 7d} or ISO-8601 {@code PT5M}. */
  public static Duration duration(String text) {
    String t = text.trim();
    Matcher m = SIMPLE_DURATION.matcher(t);
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      return switch (m.group(2).toLowerCase(Locale.ROOT)) {
        case "ms" -> Duration.ofMillis(n);
        case "s" -> Duration.ofSeconds(n);
        case "m" -> Duration.ofMinutes(n);
        case "h" -> Duration.ofHours(n);
        default -> Duration.ofDays(n);
      };
    }
    try {
      return Duration.parse(t.toUpperCase(Locale.ROOT));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a duration (e.g. 90s, 5m, 2h, PT5M): '" + text + "'");
    }
  }
}
