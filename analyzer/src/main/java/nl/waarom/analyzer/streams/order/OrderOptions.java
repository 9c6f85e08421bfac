package nl.waarom.analyzer.streams.order;

import java.time.Duration;

/**
 * How the repartition hops order records by event time.
 *
 * @param tolerance how far out of event-time order a contact may be read at the first hop and
 *     still be released in order; not negative
 * @param idleTimeout after how long without records (wall clock) a source task is idle and no
 *     longer waited for; positive
 * @param interval how often (wall clock) a source task sends its marker; positive
 * @param sources how many source tasks each hop has: the partition count of the contact topics;
 *     at least 1
 */
public record OrderOptions(Duration tolerance, Duration idleTimeout, Duration interval,
    int sources) {
  public OrderOptions {
    if (tolerance.isNegative() || idleTimeout.isNegative() || idleTimeout.isZero()
        || interval.isNegative() || interval.isZero() || sources < 1) {
      throw new IllegalArgumentException("invalid order options: tolerance " + tolerance
          + ", idle timeout " + idleTimeout + ", interval " + interval + ", sources " + sources);
    }
  }

  /** These options for a hop with {@code sources} source tasks. */
  public OrderOptions withSources(int sources) {
    return new OrderOptions(tolerance, idleTimeout, interval, sources);
  }
}
