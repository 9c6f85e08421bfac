package nl.waarom.analyzer.emerging;

import java.time.Duration;

/**
 * How the EMERGING_REASON detector looks for new reasons among unexplained contacts.
 *
 * @param window how often the detector evaluates (tumbling event-time windows); positive, whole
 *     seconds
 * @param foreground how far back the "recent" contacts reach, compared with the background;
 *     at least one window
 * @param background how far back the background reaches: its weights decay with a half-life of a
 *     third of this, and contacts older than this (relative to stream time) are ignored as too
 *     late; longer than the foreground
 * @param minContacts a candidate reason needs at least this many foreground contacts; at least 1
 * @param minTermContacts a term needs at least this many foreground contacts to be scored; at
 *     least 1
 * @param minScore minimum log-likelihood ratio (G², 1 degree of freedom) of a significant term
 * @param minOverlap minimum Jaccard overlap of a term's contacts with the seed term's contacts
 *     to join its candidate; in (0, 1]
 * @param vocabularyCap at most this many terms are kept in the background; at least 100
 * @param maxRecent at most this many foreground contacts are kept; at least {@code minContacts}
 * @param minBackground no evaluation until the background holds at least this much (decayed)
 *     contact weight, so a cold start with an empty background does not make everything look new
 * @param costPerMinute cost of one handling minute; not negative
 */
public record EmergingOptions(Duration window, Duration foreground, Duration background,
    int minContacts, int minTermContacts, double minScore, double minOverlap, int vocabularyCap,
    int maxRecent, int minBackground, double costPerMinute) {

  public EmergingOptions {
    require(window.toMillis() >= 1000, "window must be at least 1s: " + window);
    require(foreground.compareTo(window) >= 0, "foreground must be at least one window: "
        + foreground);
    require(background.compareTo(foreground) > 0, "background must be longer than the foreground: "
        + background);
    require(minContacts >= 1 && minTermContacts >= 1, "minimum contacts must be at least 1");
    require(minScore >= 0, "minimum score must not be negative: " + minScore);
    require(minOverlap > 0 && minOverlap <= 1, "overlap must be in (0, 1]: " + minOverlap);
    require(vocabularyCap >= 100, "vocabulary cap must be at least 100: " + vocabularyCap);
    require(maxRecent >= minContacts, "max recent contacts must be at least min contacts: "
        + maxRecent);
    require(minBackground >= 0, "minimum background must not be negative: " + minBackground);
    require(costPerMinute >= 0, "cost per minute must not be negative: " + costPerMinute);
  }

  /** The defaults documented in {@link EmergingSettings}, with this cost per minute. */
  public static EmergingOptions defaults(double costPerMinute) {
    return new EmergingOptions(Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(7), 10,
        5, 30.0, 0.3, 50_000, 5_000, 200, costPerMinute);
  }

  /** Half-life of background weights: a third of the background span. */
  public long halfLifeMillis() {
    return background.toMillis() / 3;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException("invalid emerging options: " + message);
    }
  }
}
