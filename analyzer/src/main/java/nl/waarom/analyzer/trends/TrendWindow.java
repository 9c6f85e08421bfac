package nl.waarom.analyzer.trends;

/**
 * The running totals of one reason on one channel in one window. Immutable; stored as JSON in the
 * {@code reason-trends-<n>m} window stores.
 *
 * @param count contacts that arrived in the window
 * @param handleMillisTotal sum of their known handle times
 * @param handleCount how many of them have a known handle time
 * @param repeatCount how many of them were repeated later (counted back when the repeat arrived)
 * @param sentimentCount how many of them have a sentiment (their customer said something); 0 in
 *     windows stored before sentiment existed
 * @param negativeCount how many of those are negative contacts
 * @param callbackCount how many of them asked to be called back; 0 in windows stored before
 *     callback requests were counted
 */
public record TrendWindow(long count, long handleMillisTotal, long handleCount, long repeatCount,
    long sentimentCount, long negativeCount, long callbackCount) {
  static final TrendWindow EMPTY = new TrendWindow(0, 0, 0, 0, 0, 0, 0);

  /**
   * This window with one more arriving contact.
   *
   * @param handleMillis its handle time; may be null
   * @param negative whether it is a negative contact; null when it has no sentiment
   * @param callbackRequested whether its customer asked to be called back
   */
  TrendWindow withArrival(Long handleMillis, Boolean negative, boolean callbackRequested) {
    return new TrendWindow(count + 1,
        handleMillisTotal + (handleMillis == null ? 0 : handleMillis),
        handleCount + (handleMillis == null ? 0 : 1), repeatCount,
        sentimentCount + (negative == null ? 0 : 1),
        negativeCount + (Boolean.TRUE.equals(negative) ? 1 : 0),
        callbackCount + (callbackRequested ? 1 : 0));
  }

  /** This window with one more of its contacts repeated. */
  TrendWindow withRepeat() {
    return new TrendWindow(count, handleMillisTotal, handleCount, repeatCount + 1, sentimentCount,
        negativeCount, callbackCount);
  }
}
