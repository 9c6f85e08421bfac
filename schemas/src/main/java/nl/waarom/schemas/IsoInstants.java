package nl.waarom.schemas;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Parses an ISO-8601 date-time with offset, as {@link OffsetDateTime#parse(CharSequence)} does,
 * but without the formatter for the shape nearly every source sends:
 * {@code 2026-11-24T10:15:30Z}, with an optional fraction of 1–9 digits and {@code Z} or
 * {@code ±HH:MM}. The general parser cost about a tenth of the gateway's CPU per contact and a
 * few percent of the analyzer's (the arrival header); this one a small part of that. Anything else (lower-case {@code t}, no seconds, {@code ±HHMM}, …)
 * goes to {@code OffsetDateTime.parse}, so the accepted inputs and the result are exactly the
 * same (checked by {@code IsoInstantsTest} against it).
 */
public final class IsoInstants {
  private IsoInstants() {}

  /**
   * The instant of {@code text}.
   *
   * @throws java.time.format.DateTimeParseException when it is not an ISO-8601 date-time with
   *     offset
   */
  public static Instant parse(String text) {
    Instant fast = fast(text);
    return fast != null ? fast : OffsetDateTime.parse(text).toInstant();
  }

  /** The instant of the common shape, or null when {@code text} has another (or is invalid). */
  private static Instant fast(String s) {
    int n = s.length();
    if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
        || s.charAt(13) != ':' || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int i = 19;
    int nanos = 0;
    if (s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && i - start < 10 && isDigit(s.charAt(i))) {
        nanos = nanos * 10 + (s.charAt(i) - '0');
        i++;
      }
      int count = i - start;
      if (count == 0 || count > 9) {
        return null;
      }
      for (int k = count; k < 9; k++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (i == n - 1 && s.charAt(i) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
      int oh = digits(s, i + 1, 2);
      int om = digits(s, i + 4, 2);
      if ((oh | om) < 0) {
        return null;
      }
      try {
        offset = s.charAt(i) == '+' ? ZoneOffset.ofHoursMinutes(oh, om)
            : ZoneOffset.ofHoursMinutes(-oh, -om);
      } catch (DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (DateTimeException e) {
      return null; // e.g. 30 February: the general parser gives the error
    }
  }

  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
