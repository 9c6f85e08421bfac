package nl.waarom.sink.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads {@code insights} rows: the most recent ones, and the mapping of the insight columns (also
 * used by the queries that join an item with its latest insight).
 */
public final class InsightReader {
  private static final String LATEST = "SELECT " + columns("i") + " FROM insights i"
      + " ORDER BY i.detected_at DESC, i.insight_id LIMIT :limit";

  private final Db db;

  /** @param dataSource never null */
  public InsightReader(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** The insight columns, qualified with a table alias, for SELECT lists. */
  static String columns(String alias) {
    String p = alias + ".";
    return p + "insight_id, " + p + "kind, " + p + "reason_id, " + p + "candidate_terms, "
        + p + "window_start, " + p + "window_end, " + p + "count, " + p + "baseline, "
        + p + "channels, " + p + "examples::text AS examples, " + p + "estimated_cost, "
        + p + "preventability, " + p + "detected_at, " + p + "summary, " + p + "reason_name, "
        + p + "signals::text AS signals, " + p + "weekly_volume, " + p + "avg_handle_minutes, "
        + p + "cost_per_minute, " + p + "repeat_rate, " + p + "score, " + p + "growth_rate, "
        + p + "drafted_rule, " + p + "excess_contacts, " + p + "episode_cost, "
        + p + "excess_per_hour";
  }

  /** The insight of the current row; never null. */
  static InsightRow read(ResultSet rs) throws SQLException {
    return new InsightRow(
        rs.getString("insight_id"),
        rs.getString("kind"),
        rs.getString("reason_id"),
        Sql.getTextArray(rs, "candidate_terms"),
        Sql.getInstant(rs, "window_start"),
        Sql.getInstant(rs, "window_end"),
        rs.getLong("count"),
        rs.getDouble("baseline"),
        Sql.getTextArray(rs, "channels"),
        Json.readExamples(rs.getString("examples")),
        Sql.getDouble(rs, "estimated_cost"),
        rs.getString("preventability"),
        Sql.getInstant(rs, "detected_at"),
        rs.getString("summary"),
        new InsightDetails(rs.getString("reason_name"), Json.readSignals(rs.getString("signals")),
            Sql.getDouble(rs, "weekly_volume"), Sql.getDouble(rs, "avg_handle_minutes"),
            Sql.getDouble(rs, "cost_per_minute"), Sql.getDouble(rs, "repeat_rate"),
            Sql.getDouble(rs, "score"), Sql.getDouble(rs, "growth_rate"),
            rs.getString("drafted_rule"), Sql.getDouble(rs, "excess_contacts"),
            Sql.getDouble(rs, "episode_cost"), Sql.getDouble(rs, "excess_per_hour")));
  }

  /** The most recently detected insights, newest first; never null. */
  public List<InsightRow> latest(int limit) {
    return db.read(h -> h.createQuery(LATEST).bind("limit", limit)
        .map((rs, ctx) -> read(rs)).list());
  }
}
