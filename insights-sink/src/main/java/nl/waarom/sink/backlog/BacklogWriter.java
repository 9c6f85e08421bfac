package nl.waarom.sink.backlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Sql;

/**
 * Keeps {@code backlog_items} up to date as insights are stored, in the same transaction as the
 * insight row. {@code insight_count} grows only when the insight row was newly inserted, so a
 * re-delivered insight is not counted twice. The "latest" insight is the one with the latest
 * {@code detected_at} (ties: the one stored last), so replaying out of order still converges;
 * estimated cost and preventability follow the latest insight. {@code status} is never overwritten:
 * it belongs to the team.
 */
public final class BacklogWriter {
  private static final String UPSERT = "INSERT INTO backlog_items AS b (item_id, reason_id,"
      + " candidate_terms, kind, title, latest_insight_id, latest_detected_at, insight_count,"
      + " first_seen_at, last_seen_at, estimated_cost, preventability, reason_name, weekly_volume,"
      + " avg_handle_minutes, cost_per_minute, repeat_rate)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
      + " ON CONFLICT (item_id) DO UPDATE SET"
      + " insight_count = b.insight_count + ?,"
      + " first_seen_at = LEAST(b.first_seen_at, EXCLUDED.first_seen_at),"
      + " last_seen_at = GREATEST(b.last_seen_at, EXCLUDED.last_seen_at),"
      + " title = EXCLUDED.title,"
      + latestWins("latest_insight_id") + ","
      + latestWins("candidate_terms") + ","
      + latestWins("estimated_cost") + ","
      + latestWins("preventability") + ","
      + latestWins("reason_name") + ","
      + latestWins("weekly_volume") + ","
      + latestWins("avg_handle_minutes") + ","
      + latestWins("cost_per_minute") + ","
      + " repeat_rate = CASE WHEN EXCLUDED.latest_detected_at >= b.latest_detected_at"
      + " THEN COALESCE(EXCLUDED.repeat_rate, b.repeat_rate) ELSE b.repeat_rate END,"
      + " latest_detected_at = GREATEST(b.latest_detected_at, EXCLUDED.latest_detected_at)";

  private static final String LINK = "INSERT INTO backlog_item_insights (item_id, insight_id)"
      + " VALUES (?, ?) ON CONFLICT DO NOTHING";

  private BacklogWriter() {}

  /**
   * Records a stored insight on its backlog item.
   *
   * @param row the insight as stored; never null
   * @param newInsight true when the insight row was inserted now, false when an existing insight
   *     changed (an unchanged insight need not be recorded at all)
   */
  public static void record(Connection c, InsightRow row, boolean newInsight) throws SQLException {
    BacklogKey key = BacklogKey.of(row.kind(), row.reasonId(), row.candidateTerms(),
        row.details().reasonName());
    boolean hasReason = row.reasonId() != null && !row.reasonId().isBlank();
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      int i = 1;
      ps.setString(i++, key.itemId());
      ps.setString(i++, hasReason ? row.reasonId() : null);
      Sql.setTextArray(c, ps, i++, hasReason ? List.of() : BacklogKey.normalisedTerms(row.candidateTerms()));
      ps.setString(i++, row.kind());
      ps.setString(i++, key.title());
      ps.setString(i++, row.insightId());
      Sql.setInstant(ps, i++, row.detectedAt());
      Sql.setInstant(ps, i++, row.detectedAt());
      Sql.setInstant(ps, i++, row.detectedAt());
      Sql.setDouble(ps, i++, row.estimatedCost());
      ps.setString(i++, row.preventability());
      InsightDetails d = row.details();
      ps.setString(i++, d.reasonName());
      Sql.setDouble(ps, i++, d.weeklyVolume());
      Sql.setDouble(ps, i++, d.avgHandleMinutes());
      Sql.setDouble(ps, i++, d.costPerMinute());
      Sql.setDouble(ps, i++, d.repeatRate());
      ps.setInt(i, newInsight ? 1 : 0);
      ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement(LINK)) {
      ps.setString(1, key.itemId());
      ps.setString(2, row.insightId());
      ps.executeUpdate();
    }
  }

  private static String latestWins(String column) {
    return " " + column + " = CASE WHEN EXCLUDED.latest_detected_at >= b.latest_detected_at"
        + " THEN EXCLUDED." + column + " ELSE b." + column + " END";
  }
}
