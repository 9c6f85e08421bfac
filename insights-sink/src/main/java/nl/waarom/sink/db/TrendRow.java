package nl.waarom.sink.db;

import java.time.Instant;
import java.util.Objects;
import nl.waarom.schemas.ReasonTrend;

/**
 * The column values of one {@code reason_trends} row; the key is (reasonId, channel,
 * windowMinutes, windowStart).
 *
 * @param reasonId never null, may be {@code unexplained}
 * @param channel never null, the Avro channel symbol
 * @param windowStart never null
 * @param windowEnd never null
 * @param count contacts in the window
 * @param handleMillisTotal sum of known handle times
 * @param baseline may be null
 * @param deviation may be null
 * @param windowMinutes window length: 1, 15 or 60
 * @param handleCount contacts with a known handle time
 * @param repeatCount contacts followed by a repeat contact
 * @param repeatsComplete whether the repeat window after the window has passed
 * @param sentimentCount contacts with a sentiment (their customer said something)
 * @param negativeCount of those, the negative contacts
 * @param callbackCount contacts whose customer asked to be called back
 */
public record TrendRow(String reasonId, String channel, Instant windowStart, Instant windowEnd,
    long count, long handleMillisTotal, Double baseline, Double deviation, int windowMinutes,
    long handleCount, long repeatCount, boolean repeatsComplete, long sentimentCount,
    long negativeCount, long callbackCount) {

  public TrendRow {
    Objects.requireNonNull(reasonId, "reasonId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
  }

  /** A row without callback counts (as a ReasonTrend v3 record). */
  public TrendRow(String reasonId, String channel, Instant windowStart, Instant windowEnd,
      long count, long handleMillisTotal, Double baseline, Double deviation, int windowMinutes,
      long handleCount, long repeatCount, boolean repeatsComplete, long sentimentCount,
      long negativeCount) {
    this(reasonId, channel, windowStart, windowEnd, count, handleMillisTotal, baseline, deviation,
        windowMinutes, handleCount, repeatCount, repeatsComplete, sentimentCount, negativeCount,
        0);
  }

  /** A row without sentiment counts (as a ReasonTrend v2 record). */
  public TrendRow(String reasonId, String channel, Instant windowStart, Instant windowEnd,
      long count, long handleMillisTotal, Double baseline, Double deviation, int windowMinutes,
      long handleCount, long repeatCount, boolean repeatsComplete) {
    this(reasonId, channel, windowStart, windowEnd, count, handleMillisTotal, baseline, deviation,
        windowMinutes, handleCount, repeatCount, repeatsComplete, 0, 0);
  }

  /** A one-minute row without handle or repeat counts (as a ReasonTrend v1 record). */
  public TrendRow(String reasonId, String channel, Instant windowStart, Instant windowEnd,
      long count, long handleMillisTotal, Double baseline, Double deviation) {
    this(reasonId, channel, windowStart, windowEnd, count, handleMillisTotal, baseline, deviation,
        1, 0, 0, false);
  }

  /** Maps a decoded Avro trend to its row. */
  public static TrendRow from(ReasonTrend trend) {
    return new TrendRow(trend.getReasonId(), trend.getChannel().name(), trend.getWindowStart(),
        trend.getWindowEnd(), trend.getCount(), trend.getHandleMillisTotal(), trend.getBaseline(),
        trend.getDeviation(), trend.getWindowMinutes(), trend.getHandleCount(),
        trend.getRepeatCount(), trend.getRepeatsComplete(), trend.getSentimentCount(),
        trend.getNegativeCount(), trend.getCallbackCount());
  }
}
