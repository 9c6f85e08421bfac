package nl.waarom.sink.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the backlog: items ranked by value at stake (highest first, then the most recently seen),
 * each with its latest insight; the insights behind an item; an item's change history.
 */
public final class BacklogStore {
  private final Db db;
  private final String select;

  /** @param dataSource never null; @param rank the order of {@link #ranked}; never null */
  public BacklogStore(DataSource dataSource, ValueAtStake rank) {
    this.db = new Db(dataSource);
    this.select = "SELECT b.item_id, b.title, b.kind AS item_kind,"
        + " b.reason_id AS item_reason_id, b.candidate_terms AS item_terms, b.status,"
        + " b.insight_count, b.first_seen_at AS item_first_seen_at,"
        + " b.last_seen_at AS item_last_seen_at, b.estimated_cost AS item_cost,"
        + " b.preventability AS item_preventability, " + rank.sql() + " AS value_at_stake,"
        + " b.weekly_volume AS item_weekly_volume, b.avg_handle_minutes AS item_aht,"
        + " b.repeat_rate AS item_repeat_rate, b.owner, b.status_changed_at, b.status_changed_by,"
        + " b.dismissed_reason, b.done_at, b.verification::text AS verification, "
        + InsightReader.columns("i")
        + " FROM backlog_items b JOIN insights i ON i.insight_id = b.latest_insight_id";
  }

  /**
   * The top {@code limit} items whose status is one of {@code statuses} (all when empty), in rank
   * order; never null.
   */
  public List<BacklogItem> ranked(int limit, Collection<String> statuses) {
    String sql = select
        + (statuses.isEmpty() ? "" : " WHERE b.status = ANY (:statuses)")
        + " ORDER BY value_at_stake DESC, b.last_seen_at DESC, b.item_id LIMIT :limit";
    return db.read(h -> {
      var query = h.createQuery(sql).bind("limit", limit);
      if (!statuses.isEmpty()) {
        query.bindArray("statuses", String.class, List.copyOf(statuses));
      }
      return query.map((rs, ctx) -> read(rs)).list();
    });
  }

  /** One item; empty when there is none with this id. */
  public Optional<BacklogItem> item(String itemId) {
    return db.read(h -> h.createQuery(select + " WHERE b.item_id = :itemId")
        .bind("itemId", itemId).map((rs, ctx) -> read(rs)).findOne());
  }

  /** The insights behind an item, latest first; never null. */
  public List<InsightRow> insights(String itemId, int limit) {
    return db.read(h -> h.createQuery("SELECT " + InsightReader.columns("i")
            + " FROM backlog_item_insights l JOIN insights i ON i.insight_id = l.insight_id"
            + " WHERE l.item_id = :itemId ORDER BY i.detected_at DESC, i.insight_id LIMIT :limit")
        .bind("itemId", itemId).bind("limit", limit)
        .map((rs, ctx) -> InsightReader.read(rs)).list());
  }

  /** Every change to an item, oldest first; never null. */
  public List<BacklogEvent> history(String itemId) {
    return db.read(h -> h.createQuery("SELECT event_id, at, actor, action, from_status, to_status,"
            + " detail FROM backlog_events WHERE item_id = :itemId ORDER BY event_id")
        .bind("itemId", itemId)
        .map((rs, ctx) -> new BacklogEvent(rs.getLong("event_id"), Sql.getInstant(rs, "at"),
            rs.getString("actor"), rs.getString("action"), rs.getString("from_status"),
            rs.getString("to_status"), rs.getString("detail")))
        .list());
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
