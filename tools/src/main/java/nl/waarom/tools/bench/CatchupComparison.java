package nl.waarom.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import nl.waarom.tools.bench.AnalyzerOutputs.InsightFact;

/**
 * Compares what the analyzer emitted after catching up with what the in-order reference
 * emitted. An insight is its id with its final kind, reason and count: one present only in the
 * reference is missing, one present only after the catch-up is extra, and one whose id is on
 * both sides but whose kind, reason or count differs counts once as missing and once as extra
 * (both versions are listed). A trend window differs when its final count differs or it exists
 * on one side only. Pure: no I/O.
 */
final class CatchupComparison {
  private CatchupComparison() {}

  /**
   * One insight that is not the same on both sides.
   *
   * @param id insight id; never null
   * @param fact the version on the side where it was found; never null
   */
  record InsightDiff(String id, InsightFact fact) {
    @Override
    public String toString() {
      return id + " (" + fact + ")";
    }
  }

  /**
   * One trend window whose final count differs.
   *
   * @param reference the reference's final count; null when the reference has no such window
   * @param caughtUp the caught-up final count; null when the catch-up has no such window
   */
  record WindowDiff(String key, Long reference, Long caughtUp) {
    @Override
    public String toString() {
      return key + ": reference " + (reference == null ? "absent" : reference) + ", caught up "
          + (caughtUp == null ? "absent" : caughtUp);
    }
  }

  /**
   * The differences, each list sorted by key.
   *
   * @param referenceInsights distinct insights of the reference
   * @param caughtUpInsights distinct insights after the catch-up
   */
  record Result(int referenceInsights, int caughtUpInsights, List<InsightDiff> missing,
      List<InsightDiff> extra, List<WindowDiff> differingWindows) {
    Result {
      missing = List.copyOf(missing);
      extra = List.copyOf(extra);
      differingWindows = List.copyOf(differingWindows);
    }

    boolean identical() {
      return missing.isEmpty() && extra.isEmpty() && differingWindows.isEmpty();
    }

    /** The counts of the result line, without its throughput. */
    String counts() {
      return String.format(Locale.ROOT,
          "reference=%d caught_up=%d missing=%d extra=%d trend_windows_differing=%d",
          referenceInsights, caughtUpInsights, missing.size(), extra.size(),
          differingWindows.size());
    }
  }

  static Result compare(AnalyzerOutputs reference, AnalyzerOutputs caughtUp) {
    return new Result(reference.insights().size(), caughtUp.insights().size(),
        notIn(reference.insights(), caughtUp.insights()),
        notIn(caughtUp.insights(), reference.insights()),
        differing(reference.trendCounts(), caughtUp.trendCounts()));
  }

  /** The insights of {@code side} that {@code other} does not have in the same version. */
  private static List<InsightDiff> notIn(Map<String, InsightFact> side,
      Map<String, InsightFact> other) {
    List<InsightDiff> diffs = new ArrayList<>();
    side.forEach((id, fact) -> {
      if (!fact.equals(other.get(id))) {
        diffs.add(new InsightDiff(id, fact));
      }
    });
    return diffs;
  }

  private static List<WindowDiff> differing(Map<String, Long> reference,
      Map<String, Long> caughtUp) {
    TreeSet<String> keys = new TreeSet<>(reference.keySet());
    keys.addAll(caughtUp.keySet());
    List<WindowDiff> diffs = new ArrayList<>();
    for (String key : keys) {
      Long r = reference.get(key);
      Long c = caughtUp.get(key);
      if (!Objects.equals(r, c)) {
        diffs.add(new WindowDiff(key, r, c));
      }
    }
    return diffs;
  }
}
