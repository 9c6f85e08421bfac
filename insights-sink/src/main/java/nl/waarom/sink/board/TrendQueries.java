package nl.waarom.sink.board;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.waarom.sink.db.TrendReads;

/** Reads {@link TopReasons} and the sparklines from the one-minute rows of {@code reason_trends}. */
public final class TrendQueries {
  private final TrendReads trends;

  /** @param dataSource never null */
  public TrendQueries(DataSource dataSource) {
    this.trends = new TrendReads(dataSource);
  }

  /**
   * Counts per reason and channel of the trend windows that start within {@code window} before
   * "now" (see {@link TopReasons} for which now).
   */
  public TopReasons topReasons(Duration window, Instant wallClock) {
    Instant asOf = TopReasons.asOf(wallClock, trends.newestMinuteEnd());
    List<TopReasons.Cell> cells = trends.perReasonAndChannel(asOf.minus(window), asOf).stream()
        .map(c -> new TopReasons.Cell(c.reasonId(), c.channel(), c.count(), c.sentimentCount(),
            c.negativeCount())).toList();
    return TopReasons.of(asOf, window, cells);
  }

  /**
   * Contacts per minute of each reason (all channels) in [from, to), one value per minute, oldest
   * first, missing minutes 0: the board's sparklines.
   */
  public Map<String, long[]> perMinute(Instant from, Instant to) {
    int minutes = (int) Math.max(1, Duration.between(from, to).toMinutes());
    Map<String, long[]> series = new HashMap<>();
    for (TrendReads.MinuteCount m : trends.perReasonAndMinute(from, to)) {
      int at = (int) Duration.between(from, m.minute()).toMinutes();
      if (at >= 0 && at < minutes) {
        series.computeIfAbsent(m.reasonId(), r -> new long[minutes])[at] = m.count();
      }
    }
    return series;
  }

  /** The hourly counts of one reason (all channels) from {@code from} on, oldest first. */
  List<TrendReads.HourPoint> hourly(String reasonId, Instant from) {
    return trends.hourly(reasonId, from);
  }
}
