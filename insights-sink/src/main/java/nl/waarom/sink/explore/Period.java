package nl.waarom.sink.explore;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * A period the team looks at, [from, to) in whole UTC hours (the trend rows it adds up are
 * 60-minute windows), and the previous period of the same length it is compared with.
 *
 * @param kind {@code today}, {@code 7d}, {@code 30d} or {@code custom}; never null
 * @param from inclusive, never null
 * @param to exclusive, after from, never null
 */
public record Period(String kind, Instant from, Instant to) {
  /** The longest custom period. */
  public static final Duration MAX = Duration.ofDays(366);

  public Period {
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("the period must end after it starts: " + from + " – "
          + to);
    }
  }

  /**
   * The period a request names.
   *
   * @param kind {@code today}, {@code 7d}, {@code 30d} or {@code custom}; null or blank is 7d
   * @param fromDay custom only: first UTC day, {@code yyyy-MM-dd}
   * @param toDay custom only: last UTC day (inclusive), {@code yyyy-MM-dd}
   * @param now wall clock
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Period parse(String kind, String fromDay, String toDay, Instant now) {
    String k = kind == null || kind.isBlank() ? "7d" : kind.strip().toLowerCase(Locale.ROOT);
    Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    return switch (k) {
      case "today" -> new Period(k, now.truncatedTo(ChronoUnit.DAYS), end);
      case "7d" -> new Period(k, end.minus(Duration.ofDays(7)), end);
      case "30d" -> new Period(k, end.minus(Duration.ofDays(30)), end);
      case "custom" -> custom(fromDay, toDay);
      default -> throw new IllegalArgumentException("period must be today, 7d, 30d or custom: '"
          + kind + "'");
    };
  }

  private static Period custom(String fromDay, String toDay) {
    Instant from = day(fromDay, "from");
    Instant to = day(toDay, "to").plus(Duration.ofDays(1));
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("'to' must not be before 'from'");
    }
    if (Duration.between(from, to).compareTo(MAX) > 0) {
      throw new IllegalArgumentException("a custom period is at most 366 days");
    }
    return new Period("custom", from, to);
  }

  private static Instant day(String text, String name) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a custom period needs '" + name + "' (yyyy-MM-dd)");
    }
    try {
      return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("'" + name + "' is not a date yyyy-MM-dd: '" + text
          + "'");
    }
  }

  /** The period of the same length just before this one. */
  public Period previous() {
    return new Period(kind, from.minus(length()), from);
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
