package nl.waarom.analyzer.trends;

/**
 * The running totals of one reason on one channel in one window. Immutable; stored as JSON in the
 * {@code reason-trends-<n>m} window stores.
 *
 * @param count contacts that arrived in the window
 * @param handleMillisTotal sum of their known handle times
 * @param handleCount how many of them have a known handle time
 * @param repeatCount how many of them were repeated later (counted back when the repeat arrived)
 */
public record TrendWindow(long count, long handleMillisTotal, long handleCount, long repeatCount) {
  static final TrendWindow EMPTY = new TrendWindow(0, 0, 0, 0);

  /** This window with one more arriving contact. */
  TrendWindow withArrival(Long handleMillis) {
    return handleMillis == null
        ? new TrendWindow(count + 1, handleMillisTotal, handleCount, repeatCount)
        : new TrendWindow(count + 1, handleMillisTotal + handleMillis, handleCount + 1,
            repeatCount);
  }

  /** This window with one more of its contacts repeated. */
  TrendWindow withRepeat() {
    return new TrendWindow(count, handleMillisTotal, handleCount, repeatCount + 1);
  }
}
