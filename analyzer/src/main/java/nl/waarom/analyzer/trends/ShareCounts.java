package nl.waarom.analyzer.trends;

/**
 * Contacts and explained contacts in one window over all channels. Immutable; stored as JSON in
 * the {@code explained-share-<n>m} window stores.
 *
 * @param total contacts in the window
 * @param explained contacts with at least one reason
 */
public record ShareCounts(long total, long explained) {
  static final ShareCounts EMPTY = new ShareCounts(0, 0);

  ShareCounts with(boolean isExplained) {
    return new ShareCounts(total + 1, explained + (isExplained ? 1 : 0));
  }

  /** explained / total; 0 when total is 0. */
  double share() {
    return total == 0 ? 0.0 : (double) explained / total;
  }
}
