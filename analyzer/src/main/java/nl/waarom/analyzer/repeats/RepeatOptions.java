package nl.waarom.analyzer.repeats;

import java.time.Duration;

/**
 * How repeats are recognised and when a reason's repeat rate is a hotspot. Immutable.
 *
 * @param window a contact is a repeat when the same customer contacted about the same reason at
 *     most this long before it; positive
 * @param transferGap a contact at most this long after the customer's previous contact is a
 *     transfer (the same conversation handed on), not a repeat; not negative, shorter than window
 * @param lateness how far behind the newest contact seen (event time) a contact may arrive and
 *     still be judged by the ledger; the ledger keeps {@code window + lateness} of history; not
 *     negative
 * @param earlyHorizon the hotspot detector first judges a day by the repeats that followed within
 *     this long (complete this long after the day); positive, at most {@code window}
 * @param rateThreshold a day whose repeat rate (repeats / contacts) is at least this is a hotspot;
 *     in (0, 10]
 * @param minCount a hotspot needs at least this many repeats; at least 1
 * @param minZ a rise against the reason's own history needs a two-proportion z of at least this;
 *     positive
 * @param minRise ... and a rate at least this multiple of the earlier rate; at least 1
 * @param historyDays how many earlier judged days form a reason's own earlier rate; at least 1
 * @param minHistoryDays no rise is judged before this many earlier days were judged; at least 1,
 *     at most historyDays
 * @param costPerMinute cost of one handling minute (WAAROM_COST_PER_MINUTE); not negative
 */
public record RepeatOptions(Duration window, Duration transferGap, Duration lateness,
    Duration earlyHorizon, double rateThreshold, int minCount, double minZ, double minRise,
    int historyDays, int minHistoryDays, double costPerMinute) {

  public RepeatOptions {
    if (!window.isPositive() || transferGap.isNegative() || transferGap.compareTo(window) >= 0
        || lateness.isNegative() || !earlyHorizon.isPositive()
        || earlyHorizon.compareTo(window) > 0) {
      throw new IllegalArgumentException("invalid repeat durations: window " + window
          + ", transfer gap " + transferGap + ", lateness " + lateness + ", early horizon "
          + earlyHorizon + " (need 0 <= gap < window, 0 < early horizon <= window)");
    }
    if (!(rateThreshold > 0 && rateThreshold <= 10) || minCount < 1 || !(minZ > 0)
        || !(minRise >= 1) || historyDays < 1 || minHistoryDays < 1
        || minHistoryDays > historyDays || !(costPerMinute >= 0)) {
      throw new IllegalArgumentException("invalid repeat hotspot options: threshold "
          + rateThreshold + ", min count " + minCount + ", z " + minZ + ", rise " + minRise
          + ", history " + minHistoryDays + "/" + historyDays + ", cost " + costPerMinute);
    }
  }

  /** How much history the ledger keeps per customer: window + lateness. */
  public Duration ledgerRetention() {
    return window.plus(lateness);
  }

  /** The window and transfer gap, as the repeat rule takes them. */
  public nl.waarom.analyzer.repeats.rule.RepeatRule rule() {
    return new nl.waarom.analyzer.repeats.rule.RepeatRule(window, transferGap);
  }
}
