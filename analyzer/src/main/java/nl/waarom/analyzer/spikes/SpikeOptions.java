package nl.waarom.analyzer.spikes;

import java.time.Duration;

/**
 * How the SPIKE detector judges a reason's volume and what a spike is worth. See the package
 * documentation for the formula these parameters enter.
 *
 * @param windowSize length of one window (one minute); positive
 * @param baselineWindows length in windows of the trailing mean used while less than a week of
 *     seasonal history exists (also the trend baseline); at least 1
 * @param levelWindows length in windows of the recent period whose actual-to-seasonal ratio scales
 *     the seasonal profile; at least 1
 * @param seasonWeeks weeks of hourly counts kept for the weekly profile; at least 1
 * @param minCount a spike needs at least this many contacts more than expected in its episode;
 *     at least 1
 * @param threshold the CUSUM statistic (natural-log likelihood ratio) must reach this; positive
 * @param shift the multiple of the expected rate the test is tuned to detect; greater than 1
 * @param minHistoryWindows no spike until the detector has watched this many whole windows, so a
 *     cold start cannot look like a surge; at least 1
 * @param lateHorizon contacts older than this behind the newest contact of their reason are
 *     ignored (counted in a metric); later ones are added to the windows they belong to; not
 *     negative
 * @param costPerMinute cost of one minute of handling time, in the configured currency
 */
public record SpikeOptions(Duration windowSize, int baselineWindows, int levelWindows,
    int seasonWeeks, int minCount, double threshold, double shift, int minHistoryWindows,
    Duration lateHorizon, double costPerMinute) {
  public SpikeOptions {
    if (windowSize.isNegative() || windowSize.isZero() || baselineWindows < 1 || levelWindows < 1
        || seasonWeeks < 1 || minCount < 1 || !(threshold > 0) || !(shift > 1)
        || minHistoryWindows < 1 || lateHorizon.isNegative() || costPerMinute < 0) {
      throw new IllegalArgumentException("invalid spike options " + windowSize + ", "
          + baselineWindows + ", " + levelWindows + ", " + seasonWeeks + ", " + minCount + ", "
          + threshold + ", " + shift + ", " + minHistoryWindows + ", " + lateHorizon + ", "
          + costPerMinute);
    }
  }

  /** Options with the documented defaults, for tests and tools. */
  public static SpikeOptions defaults() {
    return new SpikeOptions(Duration.ofMinutes(1), 15, 60, 4, 8, 8.0, 4.0, 3,
        Duration.ofHours(48), 1.0);
  }
}
