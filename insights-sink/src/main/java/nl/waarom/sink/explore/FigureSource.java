package nl.waarom.sink.explore;

import java.time.Instant;
import java.util.List;
import nl.waarom.sink.db.ExploreReads;
import nl.waarom.sink.db.RescoreStore;

/**
 * Which taxonomy version the figures of a page come from, so the board can say it: a re-score run
 * under the version in force that covers the page's period and the previous one, or the trends as
 * the analyzer counted them live, classified by the versions listed. Immutable.
 *
 * @param versionInForce the version in force; null before the analyzer published one
 * @param rescored the run the figures come from; null: as classified at the time
 * @param classifiedBy the versions that classified the kept contacts of the two periods, most
 *     contacts first; never null
 * @param pending queued or running runs under the version in force overlapping the two periods;
 *     never null
 * @param from start of the previous period: what a re-score of this page must cover
 * @param to end of the period
 * @param retainedSince the oldest contact kept; null when none: nothing before it can be re-scored
 * @param rescoreAvailable whether a done run exists that the page could show (the page asked for
 *     the figures as classified)
 */
public record FigureSource(String versionInForce, RescoreStore.Run rescored,
    List<ExploreReads.VersionCount> classifiedBy, List<RescoreStore.Run> pending, Instant from,
    Instant to, Instant retainedSince, boolean rescoreAvailable) {

  public FigureSource {
    classifiedBy = List.copyOf(classifiedBy);
    pending = List.copyOf(pending);
  }

  /** The re-score run's id; null when the figures are as classified at the time. */
  public String runId() {
    return rescored == null ? null : rescored.runId();
  }

  /** Whether any kept contact of the periods was classified by a version other than in force. */
  public boolean mixed() {
    return versionInForce != null
        && classifiedBy.stream().anyMatch(v -> !versionInForce.equals(v.version()));
  }

  /**
   * Whether the periods can be re-scored: a version is in force, they are not already, and the
   * contacts they need are kept (they start no earlier than the UTC day of the oldest contact kept).
   */
  public boolean canRescore() {
    return versionInForce != null && rescored == null && retainedSince != null
        && !from.isBefore(earliestRescorable(retainedSince));
  }

  /** A re-score may start at the UTC day of the oldest contact kept, not before. */
  public static Instant earliestRescorable(Instant oldestKept) {
    return oldestKept.truncatedTo(java.time.temporal.ChronoUnit.DAYS);
  }
}
