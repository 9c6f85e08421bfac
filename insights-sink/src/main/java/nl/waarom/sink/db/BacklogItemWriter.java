package nl.waarom.sink.db;

import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Keeps {@code backlog_items} up to date as insights are stored, in the same transaction as the
 * insight row. {@code insight_count} grows only when the insight row was newly inserted, so a
 * re-delivered insight is not counted twice. The "latest" insight is the one with the latest
 * {@code detected_at} (ties: the one stored last), so replaying out of order still converges;
 * estimated cost and preventability follow the latest insight. {@code status} is never overwritten:
 * it belongs to the team.
 */
final class BacklogItemWriter {
  private static final String UPSERT = "INSERT INTO backlog_items AS b (item_id, reason_id,"
      + " candidate_terms, kind, title, latest_insight_id, latest_detected_at, insight_count,"
      + " first_seen_at, last_seen_at, estimated_cost, preventability, reason_name, weekly_volume,"
      + " avg_handle_minutes, cost_per_minute, repeat_rate, excess_contacts)"
      + " VALUES (:itemId, :reasonId, :terms, :kind, :title, :insightId, :detectedAt, 1,"
      + " :detectedAt, :detectedAt, :estimatedCost, :preventability, :reasonName, :weeklyVolume,"
      + " :avgHandleMinutes, :costPerMinute, :repeatRate, :excessContacts)"
      + " ON CONFLICT (item_id) DO UPDATE SET"
      + " insight_count = b.insight_count + :added,"
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
      + latestWins("excess_contacts") + ","
      + " repeat_rate = CASE WHEN EXCLUDED.latest_detected_at >= b.latest_detected_at"
      + " THEN COALESCE(EXCLUDED.repeat_rate, b.repeat_rate) ELSE b.repeat_rate END,"
      + " latest_detected_at = GREATEST(b.latest_detected_at, EXCLUDED.latest_detected_at)";
  private static final String LINK = "INSERT INTO backlog_item_insights (item_id, insight_id)"
      + " VALUES (:itemId, :insightId) ON CONFLICT DO NOTHING";

  private BacklogItemWriter() {}

  /**
   * Records a stored insight on its backlog item.
   *
   * @param item the item the insight belongs to; never null
   * @param row the insight as stored; never null
   * @param newInsight true when the insight row was inserted now, false when an existing insight
   *     changed (an unchanged insight need not be recorded at all)
   */
  static void record(Handle h, BatchWriter.ItemKey item, InsightRow row, boolean newInsight) {
    InsightDetails d = row.details();
    h.createUpdate(UPSERT)
        .bind("itemId", item.itemId())
        .bind("reasonId", item.reasonId())
        .bindArray("terms", String.class, item.terms())
        .bind("kind", row.kind())
        .bind("title", item.title())
        .bind("insightId", row.insightId())
        .bindByType("detectedAt", row.detectedAt(), Instant.class)
        .bind("estimatedCost", row.estimatedCost())
        .bind("preventability", row.preventability())
        .bind("reasonName", d.reasonName())
        .bind("weeklyVolume", d.weeklyVolume())
        .bind("avgHandleMinutes", d.avgHandleMinutes())
        .bind("costPerMinute", d.costPerMinute())
        .bind("repeatRate", d.repeatRate())
        .bind("excessContacts", d.excessContacts())
        .bind("added", newInsight ? 1 : 0)
        .execute();
    h.createUpdate(LINK).bind("itemId", item.itemId()).bind("insightId", row.insightId())
        .execute();
  }

  private static String latestWins(String column) {
    return " " + column + " = CASE WHEN EXCLUDED.latest_detected_at >= b.latest_detected_at"
        + " THEN EXCLUDED." + column + " ELSE b." + column + " END";
  }
}
