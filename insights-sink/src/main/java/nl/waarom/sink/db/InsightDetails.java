package nl.waarom.sink.db;

import java.util.List;
import nl.waarom.schemas.Insight;

/**
 * The explanation and value-at-stake columns of an {@code insights} row (Insight v2 fields).
 *
 * @param reasonName display name; may be null
 * @param signals never null, strongest first
 * @param weeklyVolume estimated contacts per week; may be null
 * @param avgHandleMinutes may be null
 * @param costPerMinute may be null
 * @param repeatRate may be null
 * @param score the detector's statistic; may be null
 * @param growthRate may be null
 * @param draftedRule may be null
 * @param excessContacts SPIKE (Insight v3): contacts of the episode above the expected; may be null
 * @param episodeCost SPIKE: excessContacts × avgHandleMinutes × costPerMinute; may be null
 * @param excessPerHour SPIKE: excess contacts per hour at the episode's rate; may be null
 */
public record InsightDetails(String reasonName, List<SignalRow> signals, Double weeklyVolume,
    Double avgHandleMinutes, Double costPerMinute, Double repeatRate, Double score,
    Double growthRate, String draftedRule, Double excessContacts, Double episodeCost,
    Double excessPerHour) {
  /** No details: what an Insight v1 record carries. */
  public static final InsightDetails NONE =
      new InsightDetails(null, List.of(), null, null, null, null, null, null, null);

  public InsightDetails {
    signals = List.copyOf(signals);
  }

  /** Details without a spike's episode value (an Insight v2 record, or a structural insight). */
  public InsightDetails(String reasonName, List<SignalRow> signals, Double weeklyVolume,
      Double avgHandleMinutes, Double costPerMinute, Double repeatRate, Double score,
      Double growthRate, String draftedRule) {
    this(reasonName, signals, weeklyVolume, avgHandleMinutes, costPerMinute, repeatRate, score,
        growthRate, draftedRule, null, null, null);
  }

  /** The details of a decoded Avro insight. */
  public static InsightDetails from(Insight insight) {
    return new InsightDetails(insight.getReasonName(),
        insight.getSignals().stream().map(s -> new SignalRow(s.getKind().name(), s.getName(),
            s.getValue(), s.getCount(), s.getShare(), s.getBackgroundShare(), s.getScore()))
            .toList(),
        insight.getWeeklyVolume(), insight.getAvgHandleMinutes(), insight.getCostPerMinute(),
        insight.getRepeatRate(), insight.getScore(), insight.getGrowthRate(),
        insight.getDraftedRule(), insight.getExcessContacts(), insight.getEpisodeCost(),
        insight.getExcessPerHour());
  }

  /** The {@code signals} column as JSON text; never null. */
  public String signalsJson() {
    return Json.write(signals);
  }
}
