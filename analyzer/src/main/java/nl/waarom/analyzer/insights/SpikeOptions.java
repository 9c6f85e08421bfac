package nl.waarom.analyzer.insights;

import java.time.Duration;

/**
 * When a spike fires and what it is worth.
 *
 * @param windowSize length of one window; positive
 * @param baselineWindows how many windows before the current one form the baseline; at least 1
 * @param minCount a window needs at least this many contacts to be a spike; at least 1
 * @param factor ... and at least this multiple of max(baseline, 1); at least 1
 * @param minHistoryWindows the detector must have watched at least this many whole windows before
 *     the current one, so that a cold start (no history yet) cannot look like a surge; at least 1
 * @param costPerMinute cost of one minute of handling time, in the configured currency
 */
public record SpikeOptions(Duration windowSize, int baselineWindows, int minCount, double factor,
    int minHistoryWindows, double costPerMinute) {
  public SpikeOptions {
    if (windowSize.isNegative() || windowSize.isZero() || baselineWindows < 1 || minCount < 1
        || factor < 1 || minHistoryWindows < 1 || costPerMinute < 0) {
      throw new IllegalArgumentException("invalid spike options " + windowSize + ", "
          + baselineWindows + ", " + minCount + ", " + factor + ", " + minHistoryWindows + ", "
          + costPerMinute);
    }
  }

  /** Whether a window with this count against this baseline is a spike. */
  public boolean isSpike(long count, double baseline) {
    return count >= minCount && count >= factor * Math.max(baseline, 1.0);
  }
}
