package nl.waarom.sink.backtest;

import java.util.List;
import java.util.Objects;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.backtest.FlipGroup;

/**
 * The backtest of one emerging-reason item's drafted rule, or why there is none.
 *
 * @param itemId never null
 * @param taxonomyVersion the version in force compared with; null when none was published
 * @param reasonId the drafted reason's id in the candidate; null when there is no result
 * @param rules the drafted rules; never null
 * @param result the backtest; null when {@code problem} says why there is none
 * @param maxContacts at most this many contacts, the newest, were backtested
 * @param problem in plain words why there is no result (no taxonomy, no contacts, a rule that
 *     does not load); null when there is one
 */
public record DraftBacktest(String itemId, String taxonomyVersion, String reasonId,
    List<String> rules, BacktestResult result, int maxContacts, String problem) {
  public DraftBacktest {
    Objects.requireNonNull(itemId, "itemId");
    rules = List.copyOf(rules);
  }

  /** Contacts the drafted reason would take as their primary reason. */
  public long taken() {
    return result == null ? 0 : result.reason(reasonId).after();
  }

  /** Of {@link #taken()}, those that had no reason before. */
  public long fromUnexplained() {
    return result == null ? 0 : result.flips().stream()
        .filter(f -> f.to().equals(reasonId) && f.from().equals(BacktestResult.UNEXPLAINED))
        .mapToLong(FlipGroup::count).sum();
  }

  /** The flips into the drafted reason from another reason, the most frequent first. */
  public List<FlipGroup> fromOtherReasons() {
    return result == null ? List.of() : result.flips().stream()
        .filter(f -> f.to().equals(reasonId) && !f.from().equals(BacktestResult.UNEXPLAINED))
        .toList();
  }

  /** The unexplained contacts the drafted reason would take, with examples; null when none. */
  public FlipGroup unexplainedFlips() {
    return result == null ? null : result.flips().stream()
        .filter(f -> f.to().equals(reasonId) && f.from().equals(BacktestResult.UNEXPLAINED))
        .findFirst().orElse(null);
  }

  /** Flips that do not go to the drafted reason (the model learns from its examples, too). */
  public List<FlipGroup> otherFlips() {
    return result == null ? List.of() : result.flips().stream()
        .filter(f -> !f.to().equals(reasonId)).toList();
  }
}
