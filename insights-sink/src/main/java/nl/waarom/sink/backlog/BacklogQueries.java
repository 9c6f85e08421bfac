package nl.waarom.sink.backlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import nl.waarom.sink.db.InsightReader;
import nl.waarom.sink.db.Sql;

/**
 * Reads the ranked backlog: items by estimated cost (highest first, unknown last), then by when
 * they were last seen (latest first), each with its latest insight.
 */
public final class BacklogQueries {
  private static final String SELECT = "SELECT b.item_id, b.title, b.kind AS item_kind,"
      + " b.reason_id AS item_reason_id, b.candidate_terms AS item_terms, b.status,"
      + " b.insight_count, b.first_seen_at AS item_first_seen_at,"
      + " b.last_seen_at AS item_last_seen_at, b.estimated_cost AS item_cost,"
      + " b.preventability AS item_preventability, " + InsightReader.columns("i")
      + " FROM backlog_items b JOIN insights i ON i.insight_id = b.latest_insight_id"
      + " ORDER BY b.estimated_cost DESC NULLS LAST, b.last_seen_at DESC, b.item_id"
      + " LIMIT ?";

  private final DataSource dataSource;

  /** @param dataSource never null */
  public BacklogQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The top {@code limit} items in rank order; never null. */
  public List<BacklogItem> ranked(int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<BacklogItem> items = new ArrayList<>();
        while (rs.next()) {
          items.add(read(rs));
        }
        return items;
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
        InsightReader.read(rs));
  }
}
