package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Upsert of {@code reason_trends} rows: a record for an existing (reason, channel, window length,
 * window start) replaces its counts, so the latest update of a window wins. Statements run in the
 * given order, which is the topic order within a partition.
 */
final class TrendStore {
  private static final String VALUES = "window_end, count, handle_millis_total, baseline, deviation,"
      + " handle_count, repeat_count, repeats_complete, sentiment_count, negative_count,"
      + " callback_count";
  private static final String UPSERT = "INSERT INTO reason_trends AS t (reason_id, channel,"
      + " window_minutes, window_start, " + VALUES + ", updated_at)"
      + " VALUES (:reasonId, :channel, :windowMinutes, :windowStart, :windowEnd, :count,"
      + " :handleMillisTotal, :baseline, :deviation, :handleCount, :repeatCount, :repeatsComplete,"
      + " :sentimentCount, :negativeCount, :callbackCount, now())"
      + " ON CONFLICT (reason_id, channel, window_minutes, window_start) DO UPDATE SET ("
      + VALUES + ", updated_at) = (" + prefixed("EXCLUDED.") + ", now())"
      + " WHERE (" + prefixed("t.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ")";

  private TrendStore() {}

  private static String prefixed(String prefix) {
    return prefix + VALUES.replace(", ", ", " + prefix);
  }

  /**
   * Writes trend rows inside the caller's transaction.
   *
   * @return how many rows were inserted or changed (identical re-deliveries are not counted)
   */
  static int upsert(Handle h, List<TrendRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch(UPSERT);
    for (TrendRow row : rows) {
      batch.bind("reasonId", row.reasonId())
          .bind("channel", row.channel())
          .bind("windowMinutes", row.windowMinutes())
          .bindByType("windowStart", row.windowStart(), Instant.class)
          .bindByType("windowEnd", row.windowEnd(), Instant.class)
          .bind("count", row.count())
          .bind("handleMillisTotal", row.handleMillisTotal())
          .bind("baseline", row.baseline())
          .bind("deviation", row.deviation())
          .bind("handleCount", row.handleCount())
          .bind("repeatCount", row.repeatCount())
          .bind("repeatsComplete", row.repeatsComplete())
          .bind("sentimentCount", row.sentimentCount())
          .bind("negativeCount", row.negativeCount())
          .bind("callbackCount", row.callbackCount())
          .add();
    }
    return changed(batch.execute());
  }

  /** Rows a batch inserted or changed (a driver may report "unknown", counted as none). */
  static int changed(int[] counts) {
    int changed = 0;
    for (int n : counts) {
      changed += Math.max(n, 0);
    }
    return changed;
  }
}
