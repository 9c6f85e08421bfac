package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Upsert and queries of {@code explained_share} rows: a later record for the same window replaces
 * the row; an identical re-delivery changes nothing.
 */
public final class ShareStore {
  private static final String UPSERT = "INSERT INTO explained_share AS s (window_minutes,"
      + " window_start, window_end, total, explained, share, updated_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, now())"
      + " ON CONFLICT (window_minutes, window_start) DO UPDATE SET (window_end, total, explained,"
      + " share, updated_at) = (EXCLUDED.window_end, EXCLUDED.total, EXCLUDED.explained,"
      + " EXCLUDED.share, now())"
      + " WHERE (s.window_end, s.total, s.explained, s.share) IS DISTINCT FROM"
      + " (EXCLUDED.window_end, EXCLUDED.total, EXCLUDED.explained, EXCLUDED.share)";
  private static final String RECENT = "SELECT window_minutes, window_start, window_end, total,"
      + " explained, share FROM explained_share WHERE window_minutes = ?"
      + " ORDER BY window_start DESC LIMIT ?";

  private ShareStore() {}

  /**
   * Writes rows inside the caller's transaction.
   *
   * @return how many rows were inserted or changed
   */
  public static int upsert(Connection c, List<ShareRow> rows) throws SQLException {
    if (rows.isEmpty()) {
      return 0;
    }
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      for (ShareRow row : rows) {
        ps.setInt(1, row.windowMinutes());
        Sql.setInstant(ps, 2, row.windowStart());
        Sql.setInstant(ps, 3, row.windowEnd());
        ps.setLong(4, row.total());
        ps.setLong(5, row.explained());
        ps.setDouble(6, row.share());
        ps.addBatch();
      }
      int changed = 0;
      for (int n : ps.executeBatch()) {
        changed += Math.max(n, 0);
      }
      return changed;
    }
  }

  /** The latest {@code limit} windows of one length, newest first. */
  public static List<ShareRow> recent(DataSource ds, int windowMinutes, int limit)
      throws SQLException {
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(RECENT)) {
      ps.setInt(1, windowMinutes);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<ShareRow> rows = new ArrayList<>();
        while (rs.next()) {
          Instant start = Sql.getInstant(rs, "window_start");
          rows.add(new ShareRow(rs.getInt("window_minutes"), start,
              Sql.getInstant(rs, "window_end"), rs.getLong("total"), rs.getLong("explained"),
              rs.getDouble("share")));
        }
        return rows;
      }
    }
  }
}
