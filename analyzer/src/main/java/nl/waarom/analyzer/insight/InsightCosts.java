package nl.waarom.analyzer.insight;

import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Preventability;

/**
 * The value-at-stake fields every insight carries, filled in one way by every detector. A
 * structural insight (EMERGING_REASON, REPEAT_HOTSPOT) is valued by its weekly volume:
 * {@code estimatedCost = weeklyVolume × avgHandleMinutes × costPerMinute} per week
 * ({@link #withCost}). A SPIKE is valued by what its episode cost ({@link #withEpisodeCost}):
 * {@code (count - expected) × avgHandleMinutes × costPerMinute}, never by one minute's rate
 * extrapolated to a week. Costs are null when the handle time is unknown: an unknown cost is
 * not zero. Also the reason's display name and
 * preventability from the taxonomy in force. Stateless.
 */
public final class InsightCosts {
  private InsightCosts() {}

  /**
   * Sets weeklyVolume, avgHandleMinutes, costPerMinute and estimatedCost on {@code insight}.
   *
   * @param weeklyVolume estimated contacts per week; not negative
   * @param avgHandleMinutes mean handle time in minutes; null when no contact had one
   * @param costPerMinute cost of one handling minute; not negative
   * @return the same builder
   */
  public static Insight.Builder withCost(Insight.Builder insight, double weeklyVolume,
      Double avgHandleMinutes, double costPerMinute) {
    if (weeklyVolume < 0 || costPerMinute < 0 || Double.isNaN(weeklyVolume)) {
      throw new IllegalArgumentException("weekly volume and cost per minute must not be negative: "
          + weeklyVolume + ", " + costPerMinute);
    }
    return insight
        .setWeeklyVolume(weeklyVolume)
        .setAvgHandleMinutes(avgHandleMinutes)
        .setCostPerMinute(costPerMinute)
        .setEstimatedCost(avgHandleMinutes == null ? null
            : weeklyVolume * avgHandleMinutes * costPerMinute);
  }

  /**
   * Sets the value of a SPIKE on {@code insight}: what the episode cost, not its rate extrapolated
   * to a week. {@code excessContacts = max(0, count - expected)},
   * {@code episodeCost = excessContacts × avgHandleMinutes × costPerMinute} (also estimatedCost;
   * null when the handle time is unknown), {@code excessPerHour = excessContacts × 60 / minutes}
   * (the rate while it lasts); weeklyVolume is null: a spike is not a weekly volume.
   *
   * @param count contacts of the episode so far; not negative
   * @param expected their expected number; not negative
   * @param minutes whole minutes the episode spans so far; at least 1
   * @param avgHandleMinutes mean handle time of its contacts; null when none had one
   * @param costPerMinute cost of one handling minute; not negative
   * @return the same builder
   */
  public static Insight.Builder withEpisodeCost(Insight.Builder insight, long count,
      double expected, long minutes, Double avgHandleMinutes, double costPerMinute) {
    if (count < 0 || !(expected >= 0) || minutes < 1 || costPerMinute < 0) {
      throw new IllegalArgumentException("invalid episode: " + count + " contacts, " + expected
          + " expected, " + minutes + " minutes, cost per minute " + costPerMinute);
    }
    double excess = Math.max(0, count - expected);
    Double cost = avgHandleMinutes == null ? null : excess * avgHandleMinutes * costPerMinute;
    return insight
        .setWeeklyVolume(null)
        .setAvgHandleMinutes(avgHandleMinutes)
        .setCostPerMinute(costPerMinute)
        .setExcessContacts(excess)
        .setEpisodeCost(cost)
        .setEstimatedCost(cost)
        .setExcessPerHour(excess * 60.0 / minutes);
  }

  /**
   * Sets reasonId, reasonName (the English name; the id when the taxonomy does not know the
   * reason) and preventability (UNKNOWN when it does not) on {@code insight}.
   *
   * @return the same builder
   */
  public static Insight.Builder withReason(Insight.Builder insight, Taxonomy taxonomy,
      String reasonId) {
    Reason reason = taxonomy.reason(reasonId).orElse(null);
    return insight
        .setReasonId(reasonId)
        .setReasonName(reason == null ? reasonId : reason.name().en())
        .setPreventability(reason == null ? Preventability.UNKNOWN : reason.preventability());
  }
}
