package nl.waarom.sink.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The tables of re-score runs ({@code rescore_runs}, {@code rescored_trends}, migration V13): runs
 * queued by editors, claimed and finished by the job, their figures written and read back, and the
 * contacts a run reads. Thread-safe.
 */
public final class RescoreStore {
  private static final int FETCH = 1000;
  private static final String RUN_COLUMNS = "run_id, taxonomy_version, period_from, period_to,"
      + " requested_by, requested_at, status, started_at, finished_at, expected, contacts_read, rescored,"
      + " kept, changed, corrected, error, attempt";

  private final Db db;

  /** @param dataSource never null */
  public RescoreStore(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** What a run is doing. */
  public enum Status {
    QUEUED, RUNNING, DONE, FAILED;

    String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static Status of(String sql) {
      return valueOf(sql.toUpperCase(java.util.Locale.ROOT));
    }
  }

  /**
   * One run, as stored.
   *
   * @param expected contacts it reads; null until it started
   * @param error why it failed; null unless FAILED
   * @param attempt the current attempt's token, set by {@link #claim}; null while queued
   */
  public record Run(String runId, String taxonomyVersion, Instant from, Instant to,
      String requestedBy, Instant requestedAt, Status status, Instant startedAt,
      Instant finishedAt, Long expected, long read, long rescored, long kept, long changed,
      long corrected, String error, String attempt) {
    public Run {
      Objects.requireNonNull(runId, "runId");
      Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * Queues a run of [from, to) under {@code version}, unless a queued or running run of that
   * version already covers it: then that one is returned.
   *
   * @return the run that will compute the period; never null
   */
  public Run queue(String runId, String version, Instant from, Instant to, String actor,
      Instant now) {
    return db.inTransaction(h -> {
      // one request at a time decides whether a covering run exists
      h.execute("LOCK TABLE rescore_runs IN SHARE ROW EXCLUSIVE MODE");
      Optional<Run> pending = h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs"
              + " WHERE taxonomy_version = :version AND status IN ('queued', 'running')"
              + " AND period_from <= :from AND period_to >= :to ORDER BY requested_at LIMIT 1")
          .bind("version", version).bind("from", from).bind("to", to)
          .map((rs, ctx) -> run(rs)).findOne();
      if (pending.isPresent()) {
        return pending.get();
      }
      h.createUpdate("INSERT INTO rescore_runs (run_id, taxonomy_version, period_from,"
              + " period_to, requested_by, requested_at) VALUES (:id, :version, :from, :to,"
              + " :actor, :now)")
          .bind("id", runId).bind("version", version).bind("from", from).bind("to", to)
          .bind("actor", actor).bind("now", now).execute();
      return h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs WHERE run_id = :id")
          .bind("id", runId).map((rs, ctx) -> run(rs)).one();
    });
  }

  /** One run. */
  public Optional<Run> run(String runId) {
    return db.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs"
        + " WHERE run_id = :id").bind("id", runId).map((rs, ctx) -> run(rs)).findOne());
  }

