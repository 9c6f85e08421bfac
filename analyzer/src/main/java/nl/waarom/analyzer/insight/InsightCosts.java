package nl.waarom.analyzer.insight;

import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Preventability;

/**
 * The value-at-stake fields every insight carries, filled in one way by every detector: estimated
 * weekly volume, mean handle time, the configured cost per minute, and
 * {@code estimatedCost = weeklyVolume × avgHandleMinutes × costPerMinute} (null when the handle
 * time is unknown: an unknown cost is not zero). Also the reason's display name and
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
