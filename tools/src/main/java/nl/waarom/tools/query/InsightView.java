package nl.waarom.tools.query;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;

/**
 * {@code ./waarom insights}: the insights topic ({@link Insight}, key insightId), selected and
 * ordered by {@code detectedAt}, filtered by kind, reason id and channel (any of the insight's).
 */
final class InsightView implements RecordView<Insight> {
  private static final List<Column<Insight>> COLUMNS = List.of(
      Column.of("detected_at", 20, Insight::getDetectedAt),
      Column.of("kind", 15, Insight::getKind),
      Column.of("reason_id", 22, Insight::getReasonId),
      Column.of("count", 6, Insight::getCount),
      Column.<Insight>of("baseline", 8, Insight::getBaseline).decimals(1),
      Column.of("channels", 16, Insight::getChannels),
      Column.<Insight>of("estimated_cost", 14, Insight::getEstimatedCost).decimals(0),
      Column.of("summary", 70, Insight::getSummary),
      Column.csvOnly("insight_id", Insight::getInsightId),
      Column.csvOnly("reason_name", Insight::getReasonName),
      Column.csvOnly("candidate_terms", Insight::getCandidateTerms),
      Column.csvOnly("window_start", Insight::getWindowStart),
      Column.csvOnly("window_end", Insight::getWindowEnd),
      Column.csvOnly("weekly_volume", Insight::getWeeklyVolume),
      Column.csvOnly("avg_handle_minutes", Insight::getAvgHandleMinutes),
      Column.csvOnly("cost_per_minute", Insight::getCostPerMinute),
      Column.csvOnly("preventability", Insight::getPreventability),
      Column.csvOnly("repeat_rate", Insight::getRepeatRate),
      Column.csvOnly("score", Insight::getScore),
      Column.csvOnly("growth_rate", Insight::getGrowthRate),
      Column.csvOnly("excess_contacts", Insight::getExcessContacts),
      Column.csvOnly("episode_cost", Insight::getEpisodeCost),
      Column.csvOnly("excess_per_hour", Insight::getExcessPerHour));

  @Override
  public Topic<String, Insight> topic(Topics topics) {
    return topics.insights;
  }

  @Override
  public Instant time(Insight insight) {
    return insight.getDetectedAt();
  }

  @Override
  public boolean matches(Insight insight, QueryFilter filter) {
    return filter.inTime(insight.getDetectedAt()) && filter.kind(insight.getKind())
        && filter.reason(insight.getReasonId()) && filter.anyChannel(insight.getChannels());
  }

  @Override
  public List<Column<Insight>> columns() {
    return COLUMNS;
  }

  @Override
  public String count(int count) {
    return count + (count == 1 ? " insight" : " insights");
  }
}
