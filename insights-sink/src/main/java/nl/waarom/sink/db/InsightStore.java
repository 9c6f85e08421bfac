package nl.waarom.sink.db;

import org.jdbi.v3.core.Handle;

/**
 * Idempotent upsert of {@code insights} rows by their deterministic id. An identical re-delivery
 * matches the {@code WHERE ... IS DISTINCT FROM} guard of {@code ON CONFLICT DO UPDATE}, so the row
 * (including {@code last_seen_at}) is not touched and no row is returned; {@code xmax = 0} tells a
 * fresh insert from an update.
 */
final class InsightStore {
  /** What an upsert did. */
  enum Outcome { INSERTED, UPDATED, UNCHANGED }

  private static final String COLUMNS = "kind, reason_id, candidate_terms, window_start, window_end,"
      + " count, baseline, channels, examples, estimated_cost, preventability, detected_at, summary,"
      + " reason_name, signals, weekly_volume, avg_handle_minutes, cost_per_minute, repeat_rate,"
      + " score, growth_rate, drafted_rule, excess_contacts, episode_cost, excess_per_hour";
  private static final String UPSERT = "INSERT INTO insights AS i (insight_id, " + COLUMNS
      + ", first_seen_at, last_seen_at)"
      + " VALUES (:insightId, :kind, :reasonId, :candidateTerms, :windowStart, :windowEnd, :count,"
      + " :baseline, :channels, :examples::jsonb, :estimatedCost, :preventability, :detectedAt,"
      + " :summary, :reasonName, :signals::jsonb, :weeklyVolume, :avgHandleMinutes,"
      + " :costPerMinute, :repeatRate, :score, :growthRate, :draftedRule, :excessContacts, :episodeCost, :excessPerHour, now(), now())"
      + " ON CONFLICT (insight_id) DO UPDATE SET (" + COLUMNS + ", last_seen_at) = ("
      + prefixed("EXCLUDED.") + ", now())"
      + " WHERE (" + prefixed("i.") + ") IS DISTINCT FROM (" + prefixed("EXCLUDED.") + ")"
      + " RETURNING (xmax = 0) AS inserted";

  private InsightStore() {}

  /** Inserts or updates one insight inside the caller's transaction. */
  static Outcome upsert(Handle h, InsightRow row) {
    InsightDetails d = row.details();
    return h.createQuery(UPSERT)
        .bind("insightId", row.insightId())
        .bind("kind", row.kind())
        .bind("reasonId", row.reasonId())
        .bindArray("candidateTerms", String.class, row.candidateTerms())
        .bindByType("windowStart", row.windowStart(), java.time.Instant.class)
        .bindByType("windowEnd", row.windowEnd(), java.time.Instant.class)
        .bind("count", row.count())
        .bind("baseline", row.baseline())
        .bindArray("channels", String.class, row.channels())
        .bind("examples", row.examplesJson())
        .bind("estimatedCost", row.estimatedCost())
        .bind("preventability", row.preventability())
        .bindByType("detectedAt", row.detectedAt(), java.time.Instant.class)
        .bind("summary", row.summary())
        .bind("reasonName", d.reasonName())
        .bind("signals", d.signalsJson())
        .bind("weeklyVolume", d.weeklyVolume())
        .bind("avgHandleMinutes", d.avgHandleMinutes())
        .bind("costPerMinute", d.costPerMinute())
        .bind("repeatRate", d.repeatRate())
        .bind("score", d.score())
        .bind("growthRate", d.growthRate())
        .bind("draftedRule", d.draftedRule())
        .bind("excessContacts", d.excessContacts())
        .bind("episodeCost", d.episodeCost())
        .bind("excessPerHour", d.excessPerHour())
        .mapTo(Boolean.class).findOne()
        .map(inserted -> inserted ? Outcome.INSERTED : Outcome.UPDATED)
        .orElse(Outcome.UNCHANGED);
  }

  private static String prefixed(String prefix) {
    return prefix + COLUMNS.replace(", ", ", " + prefix);
  }
}
