package nl.waarom.sink.db;

import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Selects the backlog items to export: {@code backlog_items} joined with each item's latest
 * {@code insights} row, filtered by status and minimum cost, highest value at stake first (the
 * board's order). Thread-safe.
 */
public final class ExportStore {
  private final Db db;
  private final String select;

  /** @param rank the board's order: the exporter takes the items of highest value first */
  public ExportStore(DataSource dataSource, ValueAtStake rank) {
    this.db = new Db(dataSource);
    this.select = "SELECT b.item_id, b.title, b.kind AS item_kind,"
        + " b.status AS item_status, b.insight_count, b.estimated_cost AS item_cost,"
        + " b.preventability AS item_preventability, " + InsightReader.columns("i")
        + " FROM backlog_items b JOIN insights i ON i.insight_id = b.latest_insight_id"
        + " WHERE ((cardinality(:statuses::text[]) = 0 AND lower(b.status) <> 'dismissed')"
        + "        OR lower(b.status) = ANY(:statuses::text[]))"
        + " AND (:minCost <= 0 OR b.estimated_cost >= :minCost)"
        + " ORDER BY " + rank.sql() + " DESC, b.item_id LIMIT :limit";
  }

  /**
   * The items to export in rank order; never null.
   *
   * @param statuses lower-case statuses to export; empty for every status but dismissed
   * @param minCost smallest estimated cost; 0 or less for any
   */
  public List<ExportItem> candidates(Set<String> statuses, double minCost, int limit) {
    return db.read(h -> h.createQuery(select)
        .bindArray("statuses", String.class, List.copyOf(statuses))
        .bind("minCost", minCost)
        .bind("limit", limit)
        .map((rs, ctx) -> new ExportItem(rs.getString("item_id"), rs.getString("title"),
            rs.getString("item_kind"), rs.getString("item_status"), rs.getInt("insight_count"),
            Sql.getDouble(rs, "item_cost"), rs.getString("item_preventability"),
            InsightReader.read(rs)))
        .list());
  }
}