  /** The newest runs first, at most {@code limit}. */
  public List<Run> newest(int limit) {
    return db.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs"
            + " ORDER BY requested_at DESC, run_id LIMIT :limit").bind("limit", limit)
        .map((rs, ctx) -> run(rs)).list());
  }

  /**
   * The figures to show for [from, to) under {@code version}: the run that finished last among
   * the done runs of that version covering the whole of it.
   */
  public Optional<Run> covering(String version, Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs"
            + " WHERE taxonomy_version = :version AND status = 'done' AND period_from <= :from"
            + " AND period_to >= :to ORDER BY finished_at DESC, run_id LIMIT 1")
        .bind("version", version).bind("from", from).bind("to", to)
        .map((rs, ctx) -> run(rs)).findOne());
  }

  /** Queued or running runs of {@code version} whose period overlaps [from, to), oldest first. */
  public List<Run> pending(String version, Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs"
            + " WHERE taxonomy_version = :version AND status IN ('queued', 'running')"
            + " AND period_from < :to AND period_to > :from ORDER BY requested_at")
        .bind("version", version).bind("from", from).bind("to", to)
        .map((rs, ctx) -> run(rs)).list());
  }

  /**
   * The run to work on next: one left running (its leader stopped or lost the lead; it starts
   * over), else the oldest queued. Marks it running and clears what an earlier attempt wrote.
   */
  public Optional<Run> claim(Instant now) {
    return db.inTransaction(h -> {
      Optional<String> next = h.createQuery("SELECT run_id FROM rescore_runs"
              + " WHERE status IN ('queued', 'running')"
              + " ORDER BY status = 'running' DESC, requested_at, run_id LIMIT 1 FOR UPDATE")
          .mapTo(String.class).findOne();
      if (next.isEmpty()) {
        return Optional.<Run>empty();
      }
      h.createUpdate("DELETE FROM rescored_trends WHERE run_id = :id").bind("id", next.get())
          .execute();
      h.createUpdate("UPDATE rescore_runs SET status = 'running', started_at = :now,"
              + " finished_at = NULL, expected = NULL, contacts_read = 0, rescored = 0, kept = 0,"
              + " changed = 0, corrected = 0, error = NULL, attempt = :attempt WHERE run_id = :id")
          .bind("id", next.get()).bind("now", now)
          .bind("attempt", java.util.UUID.randomUUID().toString()).execute();
      return h.createQuery("SELECT " + RUN_COLUMNS + " FROM rescore_runs WHERE run_id = :id")
          .bind("id", next.get()).map((rs, ctx) -> run(rs)).findOne();
    });
  }

  /** Records how many contacts a running attempt reads. */
  public void expect(Run run, long expected) {
    db.read(h -> h.createUpdate("UPDATE rescore_runs SET expected = :n WHERE run_id = :id"
            + " AND attempt = :attempt")
        .bind("n", expected).bind("id", run.runId()).bind("attempt", run.attempt()).execute());
  }

  /** Records a running attempt's progress. */
  public void progress(Run run, long read) {
    db.read(h -> h.createUpdate("UPDATE rescore_runs SET contacts_read = :read WHERE run_id = :id"
            + " AND status = 'running' AND attempt = :attempt")
        .bind("read", read).bind("id", run.runId()).bind("attempt", run.attempt()).execute());
  }

  /** Records why a run failed, unless another attempt claimed it since. */
  public void fail(Run run, String error, Instant now) {
    db.read(h -> h.createUpdate("UPDATE rescore_runs SET status = 'failed', finished_at = :now,"
            + " error = :error WHERE run_id = :id AND attempt = :attempt")
        .bind("id", run.runId()).bind("attempt", run.attempt()).bind("error", error)
        .bind("now", now).execute());
  }

  /**
   * A run's figures: one window of one reason on one channel.
   *
   * @param windowMinutes 1 or 60
   */
  public record Window(String reasonId, String channel, int windowMinutes, Instant start,
      long count, long handleCount, long handleMillis, long repeats, long sentimentCount,
      long negativeCount, long callbacks) {}

  /** Thrown when a run was claimed again since this attempt started: it must stop. */
  public static final class Superseded extends RuntimeException {
    Superseded(String runId) {
      super("re-score " + runId + " was claimed again by another attempt", null, false, false);
    }
  }

  /**
   * Adds windows of a running run (the 1-minute rows, written as the run goes).
   *
   * @throws Superseded when the run was claimed again since {@code run} was
   */
  public void write(Run run, Collection<Window> windows) {
    if (windows.isEmpty()) {
      return;
    }
    db.useTransaction(h -> {
      current(h, run);
      insert(h, run.runId(), windows);
    });
  }

  /** Locks the run's row and checks that {@code run}'s attempt is still the current one. */
  private static void current(Handle h, Run run) {
    boolean same = h.createQuery("SELECT attempt = :attempt AND status = 'running'"
            + " FROM rescore_runs WHERE run_id = :id FOR UPDATE")
        .bind("id", run.runId()).bind("attempt", run.attempt()).mapTo(Boolean.class)
        .findOne().orElse(false);
    if (!same) {
      throw new Superseded(run.runId());
    }
  }

  /** How many contacts a run read, classified anew, kept and changed. */
  public record Tally(long read, long rescored, long kept, long changed, long corrected) {}

  /**
   * Writes the last windows of a run and marks it done, in one transaction.
   *
   * @throws Superseded when the run was claimed again since {@code run} was
   */
  public void finish(Run run, Collection<Window> windows, Tally tally, Instant now) {
    String runId = run.runId();
    db.useTransaction(h -> {
      current(h, run);
      insert(h, runId, windows);
      h.createUpdate("UPDATE rescore_runs SET status = 'done', finished_at = :now, contacts_read = :read,"
              + " rescored = :rescored, kept = :kept, changed = :changed,"
              + " corrected = :corrected WHERE run_id = :id")
          .bind("id", runId).bind("now", now).bind("read", tally.read())
          .bind("rescored", tally.rescored()).bind("kept", tally.kept())
          .bind("changed", tally.changed()).bind("corrected", tally.corrected()).execute();
    });
  }

  private static void insert(Handle h, String runId, Collection<Window> windows) {
    PreparedBatch batch = h.prepareBatch("INSERT INTO rescored_trends (run_id, reason_id,"
        + " channel, window_minutes, window_start, window_end, count, handle_count,"
        + " handle_millis_total, repeat_count, sentiment_count, negative_count, callback_count)"
        + " VALUES (:run, :reason, :channel, :minutes, :start, :end, :count, :handleCount,"
        + " :handleMillis, :repeats, :sentiment, :negative, :callbacks)");
    for (Window w : windows) {
      batch.bind("run", runId).bind("reason", w.reasonId()).bind("channel", w.channel())
          .bind("minutes", w.windowMinutes()).bind("start", w.start())
          .bind("end", w.start().plusSeconds(60L * w.windowMinutes()))
          .bind("count", w.count()).bind("handleCount", w.handleCount())
          .bind("handleMillis", w.handleMillis()).bind("repeats", w.repeats())
          .bind("sentiment", w.sentimentCount()).bind("negative", w.negativeCount())
          .bind("callbacks", w.callbacks()).add();
    }
    batch.execute();
  }

  /**
   * A kept contact as a re-score reads it.
   *
   * @param words its words, for the classifier; null when only its classification arrived
   * @param customerKey may be null
   * @param handleMillis may be null
   * @param customerNegative null when the customer said nothing (or no classification arrived)
   * @param callbackRequested whether the customer asked to be called back
   * @param classified whether a classification arrived for it
   * @param primary its primary reason then (a correction applied); null when unexplained
   * @param secondaries its other reasons then; never null
   * @param corrected whether an editor corrected it
   * @param correctedReason the latest correction's reason; null for "none of these"
   */
  public record Contact(String contactId, String channel, Instant occurredAt,
      NewestContacts.Row words, String customerKey, Long handleMillis, Boolean customerNegative,
      boolean callbackRequested, boolean classified, String primary, List<String> secondaries, boolean corrected,
      String correctedReason) {}

  /** How many kept contacts occurred in [from, to). */
  public long count(Instant from, Instant to) {
    return db.read(h -> h.createQuery("SELECT count(*) FROM contacts WHERE occurred_at >= :from"
        + " AND occurred_at < :to").bind("from", from).bind("to", to).mapTo(Long.class).one());
  }

  /**
   * Hands every kept contact that occurred in [from, to) to {@code each} in event-time order
   * (occurredAt, then contactId), on the calling thread, fetched in pages through a cursor.
   */
  public void forEach(Instant from, Instant to, Consumer<Contact> each) {
    db.read(h -> {
      h.begin(); // a PostgreSQL cursor needs a transaction; read-only, it changes nothing
      try {
        h.createQuery("SELECT c.contact_id, c.channel, c.occurred_at, c.language, c.queue,"
                + " c.attributes::text AS attributes, c.subject, c.turns::text AS turns,"
                + " c.customer_key, c.handle_millis, c.customer_negative,"
                + " COALESCE(c.callback_requested, false) AS callback_requested,"
                + " c.taxonomy_version IS NOT NULL AS classified, c.primary_reason_id,"
                + " c.reasons::text AS reasons, k.contact_id IS NOT NULL AS corrected,"
                + " k.reason_id AS corrected_reason FROM contacts c LEFT JOIN LATERAL"
                + " (SELECT contact_id, reason_id FROM corrections WHERE contact_id ="
                + " c.contact_id ORDER BY corrected_at DESC, correction_id DESC LIMIT 1) k ON true"
                + " WHERE c.occurred_at >= :from AND c.occurred_at < :to"
                + " ORDER BY c.occurred_at, c.contact_id")
            .bind("from", from).bind("to", to).setFetchSize(FETCH)
            .map((rs, ctx) -> {
              String subject = rs.getString("subject");
              String turns = rs.getString("turns");
              Instant at = Sql.getInstant(rs, "occurred_at");
              NewestContacts.Row words = subject == null && turns == null ? null
                  : new NewestContacts.Row(rs.getString("contact_id"), rs.getString("channel"),
                      at, rs.getString("language"), rs.getString("queue"),
                      rs.getString("attributes"), subject, turns);
              long handle = rs.getLong("handle_millis");
              Long handleMillis = rs.wasNull() ? null : handle;
              boolean negative = rs.getBoolean("customer_negative");
              Boolean customerNegative = rs.wasNull() ? null : negative;
              List<String> reasons = reasonIds(rs.getString("reasons"));
              return new Contact(rs.getString("contact_id"), rs.getString("channel"), at, words,
                  rs.getString("customer_key"), handleMillis, customerNegative,
                  rs.getBoolean("callback_requested"), rs.getBoolean("classified"), rs.getString("primary_reason_id"),
                  reasons.isEmpty() ? List.of() : reasons.subList(1, reasons.size()),
                  rs.getBoolean("corrected"), rs.getString("corrected_reason"));
            })
            .useStream(rows -> rows.forEach(each));
      } finally {
        h.rollback();
      }
      return null;
    });
  }

  private static List<String> reasonIds(String json) {
    if (json == null || json.isBlank()) {
      return List.of();
    }
    try {
      List<String> ids = new ArrayList<>();
      for (JsonNode r : Json.mapper().readTree(json)) {
        if (r.hasNonNull("reasonId")) {
          ids.add(r.get("reasonId").asText());
        }
      }
      return ids;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable reasons column: " + json, e);
    }
  }

  private static Run run(java.sql.ResultSet rs) throws java.sql.SQLException {
    long expected = rs.getLong("expected");
    Long exp = rs.wasNull() ? null : expected;
    return new Run(rs.getString("run_id"), rs.getString("taxonomy_version"),
        Sql.getInstant(rs, "period_from"), Sql.getInstant(rs, "period_to"),
        rs.getString("requested_by"), Sql.getInstant(rs, "requested_at"),
        Status.of(rs.getString("status")), Sql.getInstant(rs, "started_at"),
        Sql.getInstant(rs, "finished_at"), exp, rs.getLong("contacts_read"), rs.getLong("rescored"),
        rs.getLong("kept"), rs.getLong("changed"), rs.getLong("corrected"),
        rs.getString("error"), rs.getString("attempt"));
  }
}
