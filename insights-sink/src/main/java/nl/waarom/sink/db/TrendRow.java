package nl.waarom.sink.db;

import java.time.Instant;
import java.util.Objects;
import nl.waarom.schemas.ReasonTrend;

/**
 * The column values of one {@code reason_trends} row; the key is (reasonId, channel, windowStart).
 *
 * @param reasonId never null, may be {@code unexplained}
 * @param channel never null, the Avro channel symbol
 * @param windowStart never null
 * @param windowEnd never null
 * @param count contacts in the window
 * @param handleMillisTotal sum of known handle times
 * @param baseline may be null
 * @param deviation may be null
 */
public record TrendRow(String reasonId, String channel, Instant windowStart, Instant windowEnd,
    long count, long handleMillisTotal, Double baseline, Double deviation) {

  public TrendRow {
    Objects.requireNonNull(reasonId, "reasonId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
  }

  /** Maps a decoded Avro trend to its row. */
  public static TrendRow from(ReasonTrend trend) {
    return new TrendRow(trend.getReasonId(), trend.getChannel().name(), trend.getWindowStart(),
        trend.getWindowEnd(), trend.getCount(), trend.getHandleMillisTotal(), trend.getBaseline(),
        trend.getDeviation());
  }
}
