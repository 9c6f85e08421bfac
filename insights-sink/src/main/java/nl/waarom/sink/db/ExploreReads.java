package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads what the team's workspace shows for a chosen period: figures per reason from the
 * 60-minute rows of {@code reason_trends} (every channel or one) or, for a queue, from the
 * {@code contacts} of the retention window (only they carry the queue); a reason's series at
 * 1-minute, 60-minute or day resolution with its baseline; the words and attributes of contacts
 * for the contrast of a reason with all others; its newest contacts; and the taxonomy version in
 * force ({@code taxonomy_versions}, {@code taxonomy_reasons}). Thread-safe.
 */
public final class ExploreReads {
  /** The reason of contacts no reason explained, as {@code reason_trends} spells it. */
  public static final String UNEXPLAINED = "unexplained";

  private final Db db;

  /** @param dataSource never null */
  public ExploreReads(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * What one reason's contacts add up to in a period.
   *
   * @param reasonId the reason, or {@link #UNEXPLAINED}
   * @param contacts contacts with this primary reason
   * @param handleCount of those, the contacts with a handle time
   * @param handleMillis their handle time, in total
   * @param repeats repeat contacts (trends: counted back into the first contact's window;
   *     contacts: the contacts that repeat an earlier one)
   * @param sentimentCount contacts with a sentiment
   * @param negativeCount of those, the negative ones
   * @param callbacks contacts whose customer asked to be called back (contacts: those known to
   *     have asked; a contact stored before callback requests were kept counts as not asking)
   */
  public record ReasonTotals(String reasonId, long contacts, long handleCount, long handleMillis,
      long repeats, long sentimentCount, long negativeCount, long callbacks) {
    /** Totals without callback requests. */
    public ReasonTotals(String reasonId, long contacts, long handleCount, long handleMillis,
        long repeats, long sentimentCount, long negativeCount) {
      this(reasonId, contacts, handleCount, handleMillis, repeats, sentimentCount, negativeCount,
          0);
    }
  }

  /**
   * One point of a reason's series.
   *
   * @param start never null
   * @param count contacts
   * @param baseline expected contacts; null when no channel had one
   */
  public record Point(Instant start, long count, Double baseline) {}


  /** The taxonomy in force as the analyzer loaded it. */
  public record TaxonomyText(String version, String yaml) {}

  /**
   * How often a feature (a word, or {@code key=value} of an attribute) occurs.
   *
   * @param inReason contacts of the reason with it
   * @param total contacts with it
   */
  public record FeatureCount(String kind, String feature, long inReason, long total) {}

  /**
   * A contact of a reason.
   *
   * @param snippet the start of its redacted words; may be null
   * @param evidence the words that gave it the reason; never null
   */
  public record ContactRow(String contactId, Instant occurredAt, String channel, String queue,
      String snippet, List<String> evidence) {}

  private static final String TREND_TOTALS = "SELECT reason_id, sum(count)::bigint AS contacts,"
      + " sum(handle_count)::bigint AS handle_count,"
      + " sum(handle_millis_total)::bigint AS handle_millis,"
      + " sum(repeat_count)::bigint AS repeats, sum(sentiment_count)::bigint AS sentiment_count,"
      + " sum(negative_count)::bigint AS negative_count,"
      + " sum(callback_count)::bigint AS callbacks FROM <trends>"
      + " WHERE window_minutes = 60 AND window_start >= :from AND window_start < :to"
      + " AND (CAST(:channel AS text) IS NULL OR channel = :channel)"
      + " GROUP BY reason_id HAVING sum(count) > 0";

  /**
   * The table figures come from: {@code reason_trends} as the analyzer counted them, or the rows
   * of one re-score run.
   */
  private static String trends(String runId) {
    return runId == null ? "reason_trends"
        : "(SELECT * FROM rescored_trends WHERE run_id = :run) AS t";
  }

  private static final String CONTACT_TOTALS = "SELECT COALESCE(primary_reason_id, '"
      + UNEXPLAINED + "') AS reason_id, count(*) AS contacts,"
      + " count(handle_millis) AS handle_count, COALESCE(sum(handle_millis), 0)::bigint"
      + " AS handle_millis, count(repeat_of) AS repeats,"
      + " count(customer_negative) AS sentiment_count,"
      + " count(*) FILTER (WHERE customer_negative) AS negative_count,"
      + " count(*) FILTER (WHERE callback_requested) AS callbacks FROM contacts"
      + " WHERE taxonomy_version IS NOT NULL AND occurred_at >= :from AND occurred_at < :to"
      + " AND (CAST(:channel AS text) IS NULL OR channel = :channel) AND queue = :queue"
      + " GROUP BY 1";

  /**
   * Totals per reason from the 60-minute rows of a re-score run, or with {@code runId} null from
   * the trend rows the analyzer counted.
   */
  public List<ReasonTotals> trendTotals(Instant from, Instant to, String channel, String runId) {
    return totals(TREND_TOTALS.replace("<trends>", trends(runId)), from, to, channel, null,
        runId);
  }

  /** Totals per reason of the classified contacts routed to {@code queue}; channel may be null. */
  public List<ReasonTotals> contactTotals(Instant from, Instant to, String channel,
      String queue) {
    return totals(CONTACT_TOTALS, from, to, channel, queue, null);
  }

  private List<ReasonTotals> totals(String sql, Instant from, Instant to, String channel,
      String queue, String runId) {
    return db.read(h -> {
      var q = h.createQuery(sql).bind("from", from).bind("to", to).bind("channel", channel);
      if (queue != null) {
        q.bind("queue", queue);
      }
      if (runId != null) {
        q.bind("run", runId);
      }
      return q.map((rs, ctx) -> new ReasonTotals(rs.getString("reason_id"),
          rs.getLong("contacts"), rs.getLong("handle_count"), rs.getLong("handle_millis"),
          rs.getLong("repeats"), rs.getLong("sentiment_count"), rs.getLong("negative_count"),
          rs.getLong("callbacks")))
          .list();
    });
  }

  /** The oldest contact the sink still keeps; empty when it keeps none. */
  public Optional<Instant> oldestContact() {
    return db.read(h -> h.createQuery("SELECT min(occurred_at) FROM contacts")
        .mapTo(Instant.class).findOne());
  }

  /** The queues of the contacts kept, most contacts first (at most 50); never null. */
  public List<String> queues() {
    return db.read(h -> h.createQuery("SELECT queue FROM contacts WHERE queue IS NOT NULL"
        + " GROUP BY queue ORDER BY count(*) DESC, queue LIMIT 50").mapTo(String.class).list());
  }

  /**
   * One reason's series in [from, to), oldest first: the rows of {@code windowMinutes} (1 or
   * 60), or with {@code days} the 60-minute rows summed per UTC day. Windows without a row are
   * absent.
   */
  public List<Point> series(String reasonId, int windowMinutes, boolean days, Instant from,
      Instant to, String channel, String runId) {
    String bucket = days ? "date_trunc('day', window_start AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'"
        : "window_start";
    String sql = "SELECT " + bucket + " AS start, sum(count)::bigint AS count, "
        + (runId == null ? "sum(baseline)" : "NULL::double precision") + " AS baseline FROM "
        + trends(runId) + " WHERE reason_id = :reason"
        + " AND window_minutes = :minutes AND window_start >= :from AND window_start < :to"
        + " AND (CAST(:channel AS text) IS NULL OR channel = :channel)"
        + " GROUP BY 1 ORDER BY 1";
    return db.read(h -> {
      var q = h.createQuery(sql).bind("reason", reasonId)
          .bind("minutes", days ? 60 : windowMinutes).bind("from", from).bind("to", to)
          .bind("channel", channel);
      if (runId != null) {
        q.bind("run", runId);
      }
      return q.map((rs, ctx) -> new Point(Sql.getInstant(rs, "start"), rs.getLong("count"),
          Sql.getDouble(rs, "baseline"))).list();
    });
  }

  /**
   * How many contacts a taxonomy version classified.
   *
   * @param version null for contacts kept without a classification
   */
  public record VersionCount(String version, long contacts) {}

  /** The taxonomy versions that classified the contacts kept of [from, to), most contacts first. */
  public List<VersionCount> versions(Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT taxonomy_version, count(*) AS contacts FROM contacts"
            + " WHERE occurred_at >= :from AND occurred_at < :to AND taxonomy_version IS NOT NULL"
            + " GROUP BY 1 ORDER BY 2 DESC, 1")
        .bind("from", from).bind("to", to)
        .map((rs, ctx) -> new VersionCount(rs.getString(1), rs.getLong(2))).list());
  }

