package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;

/**
 * Writes how an item's value at stake was computed, with its numbers, so a manager can check it:
 * for a spike {@code 312 excess contacts × 6.5 min × €0.90/min = €1,825} and its rate while it
 * lasts; for a structural insight {@code ~120 contacts a week × 6.5 min × €0.90/min = €702 a
 * week}; then {@code × preventability weight × (1 + repeat rate) = value at stake}, the rank
 * ({@link Ranking}). A handle time the insight lacks shows as the assumed default.
 */
final class ValueFormula {
  private final Ranking ranking;
  private final Money money;

  ValueFormula(Ranking ranking, Money money) {
    this.ranking = ranking;
    this.money = money;
  }

  Money money() {
    return money;
  }

  static ValueFormula defaults() {
    return new ValueFormula(Ranking.defaults(), Money.defaults());
  }

  /** The formula as HTML paragraphs, ids {@code cost-formula}, {@code rank-formula}. */
  String html(BacklogItem item, Texts t) {
    InsightRow latest = item.latestInsight();
    InsightDetails d = latest.details();
    double cpm = d.costPerMinute() == null ? 1.0 : d.costPerMinute();
    boolean assumed = d.avgHandleMinutes() == null;
    double handle = assumed ? ranking.defaultHandleMinutes() : d.avgHandleMinutes();
    String minutes = t.t(assumed ? "value.assumedMinutes" : "unit.minutes", t.number(handle, 1));
    String perMinute = money.exact(cpm, t.locale());
    StringBuilder html = new StringBuilder("<p class=\"formula\" id=\"cost-formula\">");
    double cost;
    if (d.excessContacts() != null) {
      cost = item.estimatedCost() != null ? item.estimatedCost()
          : d.excessContacts() * handle * cpm;
      html.append(escape(t.t("value.spike", t.number(d.excessContacts(), 0),
          t.count(latest.count()), t.number(latest.baseline(), 1), minutes, perMinute,
          money.whole(cost, t.locale()))));
      if (d.excessPerHour() != null) {
        html.append("<br><span id=\"rate-formula\">").append(escape(t.t("value.rate",
            t.number(d.excessPerHour(), 0), money.whole(d.excessPerHour() * handle * cpm,
                t.locale())))).append("</span>");
      }
    } else if (item.work().weeklyVolume() != null) {
      cost = item.estimatedCost() != null ? item.estimatedCost()
          : item.work().weeklyVolume() * handle * cpm;
      html.append(escape(t.t("value.weekly", t.number(item.work().weeklyVolume(), 0), minutes,
          perMinute, money.whole(cost, t.locale()))));
    } else {
      cost = item.estimatedCost() == null ? 0 : item.estimatedCost();
      html.append(escape(t.t("value.unknown")));
    }
    double weight = ranking.weight(item.preventability());
    double repeat = item.work().repeatRate() == null ? 0 : item.work().repeatRate();
    html.append("</p>\n<p class=\"formula\" id=\"rank-formula\">")
        .append(escape(t.t("value.rank", money.whole(cost, t.locale()), t.number(weight, 1),
            ItemRenderer.preventability(t, item.preventability()),
            t.number(repeat, 2), money.whole(item.work().valueAtStake(), t.locale()))))
        .append("</p>\n");
    return html.toString();
  }
}
