package nl.waarom.tools.query;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;

/**
 * {@code ./waarom trends}: the reason-trends topic ({@link ReasonTrend}, key
 * {@code reasonId|channel|windowMinutes|windowStart}), selected and ordered by the window's start,
 * filtered by reason id (or {@code unexplained}), channel and window length.
 */
final class TrendView implements RecordView<ReasonTrend> {
  private static final List<Column<ReasonTrend>> COLUMNS = List.of(
      Column.of("window_start", 20, ReasonTrend::getWindowStart),
      Column.of("minutes", 7, ReasonTrend::getWindowMinutes),
      Column.of("reason_id", 24, ReasonTrend::getReasonId),
      Column.of("channel", 7, ReasonTrend::getChannel),
      Column.of("count", 6, ReasonTrend::getCount),
      Column.<ReasonTrend>of("baseline", 8, ReasonTrend::getBaseline).decimals(1),
      Column.of("deviation", 9, ReasonTrend::getDeviation),
      Column.<ReasonTrend>of("avg_handle_s", 12, TrendView::averageHandleSeconds).decimals(0),
      Column.of("repeats", 7, ReasonTrend::getRepeatCount),
      Column.of("repeats_complete", 16, ReasonTrend::getRepeatsComplete),
      Column.csvOnly("window_end", ReasonTrend::getWindowEnd),
      Column.csvOnly("handle_count", ReasonTrend::getHandleCount),
      Column.csvOnly("handle_millis_total", ReasonTrend::getHandleMillisTotal));

  @Override
  public Topic<String, ReasonTrend> topic(Topics topics) {
    return topics.reasonTrends;
  }

  @Override
  public Instant time(ReasonTrend trend) {
    return trend.getWindowStart();
  }

  @Override
  public boolean matches(ReasonTrend trend, QueryFilter filter) {
    return filter.inTime(trend.getWindowStart()) && filter.reason(trend.getReasonId())
        && filter.channel(trend.getChannel()) && filter.windowMinutes(trend.getWindowMinutes());
  }

  @Override
  public List<Column<ReasonTrend>> columns() {
    return COLUMNS;
  }

  @Override
  public String count(int count) {
    return count + (count == 1 ? " trend window" : " trend windows");
  }

  /** Mean handle time of the window's contacts that had one, in seconds; null when none had. */
  private static Double averageHandleSeconds(ReasonTrend trend) {
    return trend.getHandleCount() == 0 ? null
        : trend.getHandleMillisTotal() / 1000.0 / trend.getHandleCount();
  }
}
