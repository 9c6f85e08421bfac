package nl.waarom.analyzer.backtest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.waarom.taxonomy.Taxonomy;

/**
 * What a backtest found.
 *
 * @param versionBefore version of the taxonomy in force; never null
 * @param versionAfter version of the new taxonomy; never null
 * @param contacts contacts classified (skipped items not counted)
 * @param skipped input items that were no contact (undecodable records, bad lines)
 * @param explainedBefore contacts with a reason under the taxonomy in force
 * @param explainedAfter contacts with a reason under the new taxonomy
 * @param reasons every primary reason that occurs before or after, the most frequent first and
 *     {@link #UNEXPLAINED} last; never null
 * @param flips the kinds of flip, the most frequent first; never null
 * @param elapsed how long reading and classifying took; never null
 */
public record BacktestResult(String versionBefore, String versionAfter, long contacts,
    long skipped, long explainedBefore, long explainedAfter, List<ReasonChange> reasons,
    List<FlipGroup> flips, Duration elapsed) {
  /** The id that stands for "no reason" in {@link #reasons()} and {@link #flips()}. */
  public static final String UNEXPLAINED = Tally.UNEXPLAINED;

  public BacktestResult {
    reasons = List.copyOf(reasons);
    flips = List.copyOf(flips);
  }

  static BacktestResult of(Taxonomy before, Taxonomy after, Tally tally, long nanos) {
    Set<String> ids = new HashSet<>(tally.before.keySet());
    ids.addAll(tally.after.keySet());
    ids.remove(UNEXPLAINED);
    List<ReasonChange> reasons = new ArrayList<>(ids.stream()
        .map(id -> new ReasonChange(id, tally.before.getOrDefault(id, 0L),
            tally.after.getOrDefault(id, 0L)))
        .sorted(Comparator.comparingLong((ReasonChange r) -> -Math.max(r.before(), r.after()))
            .thenComparing(ReasonChange::reasonId))
        .toList());
    reasons.add(new ReasonChange(UNEXPLAINED, tally.before.getOrDefault(UNEXPLAINED, 0L),
        tally.after.getOrDefault(UNEXPLAINED, 0L)));
    List<FlipGroup> flips = tally.flips.values().stream()
        .map(g -> new FlipGroup(g.from, g.to, g.count, g.examples))
        .sorted(Comparator.comparingLong((FlipGroup g) -> -g.count())
            .thenComparing(FlipGroup::from).thenComparing(FlipGroup::to))
        .toList();
    return new BacktestResult(before.version(), after.version(), tally.contacts, tally.skipped,
        tally.explainedBefore, tally.explainedAfter, reasons, flips, Duration.ofNanos(nanos));
  }

  /** Contacts whose primary reason changes. */
  public long flipped() {
    return flips.stream().mapToLong(FlipGroup::count).sum();
  }

  /** Share of contacts with a reason under the taxonomy in force, 0..1; 0 without contacts. */
  public double explainedShareBefore() {
    return contacts == 0 ? 0 : (double) explainedBefore / contacts;
  }

  /** Share of contacts with a reason under the new taxonomy, 0..1; 0 without contacts. */
  public double explainedShareAfter() {
    return contacts == 0 ? 0 : (double) explainedAfter / contacts;
  }

  /** Contacts classified per second of {@link #elapsed()} (each classified twice). */
  public double contactsPerSecond() {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : contacts / seconds;
  }

  /** The counts of one reason; zeros when it occurs neither before nor after. */
  public ReasonChange reason(String reasonId) {
    return reasons.stream().filter(r -> r.reasonId().equals(reasonId)).findFirst()
        .orElse(new ReasonChange(reasonId, 0, 0));
  }
}
