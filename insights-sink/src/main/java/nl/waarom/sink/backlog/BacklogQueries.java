package nl.waarom.sink.backlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.waarom.sink.db.InsightReader;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Sql;

/**
 * Reads the backlog: items ranked by value at stake (see {@link Ranking}; highest first, then the
 * most recently seen), each with its latest insight; one item with its insight history and its
 * change history.
 */
public final class BacklogQueries {
  private final DataSource dataSource;
  private final Ranking ranking;
  private final String select;

  /** Ranked with the default weights. */
  public BacklogQueries(DataSource dataSource) {
    this(dataSource, Ranking.defaults());
  }

  /** @param dataSource never null; @param ranking never null */
  public BacklogQueries(DataSource dataSource, Ranking ranking) {
    this.dataSource = dataSource;
    this.ranking = ranking;
    this.select = "SELECT b.item_id, b.title, b.kind AS item_kind,"
        + " b.reason_id AS item_reason_id, b.candidate_terms AS item_terms, b.status,"
        + " b.insight_count, b.first_seen_at AS item_first_seen_at,"
        + " b.last_seen_at AS item_last_seen_at, b.estimated_cost AS item_cost,"
        + " b.preventability AS item_preventability, " + ranking.sql() + " AS value_at_stake,"
        + " b.weekly_volume AS item_weekly_volume, b.avg_handle_minutes AS item_aht,"
        + " b.repeat_rate AS item_repeat_rate, b.owner, b.status_changed_at, b.status_changed_by,"
        + " b.dismissed_reason, b.done_at, b.verification::text AS verification, "
        + InsightReader.columns("i")
        + " FROM backlog_items b JOIN insights i ON i.insight_id = b.latest_insight_id";
  }

  public Ranking ranking() {
    return ranking;
  }

  /** The top {@code limit} items of every status in rank order; never null. */
  public List<BacklogItem> ranked(int limit) throws SQLException {
    return ranked(limit, List.of());
  }

  /**
   * The top {@code limit} items whose status is one of {@code statuses} (all when empty), in rank
   * order; never null.
   */
  public List<BacklogItem> ranked(int limit, Collection<Status> statuses) throws SQLException {
    String sql = select
        + (statuses.isEmpty() ? "" : " WHERE b.status = ANY (?)")
        + " ORDER BY value_at_stake DESC, b.last_seen_at DESC, b.item_id LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      int i = 1;
      if (!statuses.isEmpty()) {
        Sql.setTextArray(c, ps, i++, statuses.stream().map(Status::value).toList());
      }
      ps.setInt(i, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<BacklogItem> items = new ArrayList<>();
        while (rs.next()) {
          items.add(read(rs));
        }
        return items;
      }
    }
  }

  /** One item; empty when there is none with this id. */
  public Optional<BacklogItem> item(String itemId) throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(select + " WHERE b.item_id = ?")) {
      ps.setString(1, itemId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    }
  }

  /** The insights behind an item, latest first; never null. */
  public List<InsightRow> insights(String itemId, int limit) throws SQLException {
    String sql = "SELECT " + InsightReader.columns("i") + " FROM backlog_item_insights l"
        + " JOIN insights i ON i.insight_id = l.insight_id WHERE l.item_id = ?"
        + " ORDER BY i.detected_at DESC, i.insight_id LIMIT ?";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, itemId);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<InsightRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(InsightReader.read(rs));
        }
        return rows;
      }
    }
  }

  /** Every change to an item, oldest first; never null. */
  public List<BacklogEvent> history(String itemId) throws SQLException {
    String sql = "SELECT event_id, at, actor, action, from_status, to_status, detail"
        + " FROM backlog_events WHERE item_id = ? ORDER BY event_id";
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, itemId);
      try (ResultSet rs = ps.executeQuery()) {
        List<BacklogEvent> events = new ArrayList<>();
        while (rs.next()) {
          events.add(new BacklogEvent(rs.getLong("event_id"), Sql.getInstant(rs, "at"),
              rs.getString("actor"), rs.getString("action"), rs.getString("from_status"),
              rs.getString("to_status"), rs.getString("detail")));
        }
        return events;
      }
    }
  }

  private static BacklogItem read(ResultSet rs) throws SQLException {
    return new BacklogItem(
        rs.getString("item_id"),
        rs.getString("title"),
        rs.getString("item_kind"),
        rs.getString("item_reason_id"),
        Sql.getTextArray(rs, "item_terms"),
        rs.getString("status"),
        rs.getInt("insight_count"),
        Sql.getInstant(rs, "item_first_seen_at"),
        Sql.getInstant(rs, "item_last_seen_at"),
        Sql.getDouble(rs, "item_cost"),
        rs.getString("item_preventability"),
        InsightReader.read(rs),
        new BacklogItem.Work(rs.getDouble("value_at_stake"),
            Sql.getDouble(rs, "item_weekly_volume"), Sql.getDouble(rs, "item_aht"),
            Sql.getDouble(rs, "item_repeat_rate"), rs.getString("owner"),
            Sql.getInstant(rs, "status_changed_at"), rs.getString("status_changed_by"),
            rs.getString("dismissed_reason"), Sql.getInstant(rs, "done_at"),
            rs.getString("verification")));
  }
}
