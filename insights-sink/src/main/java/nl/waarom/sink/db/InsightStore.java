package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Idempotent upsert of {@code insights} rows. An identical re-delivery matches the {@code WHERE ...
 * IS DISTINCT FROM} guard of {@code ON CONFLICT DO UPDATE}, so the row (including
 * {@code last_seen_at}) is not touched and no row is returned; {@code xmax = 0} tells a fresh
 * insert from an update.
 */
public final class InsightStore {
  /** What an upsert did. */
  public enum Outcome { INSERTED, UPDATED, UNCHANGED }

  private static final String COLUMNS = "kind, reason_id, candidate_terms, window_start, window_end,"
      + " count, baseline, channels, examples, estimated_cost, preventability, detected_at, summary,"
      + " reason_name, signals, weekly_volume, avg_handle_minutes, cost_per_minute, repeat_rate,"
      + " score, growth_rate, drafted_rule";
  private static final String EXCLUDED = "EXCLUDED.kind, EXCLUDED.reason_id, EXCLUDED.candidate_terms,"
      + " EXCLUDED.window_start, EXCLUDED.window_end, EXCLUDED.count, EXCLUDED.baseline,"
      + " EXCLUDED.channels, EXCLUDED.examples, EXCLUDED.estimated_cost, EXCLUDED.preventability,"
      + " EXCLUDED.detected_at, EXCLUDED.summary, EXCLUDED.reason_name, EXCLUDED.signals,"
      + " EXCLUDED.weekly_volume, EXCLUDED.avg_handle_minutes, EXCLUDED.cost_per_minute,"
      + " EXCLUDED.repeat_rate, EXCLUDED.score, EXCLUDED.growth_rate, EXCLUDED.drafted_rule";
  private static final String UPSERT = "INSERT INTO insights AS i (insight_id, " + COLUMNS
      + ", first_seen_at, last_seen_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?,"
      + " now(), now())"
      + " ON CONFLICT (insight_id) DO UPDATE SET (" + COLUMNS + ", last_seen_at) = (" + EXCLUDED
      + ", now())"
      + " WHERE (" + prefixed("i.") + ") IS DISTINCT FROM (" + EXCLUDED + ")"
      + " RETURNING (xmax = 0) AS inserted";

  private InsightStore() {}

  /** Inserts or updates one insight inside the caller's transaction. */
  public static Outcome upsert(Connection c, InsightRow row) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
      int i = 1;
      ps.setString(i++, row.insightId());
      ps.setString(i++, row.kind());
      ps.setString(i++, row.reasonId());
      Sql.setTextArray(c, ps, i++, row.candidateTerms());
      Sql.setInstant(ps, i++, row.windowStart());
      Sql.setInstant(ps, i++, row.windowEnd());
      ps.setLong(i++, row.count());
      ps.setDouble(i++, row.baseline());
      Sql.setTextArray(c, ps, i++, row.channels());
      ps.setString(i++, row.examplesJson());
      Sql.setDouble(ps, i++, row.estimatedCost());
      ps.setString(i++, row.preventability());
      Sql.setInstant(ps, i++, row.detectedAt());
      ps.setString(i++, row.summary());
      InsightDetails d = row.details();
      ps.setString(i++, d.reasonName());
      ps.setString(i++, d.signalsJson());
      Sql.setDouble(ps, i++, d.weeklyVolume());
      Sql.setDouble(ps, i++, d.avgHandleMinutes());
      Sql.setDouble(ps, i++, d.costPerMinute());
      Sql.setDouble(ps, i++, d.repeatRate());
      Sql.setDouble(ps, i++, d.score());
      Sql.setDouble(ps, i++, d.growthRate());
      ps.setString(i, d.draftedRule());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Outcome.UNCHANGED;
        }
        return rs.getBoolean("inserted") ? Outcome.INSERTED : Outcome.UPDATED;
      }
    }
  }

  private static String prefixed(String prefix) {
    return prefix + COLUMNS.replace(", ", ", " + prefix);
  }
}
