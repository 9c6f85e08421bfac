package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Upsert of {@code reason_trends} rows: a record for an existing (reason, channel, window start)
 * replaces its counts, so the latest update of a window wins. Statements run in the given order,
 * which is the topic order within a partition.
 */
public final class TrendStore {
  private static final String VALUES = "window_end, count, handle_millis_total, baseline, deviation";
  private static final String UPSERT = "INSERT INTO reason_trends AS t (reason_id, channel,"
      + " window_start, " + VALUES + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (reason_id, channel, window_start) DO UPDATE SET (" + VALUES + ", updated_at)"
      + " = (EXCLUDED.window_end, EXCLUDED.count, EXCLUDED.handle_millis_total, EXCLUDED.baseline,"
      + " EXCLUDED.deviation, now())"
      + " WHERE (t.window_end, t.count, t.handle_millis_total, t.baseline, t.deviation)"
      + " IS DISTINCT FROM (EXCLUDED.window_end, EXCLUDED.count, EXCLUDED.handle_millis_total,"
      + " EXCLUDED.baseline, EXCLUDED.deviation)";

  private TrendStore() {}

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
        ps.setString(1, row.reasonId());
        ps.setString(2, row.channel());
        Sql.setInstant(ps, 3, row.windowStart());
        Sql.setInstant(ps, 4, row.windowEnd());
        ps.setLong(5, row.count());
        ps.setLong(6, row.handleMillisTotal());
        Sql.setDouble(ps, 7, row.baseline());
        Sql.setDouble(ps, 8, row.deviation());
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
