package nl.waarom.sink.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.waarom.sink.db.Sql;

/**
 * The {@code tracker_links} table: reads links, claims creations and records what was exported
 * and read back. The claim is the guard against duplicates across restarts and sink instances: a
 * row keyed by (item, tracker) is inserted, or a stale claim taken over, in one atomic statement
 * before the tracker issue is created. Stateless apart from the data source; thread-safe. The board
 * and API may read links with {@link #forItem} and {@link #all}.
 */
public final class TrackerLinks {
  private static final String COLUMNS = "item_id, tracker, external_id, external_key, url,"
      + " tracker_status, tracker_status_category, last_exported_hash, last_exported_at,"
      + " last_synced_at, last_error, claimed_at";

  private final DataSource dataSource;

  /** @param dataSource never null */
  public TrackerLinks(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The link of an item to a tracker, if there is a row. */
  public Optional<TrackerLink> find(String itemId, TrackerKind tracker) throws SQLException {
    List<TrackerLink> rows = query("SELECT " + COLUMNS + " FROM tracker_links"
        + " WHERE item_id = ? AND tracker = ?", itemId, tracker.id());
    return rows.stream().findFirst();
  }

  /** Every link of an item (one per tracker it was exported to); never null. */
  public List<TrackerLink> forItem(String itemId) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM tracker_links WHERE item_id = ? ORDER BY tracker",
        itemId);
  }

  /** Every row, by item and tracker; never null. */
  public List<TrackerLink> all() throws SQLException {
    return query("SELECT " + COLUMNS + " FROM tracker_links ORDER BY item_id, tracker");
  }

  /** The links to a tracker whose issue exists; never null. */
  List<TrackerLink> linked(TrackerKind tracker) throws SQLException {
    return query("SELECT " + COLUMNS + " FROM tracker_links"
        + " WHERE tracker = ? AND external_id IS NOT NULL ORDER BY item_id", tracker.id());
  }

  /**
   * Claims the creation of an item's issue: true when this caller may create it now — there was no
   * row, or the row has no issue and no claim younger than {@code lease} (a crashed or failed
   * creation). False when the issue exists or another exporter is creating it.
   */
  boolean claim(String itemId, TrackerKind tracker, Instant now, Duration lease)
      throws SQLException {
    String sql = "INSERT INTO tracker_links (item_id, tracker, claimed_at) VALUES (?, ?, ?)"
        + " ON CONFLICT (item_id, tracker) DO UPDATE SET claimed_at = EXCLUDED.claimed_at"
        + " WHERE tracker_links.external_id IS NULL"
        + " AND (tracker_links.claimed_at IS NULL OR tracker_links.claimed_at < ?)"
        + " RETURNING item_id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, itemId);
      ps.setString(2, tracker.id());
      Sql.setInstant(ps, 3, now);
      Sql.setInstant(ps, 4, now.minus(lease));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Records a created, adopted or updated issue with the content hash sent; clears the claim. */
  void exported(String itemId, TrackerKind tracker, RemoteIssue issue, String hash, Instant now)
      throws SQLException {
    update("UPDATE tracker_links SET external_id = ?, external_key = ?, url = ?,"
        + " tracker_status = coalesce(?, tracker_status),"
        + " tracker_status_category = coalesce(?, tracker_status_category),"
        + " last_exported_hash = ?, last_exported_at = ?, last_error = NULL,"
        + " last_error_at = NULL, claimed_at = NULL WHERE item_id = ? AND tracker = ?",
        issue.externalId(), issue.key(), issue.url(), issue.status(), issue.statusCategory(), hash,
        now, itemId, tracker.id());
  }

  /** Records the status read back from the tracker. */
  void synced(String itemId, TrackerKind tracker, RemoteIssue issue, Instant now)
      throws SQLException {
    update("UPDATE tracker_links SET tracker_status = ?, tracker_status_category = ?,"
        + " url = coalesce(?, url), last_synced_at = ? WHERE item_id = ? AND tracker = ?",
        issue.status(), issue.statusCategory(), issue.url(), now, itemId, tracker.id());
  }

  /** Records a failure; a failed creation also releases its claim so the next run retries. */
  void failed(String itemId, TrackerKind tracker, String error, Instant now) throws SQLException {
    update("UPDATE tracker_links SET last_error = ?, last_error_at = ?,"
        + " claimed_at = CASE WHEN external_id IS NULL THEN NULL ELSE claimed_at END"
        + " WHERE item_id = ? AND tracker = ?", error, now, itemId, tracker.id());
  }

  private void update(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      ps.executeUpdate();
    }
  }

  private List<TrackerLink> query(String sql, Object... args) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      try (ResultSet rs = ps.executeQuery()) {
        List<TrackerLink> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(new TrackerLink(rs.getString("item_id"), rs.getString("tracker"),
              rs.getString("external_id"), rs.getString("external_key"), rs.getString("url"),
              rs.getString("tracker_status"), rs.getString("tracker_status_category"),
              rs.getString("last_exported_hash"), Sql.getInstant(rs, "last_exported_at"),
              Sql.getInstant(rs, "last_synced_at"), rs.getString("last_error"),
              Sql.getInstant(rs, "claimed_at")));
        }
        return rows;
      }
    }
  }

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Instant t) {
        Sql.setInstant(ps, i + 1, t);
      } else if (args[i] == null) {
        ps.setNull(i + 1, java.sql.Types.VARCHAR);
      } else {
        ps.setString(i + 1, args[i].toString());
      }
    }
  }
}
