package nl.waarom.sink.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads {@code reason_trends}: the one-minute rows behind the board's top reasons and sparklines,
 * the one-hour rows behind an item's trend and the impact verification's daily shares.
 * Thread-safe.
 */
public final class TrendReads {
  private final Db db;

  /** @param dataSource never null */
  public TrendReads(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * Contacts of one reason in one channel; {@code reasonId} may be {@code unexplained}.
   *
   * @param sentimentCount contacts with a sentiment
   * @param negativeCount of those, the negative contacts
   */
  public record ReasonChannelCount(String reasonId, String channel, long count,
      long sentimentCount, long negativeCount) {}

  /** Contacts of one reason (all channels) in the minute starting at {@code minute}. */
  public record MinuteCount(String reasonId, Instant minute, long count) {}

  /**
   * One hour of a reason, all channels.
   *
   * @param windowStart never null
   * @param count contacts
   * @param baseline expected contacts; null when no channel had one
   */
  public record HourPoint(Instant windowStart, long count, Double baseline) {}

  /** Contacts of one reason and of all reasons on one UTC day. */
  public record DayCount(LocalDate day, long reason, long total) {}

  /** End of the newest one-minute window; null when there is none. */
  public Instant newestMinuteEnd() {
    return newestEnd(1);
  }

  /** End of the newest one-hour window; null when there is none. */
  public Instant newestHourEnd() {
    return newestEnd(60);
  }

  private Instant newestEnd(int windowMinutes) {
    return db.read(h -> h.createQuery("SELECT max(window_end) FROM reason_trends"
            + " WHERE window_minutes = :minutes")
        .bind("minutes", windowMinutes).mapTo(Instant.class).one());
  }

  /**
   * Contacts, contacts with a sentiment and negative contacts per reason and channel of the
   * one-minute windows starting in [from, to).
   */
  public List<ReasonChannelCount> perReasonAndChannel(Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT reason_id, channel, sum(count) AS total,"
            + " sum(sentiment_count) AS sentiment, sum(negative_count) AS negative"
            + " FROM reason_trends WHERE window_minutes = 1 AND window_start >= :from"
            + " AND window_start < :to GROUP BY reason_id, channel")
        .bindByType("from", from, Instant.class).bindByType("to", to, Instant.class)
        .map((rs, ctx) -> new ReasonChannelCount(rs.getString("reason_id"),
            rs.getString("channel"), rs.getLong("total"), rs.getLong("sentiment"),
            rs.getLong("negative")))
        .list());
  }

  /** Contacts per reason and minute (all channels) of the minutes starting in [from, to). */
  public List<MinuteCount> perReasonAndMinute(Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT reason_id, window_start, sum(count) AS total"
            + " FROM reason_trends WHERE window_minutes = 1 AND window_start >= :from"
            + " AND window_start < :to GROUP BY reason_id, window_start")
        .bindByType("from", from, Instant.class).bindByType("to", to, Instant.class)
        .map((rs, ctx) -> new MinuteCount(rs.getString("reason_id"),
            Sql.getInstant(rs, "window_start"), rs.getLong("total")))
        .list());
  }

  /** The hours of one reason from {@code from} on, oldest first; never null. */
  public List<HourPoint> hourly(String reasonId, Instant from) {
    return db.read(h -> h.createQuery("SELECT window_start, sum(count) AS count,"
            + " sum(baseline) AS baseline FROM reason_trends WHERE window_minutes = 60"
            + " AND reason_id = :reasonId AND window_start >= :from"
            + " GROUP BY window_start ORDER BY window_start")
        .bind("reasonId", reasonId).bindByType("from", from, Instant.class)
        .map((rs, ctx) -> new HourPoint(Sql.getInstant(rs, "window_start"), rs.getLong("count"),
            Sql.getDouble(rs, "baseline")))
        .list());
  }

  /**
   * Per UTC day with contacts, from the one-hour windows starting in [from, to): the contacts of
   * one reason and of all; oldest first, never null.
   */
  public List<DayCount> daily(String reasonId, Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT (window_start AT TIME ZONE 'UTC')::date AS day,"
            + " COALESCE(sum(count) FILTER (WHERE reason_id = :reasonId), 0) AS reason,"
            + " sum(count) AS total FROM reason_trends WHERE window_minutes = 60"
            + " AND window_start >= :from AND window_start < :to"
            + " GROUP BY 1 HAVING sum(count) > 0 ORDER BY 1")
        .bind("reasonId", reasonId)
        .bindByType("from", from, Instant.class).bindByType("to", to, Instant.class)
        .map((rs, ctx) -> new DayCount(rs.getObject(1, LocalDate.class), rs.getLong(2),
            rs.getLong(3)))
        .list());
  }
}
