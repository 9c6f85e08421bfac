package nl.waarom.sink.board;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.db.ExploreReads;
import nl.waarom.sink.db.RescoreStore;
import nl.waarom.sink.explore.FigureSource;

/**
 * Re-scores through the API: {@code POST /api/rescores} (editors) queues a re-score of a period
 * under the taxonomy version in force, {@code GET /api/rescores} and
 * {@code GET /api/rescores/{id}} show runs and their progress. The job
 * ({@link nl.waarom.sink.rescore.Rescorer}) runs them on the instance that leads it. Errors answer
 * JSON {@code {"error", "field"?}}.
 */
final class RescoreRoutes {
  private static final int LIST = 50;

  private final RescoreStore store;
  private final ExploreReads reads;
  private final Clock clock;

  RescoreRoutes(DataSource dataSource, Clock clock) {
    this.store = new RescoreStore(dataSource);
    this.reads = new ExploreReads(dataSource);
    this.clock = clock;
  }

  /** POST /api/rescores {"from": ISO instant, "to": ISO instant} */
  void queue(Context ctx) {
    JsonNode body = body(ctx);
    if (body == null) {
      return;
    }
    Instant from = instant(ctx, body, "from");
    Instant to = from == null ? null : instant(ctx, body, "to");
    if (from == null || to == null) {
      return;
    }
    if (!from.isBefore(to)) {
      error(ctx, 400, "to", "must be after from: " + from + " to " + to);
      return;
    }
    Optional<Instant> oldest = reads.oldestContact();
    if (oldest.isEmpty()) {
      error(ctx, 409, null, "no contacts are kept: there is nothing to re-score");
      return;
    }
    if (from.isBefore(FigureSource.earliestRescorable(oldest.get()))) {
      error(ctx, 400, "from", "the oldest contact kept occurred at " + oldest.get()
          + "; contacts before it are no longer kept (WAAROM_SINK_CONTACT_RETENTION) and cannot"
          + " be re-scored");
      return;
    }
    Optional<ExploreReads.TaxonomyText> inForce = reads.taxonomyInForce();
    if (inForce.isEmpty()) {
      error(ctx, 409, null, "no taxonomy has been published yet");
      return;
    }
    RescoreStore.Run run = store.queue(UUID.randomUUID().toString(), inForce.get().version(),
        from, to, Access.actor(ctx), clock.instant());
    BoardRoutes.json(ctx, 202, json(run));
  }

  /** GET /api/rescores */
  void list(Context ctx) {
    BoardRoutes.json(ctx, 200, Map.of("rescores", store.newest(LIST).stream()
        .map(RescoreRoutes::json).toList()));
  }

  /** GET /api/rescores/{id} */
  void one(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<RescoreStore.Run> run = store.run(id);
    if (run.isEmpty()) {
      error(ctx, 404, null, "no re-score '" + id + "'");
      return;
    }
    BoardRoutes.json(ctx, 200, json(run.get()));
  }

  static Map<String, Object> json(RescoreStore.Run r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", r.runId());
    m.put("taxonomyVersion", r.taxonomyVersion());
    m.put("from", r.from().toString());
    m.put("to", r.to().toString());
    m.put("requestedBy", r.requestedBy());
    m.put("requestedAt", r.requestedAt().toString());
    m.put("status", r.status().name().toLowerCase(Locale.ROOT));
    m.put("startedAt", r.startedAt() == null ? null : r.startedAt().toString());
    m.put("finishedAt", r.finishedAt() == null ? null : r.finishedAt().toString());
    m.put("expected", r.expected());
    m.put("read", r.read());
    m.put("rescored", r.rescored());
    m.put("kept", r.kept());
    m.put("corrected", r.corrected());
    m.put("changed", r.changed());
    m.put("error", r.error());
    return m;
  }

  private static Instant instant(Context ctx, JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || !v.isTextual()) {
      error(ctx, 400, field, "an ISO-8601 instant is required, e.g. 2026-11-30T00:00:00Z");
      return null;
    }
    try {
      return Instant.parse(v.asText().strip());
    } catch (DateTimeParseException e) {
      error(ctx, 400, field, "not an ISO-8601 instant (e.g. 2026-11-30T00:00:00Z): '"
          + v.asText() + "'");
      return null;
    }
  }

  private static JsonNode body(Context ctx) {
    return ContactRoutes.jsonBody(ctx, "{\"from\": ..., \"to\": ...}");
  }

  private static void error(Context ctx, int status, String field, String message) {
    ContactRoutes.error(ctx, status, field, message);
  }
}
