package nl.waarom.analyzer.trends;

import java.time.Duration;
import java.util.List;

/**
 * How trends are rolled up, how long late contacts count, and what the baseline looks at.
 *
 * @param minuteGrace how long after a 1-minute window ends a late contact still counts in it;
 *     not negative
 * @param rollupGrace the same for 15- and 60-minute windows (long, so an email answered tomorrow
 *     still counts in today's window); not negative
 * @param baselineWindows how many preceding windows of the same size form the trailing baseline;
 *     at least 1
 * @param baselineWeeks how many previous weeks (same hour of the week) form the baseline of a
 *     60-minute window; at least 1
 * @param repeatWindow how long after a contact a repeat of it may still come: a window's repeat
 *     count is complete once its end plus this has passed in event time; positive
 */
public record TrendOptions(Duration minuteGrace, Duration rollupGrace, int baselineWindows,
    int baselineWeeks, Duration repeatWindow) {
  /**
   * Default repeat window. The repeat ledger owns the setting ({@code WAAROM_REPEAT_WINDOW});
   * until it is merged the trends use this constant.
   */
  public static final Duration DEFAULT_REPEAT_WINDOW = Duration.ofDays(7);
  static final Duration WEEK = Duration.ofDays(7);

  public TrendOptions {
    if (minuteGrace.isNegative() || rollupGrace.isNegative() || baselineWindows < 1
        || baselineWeeks < 1 || repeatWindow.isNegative() || repeatWindow.isZero()) {
      throw new IllegalArgumentException("invalid trend options " + minuteGrace + ", "
          + rollupGrace + ", " + baselineWindows + ", " + baselineWeeks + ", " + repeatWindow);
    }
  }

  /** The three granularities, smallest first. */
  public List<Rollup> rollups() {
    return List.of(rollup(1, minuteGrace), rollup(15, rollupGrace), rollup(60, rollupGrace));
  }

  private Rollup rollup(int minutes, Duration grace) {
    Duration size = Duration.ofMinutes(minutes);
    // Late contacts need the window until its grace has passed; the trailing baseline needs the
    // previous baselineWindows windows; the hourly windows also serve the same-hour-of-week
    // baseline and the repeat count, so they are kept for the longest of all of these.
    Duration retention = max(size.plus(grace), size.multipliedBy(baselineWindows + 1L));
    if (minutes == 60) {
      retention = max(retention, max(WEEK.multipliedBy(baselineWeeks).plus(size),
          repeatWindow.plus(size)));
    }
    return new Rollup(minutes, grace, retention);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * One granularity of tumbling windows.
   *
   * @param minutes window length in minutes: 1, 15 or 60
   * @param grace how long after the window ends a late contact still counts
   * @param retention how long the window stays in its store (from its start, in stream time)
   */
  public record Rollup(int minutes, Duration grace, Duration retention) {
    /** Window length in milliseconds. */
    public long sizeMillis() {
      return minutes * 60_000L;
    }

    /** Start of the window that holds this instant (epoch millis). */
    public long startOf(long epochMillis) {
      return Math.floorDiv(epochMillis, sizeMillis()) * sizeMillis();
    }

    /** The trend store of this granularity. */
    public String trendStore() {
      return "reason-trends-" + minutes + "m";
    }

    /** How long explained-share windows are kept: the window and its grace. */
    public Duration shareRetention() {
      return Duration.ofMinutes(minutes).plus(grace);
    }

    /** The explained-share store of this granularity. */
    public String shareStore() {
      return "explained-share-" + minutes + "m";
    }
  }
}
