package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads an {@link InsightRow} from a result set that selects the insight columns by name. */
public final class InsightReader {
  /** The insight columns, qualified with a table alias, for SELECT lists. */
  public static String columns(String alias) {
    String p = alias + ".";
    return p + "insight_id, " + p + "kind, " + p + "reason_id, " + p + "candidate_terms, "
        + p + "window_start, " + p + "window_end, " + p + "count, " + p + "baseline, "
        + p + "channels, " + p + "examples::text AS examples, " + p + "estimated_cost, "
        + p + "preventability, " + p + "detected_at, " + p + "summary, " + p + "reason_name, "
        + p + "signals::text AS signals, " + p + "weekly_volume, " + p + "avg_handle_minutes, "
        + p + "cost_per_minute, " + p + "repeat_rate, " + p + "score, " + p + "growth_rate, "
        + p + "drafted_rule";
  }

  private InsightReader() {}

  /** The insight of the current row; never null. */
  public static InsightRow read(ResultSet rs) throws SQLException {
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
            rs.getString("drafted_rule")));
  }

  /** The most recently detected insights, newest first. */
  public static List<InsightRow> latest(DataSource ds, int limit) throws SQLException {
    String sql = "SELECT " + columns("i") + " FROM insights i"
        + " ORDER BY i.detected_at DESC, i.insight_id LIMIT ?";
    try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setInt(1, limit);
      try (ResultSet rs = ps.executeQuery()) {
        List<InsightRow> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(read(rs));
        }
        return rows;
      }
    }
  }
}
