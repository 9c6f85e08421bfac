package nl.waarom.analyzer.backtest;

/**
 * How many contacts have one primary reason before and after.
 *
 * @param reasonId a reason id, or {@link Tally#UNEXPLAINED}; never null
 * @param before contacts with it as primary reason under the taxonomy in force
 * @param after the same under the new taxonomy
 */
public record ReasonChange(String reasonId, long before, long after) {
  /** after − before. */
  public long change() {
    return after - before;
  }
}
