package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Upsert of {@code reason_trends} rows: a record for an existing (reason, channel, window length,
 * window start)
 * replaces its counts, so the latest update of a window wins. Statements run in the given order,
 * which is the topic order within a partition.
 */
public final class TrendStore {
  private static final String VALUES = "window_end, count, handle_millis_total, baseline, deviation,"
      + " handle_count, repeat_count, repeats_complete";
  private static final String UPSERT = "INSERT INTO reason_trends AS t (reason_id, channel,"
      + " window_minutes, window_start, " + VALUES + ", updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (reason_id, channel, window_minutes, window_start) DO UPDATE SET ("
      + VALUES + ", updated_at) = (" + excluded("EXCLUDED.") + ", now())"
      + " WHERE (" + excluded("t.") + ") IS DISTINCT FROM (" + excluded("EXCLUDED.") + ")";

  private TrendStore() {}

  private static String excluded(String prefix) {
    return prefix + VALUES.replace(", ", ", " + prefix);
  }

  /**
   * Writes trend rows inside the caller's transaction.
   *
   * @return how many rows were inserted or changed (identical re-deliveries are not counted)
   */
  public static int upsert(Connection c, List<TrendRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (TrendRow row : rows) {
        int i = 1;
        ps.setString(i++, row.reasonId());
        ps.setString(i++, row.channel());
        ps.setInt(i++, row.windowMinutes());
        Sql.setInstant(ps, i++, row.windowStart());
        Sql.setInstant(ps, i++, row.windowEnd());
        ps.setLong(i++, row.count());
        ps.setLong(i++, row.handleMillisTotal());
        Sql.setDouble(ps, i++, row.baseline());
        Sql.setDouble(ps, i++, row.deviation());
        ps.setLong(i++, row.handleCount());
        ps.setLong(i++, row.repeatCount());
        ps.setBoolean(i, row.repeatsComplete());
        ps.addBatch();
      }
      int changed = 0;
      for (int n : ps.executeBatch()) {
        changed += Math.max(n, 0);
      }
      return changed;
    }
  }
}
