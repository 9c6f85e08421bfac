package nl.waarom.sink.db;

import java.util.Locale;

/**
 * The backlog's rank as the database orders by it: value at stake =
 * {@code cost × preventability weight × (1 + repeat rate)} over {@code backlog_items} (cost: a
 * spike's episode cost, otherwise the weekly cost; see {@code Ranking}), the
 * same formula as {@code nl.waarom.sink.backlog.Ranking#valueAtStake}.
 *
 * @param prevent weight of PREVENT, ≥ 0
 * @param selfService weight of SELF_SERVICE, ≥ 0
 * @param automate weight of AUTOMATE, ≥ 0
 * @param assist weight of ASSIST, ≥ 0
 * @param unknown weight of any other or no preventability, ≥ 0
 * @param defaultHandleMinutes handle time assumed when the item has no cost estimate, ≥ 0
 */
public record ValueAtStake(double prevent, double selfService, double automate, double assist,
    double unknown, double defaultHandleMinutes) {

  /**
   * The expression over {@code backlog_items b}, with the numbers inlined (they are doubles from
   * the configuration, never user text).
   */
  String sql() {
    return "(COALESCE(b.estimated_cost, COALESCE(b.excess_contacts, b.weekly_volume, 0) * "
        + num(defaultHandleMinutes)
        + " * COALESCE(b.cost_per_minute, 1.0))"
        + " * (CASE b.preventability WHEN 'PREVENT' THEN " + num(prevent)
        + " WHEN 'SELF_SERVICE' THEN " + num(selfService)
        + " WHEN 'AUTOMATE' THEN " + num(automate)
        + " WHEN 'ASSIST' THEN " + num(assist)
        + " ELSE " + num(unknown) + " END)"
        + " * (1 + COALESCE(b.repeat_rate, 0)))";
  }

  private static String num(double d) {
    return String.format(Locale.ROOT, "%.6f", d);
  }
}
