package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Upsert and queries of {@code explained_share} rows: a later record for the same window replaces
 * the row; an identical re-delivery changes nothing.
 */
public final class ShareStore {
  private static final String UPSERT = "INSERT INTO explained_share AS s (window_minutes,"
      + " window_start, window_end, total, explained, share, updated_at)"
      + " VALUES (:windowMinutes, :windowStart, :windowEnd, :total, :explained, :share, now())"
      + " ON CONFLICT (window_minutes, window_start) DO UPDATE SET (window_end, total, explained,"
      + " share, updated_at) = (EXCLUDED.window_end, EXCLUDED.total, EXCLUDED.explained,"
      + " EXCLUDED.share, now())"
      + " WHERE (s.window_end, s.total, s.explained, s.share) IS DISTINCT FROM"
      + " (EXCLUDED.window_end, EXCLUDED.total, EXCLUDED.explained, EXCLUDED.share)";
  private static final String RECENT = "SELECT window_minutes, window_start, window_end, total,"
      + " explained, share FROM explained_share WHERE window_minutes = :windowMinutes"
      + " ORDER BY window_start DESC LIMIT :limit";

  private final Db db;

  /** @param dataSource never null */
  public ShareStore(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * Writes rows inside the caller's transaction.
   *
   * @return how many rows were inserted or changed
   */
  static int upsert(Handle h, List<ShareRow> rows) {
    if (rows.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = h.prepareBatch(UPSERT);
    for (ShareRow row : rows) {
      batch.bind("windowMinutes", row.windowMinutes())
          .bindByType("windowStart", row.windowStart(), Instant.class)
          .bindByType("windowEnd", row.windowEnd(), Instant.class)
          .bind("total", row.total())
          .bind("explained", row.explained())
          .bind("share", row.share())
          .add();
    }
    return TrendStore.changed(batch.execute());
  }

  /** The latest {@code limit} windows of one length, newest first; never null. */
  public List<ShareRow> recent(int windowMinutes, int limit) {
    return db.read(h -> h.createQuery(RECENT)
        .bind("windowMinutes", windowMinutes)
        .bind("limit", limit)
        .map((rs, ctx) -> new ShareRow(rs.getInt("window_minutes"),
            Sql.getInstant(rs, "window_start"), Sql.getInstant(rs, "window_end"),
            rs.getLong("total"), rs.getLong("explained"), rs.getDouble("share")))
        .list());
  }
}