  /** Classified contacts in [from, to) and those of {@code reasonId} among them. */
  public record Population(long total, long inReason) {}

  /** How many classified contacts the period holds, and how many of them have the reason. */
  public Population population(String reasonId, Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT count(*) AS total,"
            + " count(*) FILTER (WHERE primary_reason_id = :reason) AS in_reason FROM contacts"
            + " WHERE taxonomy_version IS NOT NULL AND occurred_at >= :from AND occurred_at < :to")
        .bind("reason", reasonId).bind("from", from).bind("to", to)
        .map((rs, ctx) -> new Population(rs.getLong("total"), rs.getLong("in_reason"))).one());
  }

  /**
   * The words ({@code contacts.terms}) and attributes (attributes, queue, IVR path, channel) of
   * the classified contacts in [from, to) that at least one contact of the reason has, with how
   * many contacts of the reason and in all have each.
   */
  public List<FeatureCount> features(String reasonId, Instant from, Instant to) {
    String sql = "WITH c AS (SELECT contact_id, primary_reason_id = :reason AS mine, terms,"
        + " attributes, queue, ivr_path, channel FROM contacts WHERE taxonomy_version IS NOT NULL"
        + " AND occurred_at >= :from AND occurred_at < :to),"
        + " f AS (SELECT DISTINCT contact_id, mine, 'TERM' AS kind, t AS feature"
        + "   FROM c, jsonb_array_elements_text(c.terms) AS t"
        + " UNION ALL SELECT contact_id, mine, 'ATTRIBUTE', a.key || '=' || a.value"
        + "   FROM c, jsonb_each_text(c.attributes) AS a"
        + " UNION ALL SELECT contact_id, mine, 'ATTRIBUTE', 'queue=' || queue FROM c"
        + "   WHERE queue IS NOT NULL"
        + " UNION ALL SELECT contact_id, mine, 'ATTRIBUTE', 'ivrPath=' || ivr_path FROM c"
        + "   WHERE ivr_path IS NOT NULL"
        + " UNION ALL SELECT contact_id, mine, 'ATTRIBUTE', 'channel=' || channel FROM c)"
        + " SELECT kind, feature, count(*) FILTER (WHERE mine) AS in_reason, count(*) AS total"
        + " FROM f GROUP BY kind, feature HAVING count(*) FILTER (WHERE mine) > 0";
    return db.read(h -> h.createQuery(sql).bind("reason", reasonId).bind("from", from)
        .bind("to", to)
        .map((rs, ctx) -> new FeatureCount(rs.getString("kind"), rs.getString("feature"),
            rs.getLong("in_reason"), rs.getLong("total")))
        .list());
  }

  /** The newest {@code limit} contacts of the reason in [from, to), newest first. */
  public List<ContactRow> newestContacts(String reasonId, Instant from, Instant to, int limit) {
    String sql = "SELECT contact_id, occurred_at, channel, queue, left(search_text, 240) AS snippet,"
        + " COALESCE((SELECT jsonb_agg(DISTINCT e ->> 'term') FROM jsonb_array_elements(reasons -> 0"
        + " -> 'evidence') AS e), '[]')::text AS evidence FROM contacts"
        + " WHERE primary_reason_id = :reason AND occurred_at >= :from AND occurred_at < :to"
        + " ORDER BY occurred_at DESC, contact_id LIMIT :limit";
    return db.read(h -> h.createQuery(sql).bind("reason", reasonId).bind("from", from)
        .bind("to", to).bind("limit", limit)
        .map((rs, ctx) -> new ContactRow(rs.getString("contact_id"),
            Sql.getInstant(rs, "occurred_at"), rs.getString("channel"), rs.getString("queue"),
            rs.getString("snippet"), Json.readStrings(rs.getString("evidence"))))
        .list());
  }

  /** The document of the taxonomy version in force; empty before the analyzer published one. */
  public Optional<TaxonomyText> taxonomyInForce() {
    return db.read(h -> h.createQuery("SELECT version, yaml FROM taxonomy_versions"
            + " ORDER BY published_at DESC, version DESC LIMIT 1")
        .map((rs, ctx) -> new TaxonomyText(rs.getString("version"), rs.getString("yaml")))
        .findOne());
  }
}
