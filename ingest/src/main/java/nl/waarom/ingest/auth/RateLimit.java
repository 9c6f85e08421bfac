package nl.waarom.ingest.auth;

import java.time.Duration;
import java.util.Locale;

/**
 * How many requests one client may make per period: a token bucket holding {@code requests}
 * tokens, refilled evenly over {@code period}, so a client may burst up to {@code requests} at
 * once and sustain {@code requests} per period. Written {@code 200/s}, {@code 3000/min},
 * {@code 100000/h}; {@code unlimited} for none. Immutable.
 *
 * @param requests requests per period, at least 1; 0 only for {@link #UNLIMITED}
 * @param period   never null; {@link Duration#ZERO} only for {@link #UNLIMITED}
 */
public record RateLimit(long requests, Duration period) {
  /** No limit: for the stack's own clients (demo generator, benchmark). */
  public static final RateLimit UNLIMITED = new RateLimit(0, Duration.ZERO);

  public RateLimit {
    boolean none = requests == 0 && Duration.ZERO.equals(period);
    if (!none && (requests < 1 || period == null || period.isNegative() || period.isZero())) {
      throw new IllegalArgumentException("a rate limit needs at least 1 request per positive period");
    }
  }

  public boolean unlimited() {
    return requests == 0;
  }

  /**
   * Parses {@code N/s}, {@code N/min} (or {@code N/m}), {@code N/h}, or {@code unlimited}
   * (also {@code none}, {@code off}); case and spaces do not matter.
   *
   * @throws IllegalArgumentException saying what is expected
   */
  public static RateLimit parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace(" ", "");
    if (t.equals("unlimited") || t.equals("none") || t.equals("off")) {
      return UNLIMITED;
    }
    int slash = t.indexOf('/');
    if (slash > 0) {
      Duration period = switch (t.substring(slash + 1)) {
        case "s", "sec", "second" -> Duration.ofSeconds(1);
        case "m", "min", "minute" -> Duration.ofMinutes(1);
        case "h", "hour" -> Duration.ofHours(1);
        default -> null;
      };
      try {
        long n = Long.parseLong(t.substring(0, slash));
        if (period != null && n >= 1) {
          return new RateLimit(n, period);
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw new IllegalArgumentException("not a rate limit: '" + text
        + "' (expected N/s, N/min or N/h with N >= 1, or unlimited)");
  }

  @Override
  public String toString() {
    if (unlimited()) {
      return "unlimited";
    }
    String unit = period.equals(Duration.ofSeconds(1)) ? "s"
        : period.equals(Duration.ofMinutes(1)) ? "min" : "h";
    return requests + "/" + unit;
  }
}
