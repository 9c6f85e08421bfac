package nl.waarom.sink.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import nl.waarom.sink.db.InsightReader;
import nl.waarom.sink.db.Sql;

/**
 * Selects the backlog items to export: {@code backlog_items} joined with each item's latest
 * {@code insights} row, filtered by status and minimum cost, highest value at stake first (the
 * board's {@link nl.waarom.sink.backlog.Ranking}).
 * Stateless apart from the data source; thread-safe.
 */
final class ExportQueries {
  private static final String SELECT_TEMPLATE = "SELECT b.item_id, b.title, b.kind AS item_kind,"
      + " b.status AS item_status, b.insight_count, b.estimated_cost AS item_cost,"
      + " b.preventability AS item_preventability, " + InsightReader.columns("i")
      + " FROM backlog_items b JOIN insights i ON i.insight_id = b.latest_insight_id"
      + " WHERE ((cardinality(?::text[]) = 0 AND lower(b.status) <> 'dismissed')"
      + "        OR lower(b.status) = ANY(?::text[]))"
      + " AND (? <= 0 OR b.estimated_cost >= ?)"
      + " ORDER BY %s DESC, b.item_id LIMIT ?";

  private final DataSource dataSource;
  private final String select;

  /** @param ranking the board's ranking: the exporter takes the items of highest value first */
  ExportQueries(DataSource dataSource, nl.waarom.sink.backlog.Ranking ranking) {
    this.dataSource = dataSource;
    this.select = String.format(java.util.Locale.ROOT, SELECT_TEMPLATE, ranking.sql());
  }

  /** The items to export in rank order; never null. */
  List<ExportItem> candidates(Set<String> statuses, double minCost, int limit) throws SQLException {
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(select)) {
      List<String> st = List.copyOf(statuses);
      Sql.setTextArray(c, ps, 1, st);
      Sql.setTextArray(c, ps, 2, st);
      ps.setDouble(3, minCost);
      ps.setDouble(4, minCost);
      ps.setInt(5, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<ExportItem> items = new ArrayList<>();
        while (rs.next()) {
          items.add(new ExportItem(rs.getString("item_id"), rs.getString("title"),
              rs.getString("item_kind"), rs.getString("item_status"), rs.getInt("insight_count"),
              Sql.getDouble(rs, "item_cost"), rs.getString("item_preventability"),
              InsightReader.read(rs)));
        }
        return items;
      }
    }
  }
}
