package nl.waarom.analyzer.repeats.rule;

import java.time.Duration;

/**
 * The two durations the repeat rule ({@link CustomerLedger#judge}) needs. Immutable.
 *
 * @param window a contact is a repeat when the same customer contacted about the same reason at
 *     most this long before it; positive
 * @param transferGap a contact at most this long after the customer's previous contact is a
 *     transfer (the same conversation handed on), not a repeat; not negative, shorter than window
 */
public record RepeatRule(Duration window, Duration transferGap) {
  public RepeatRule {
    if (!window.isPositive() || transferGap.isNegative() || transferGap.compareTo(window) >= 0) {
      throw new IllegalArgumentException("invalid repeat rule: window " + window
          + ", transfer gap " + transferGap + " (need 0 <= gap < window)");
    }
  }
}
