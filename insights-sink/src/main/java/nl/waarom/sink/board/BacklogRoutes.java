package nl.waarom.sink.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.backlog.BacklogActions;
import nl.waarom.sink.backlog.BacklogException;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.backlog.Status;
import nl.waarom.sink.backlog.TaxonomyDraft;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.TrackerLinks;
import nl.waarom.sink.db.TrendReads.HourPoint;

/**
 * The backlog part of the REST API: ranked items, one item with its history, and the team's
 * actions. Actions take a JSON body; who acts is always the authenticated identity
 * ({@link Access#actor}): an {@code actor} field in the body is ignored. Errors: 400 naming the
 * field, 404 unknown item, 409 a move the lifecycle does not allow ({@link BacklogException}).
 */
final class BacklogRoutes {
  private static final int HISTORY_INSIGHTS = 50;

  private final BacklogQueries backlog;
  private final BacklogActions actions;
  private final TrackerLinks trackerLinks;
  private final TrendQueries trends;
  private final Supplier<ReasonNames> names;

  private final ValueFormula value;

  BacklogRoutes(DataSource dataSource, BacklogQueries backlog, Ranking ranking, Money money,
      Supplier<ReasonNames> names) {
    this.names = names;
    this.backlog = backlog;
    this.value = new ValueFormula(ranking, money);
    this.actions = new BacklogActions(dataSource);
    this.trackerLinks = new TrackerLinks(dataSource);
    this.trends = new TrendQueries(dataSource);
  }

  /** GET /api/items?status=open&limit=100 : ranked items; status open, all, or a list. */
  void items(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", BoardRoutes.BOARD_ITEMS, 1, 1000);
    BoardRoutes.json(ctx, 200, backlog.ranked(limit, statuses(ctx.queryParam("status"))));
  }

  /** GET /api/items/{id} : the item, its insights, its change history and its hourly trend. */
  void item(Context ctx) {
    String id = ctx.pathParam("id");
    BacklogItem item = backlog.item(id).orElseThrow(() -> BacklogException.notFound(id));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("item", item);
    body.put("insights", backlog.insights(id, HISTORY_INSIGHTS));
    body.put("history", backlog.history(id));
    body.put("trackers", trackerLinks.forItem(id));
    body.put("trend", trend(item));
    BoardRoutes.json(ctx, 200, body);
  }

  /** GET /items/{id} : the item page; an unknown item answers 404 with a page in its language. */
  void page(Context ctx) {
    Page page = Page.of(ctx);
    String id = ctx.pathParam("id");
    if (backlog.item(id).isEmpty()) {
      ErrorPage.answer(ctx, 404, page.t().t("item.notFound", id), null);
      return;
    }
    ctx.html(ItemRenderer.render(page, itemView(id), value));
  }

  /** GET /fragments/item/{id} : the live part of the item page. */
  void pageFragment(Context ctx) {
    ctx.html(ItemRenderer.fragment(Texts.of(ctx), itemView(ctx.pathParam("id")), value));
  }

  /**
   * POST /api/items/{id}/promote {} : an emerging reason becomes a taxonomy draft (YAML,
   * returned as {"item", "draft"} and kept in the item's history) and the item is triaged.
   */
  void promote(Context ctx) {
    String id = ctx.pathParam("id");
    BacklogItem item = backlog.item(id).orElseThrow(() -> BacklogException.notFound(id));
    String draft = TaxonomyDraft.yaml(item);
    actions.promote(id, item.kind(), draft, Access.actor(ctx));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("item", backlog.item(id).orElseThrow());
    out.put("draft", draft);
    BoardRoutes.json(ctx, 200, out);
  }

  private ItemView itemView(String id) {
    BacklogItem item = backlog.item(id).orElseThrow(() -> BacklogException.notFound(id));
    List<HourPoint> points = trend(item);
    long[] hourly = new long[points.size()];
    double[] baseline = new double[points.size()];
    for (int i = 0; i < hourly.length; i++) {
      hourly[i] = points.get(i).count();
      Double b = points.get(i).baseline();
      baseline[i] = b == null ? Double.NaN : b;
    }
    return new ItemView(item, backlog.insights(id, HISTORY_INSIGHTS), backlog.history(id), hourly,
        baseline, names.get());
  }

  /** POST /api/items/{id}/status {"status", "reason"?, "effectiveAt"?}. */
  void status(Context ctx) {
    JsonNode body = body(ctx);
    String raw = text(body, "status");
    if (raw == null) {
      throw BacklogException.badField("status", "is required");
    }
    Status to = Status.parse(raw).orElseThrow(() -> BacklogException.badField("status",
        "unknown status '" + raw + "'; one of " + Arrays.stream(Status.values())
            .map(Status::value).toList()));
    Instant effectiveAt = null;
    String at = text(body, "effectiveAt");
    if (at != null) {
      try {
        effectiveAt = Instant.parse(at);
      } catch (DateTimeParseException e) {
        throw BacklogException.badField("effectiveAt", "not an ISO-8601 instant: '" + at + "'");
      }
    }
    actions.changeStatus(ctx.pathParam("id"), to, Access.actor(ctx), text(body, "reason"),
        effectiveAt);
    respondWithItem(ctx);
  }

  /** POST /api/items/{id}/owner {"owner"}. */
  void owner(Context ctx) {
    JsonNode body = body(ctx);
    if (!body.has("owner")) {
      throw BacklogException.badField("owner", "is required (empty clears it)");
    }
    actions.assign(ctx.pathParam("id"), text(body, "owner"), Access.actor(ctx));
    respondWithItem(ctx);
  }

  /** POST /api/items/{id}/notes {"note"}. */
  void note(Context ctx) {
    JsonNode body = body(ctx);
    actions.addNote(ctx.pathParam("id"), text(body, "note"), Access.actor(ctx));
    respondWithItem(ctx);
  }

  private void respondWithItem(Context ctx) {
    String id = ctx.pathParam("id");
    BoardRoutes.json(ctx, 200, backlog.item(id).orElseThrow(() -> BacklogException.notFound(id)));
  }

  /** The item's reason per hour in the week up to the item's last insight; empty without one. */
  private List<HourPoint> trend(BacklogItem item) {
    return item.reasonId() == null ? List.of()
        : trends.hourly(item.reasonId(), item.lastSeenAt().minusSeconds(7 * 24 * 3600));
  }

  static Set<Status> statuses(String param) {
    if (param == null || param.isBlank() || param.strip().equals("open")) {
      return Status.open();
    }
    if (param.strip().equals("all")) {
      return Set.of();
    }
    Set<Status> set = new java.util.TreeSet<>();
    for (String part : param.split(",")) {
      set.add(Status.parse(part).orElseThrow(() -> new QueryParams.BadParameterException("status",
          "unknown status '" + part.strip() + "'; use open, all or a list of " + Arrays.stream(
              Status.values()).map(Status::value).toList())));
    }
    return set;
  }

  private static JsonNode body(Context ctx) {
    String text = ctx.body();
    if (text == null || text.isBlank()) {
      throw BacklogException.badField("body", "a JSON object is required");
    }
    try {
      JsonNode node = Json.mapper().readTree(text);
      if (node == null || !node.isObject()) {
        throw BacklogException.badField("body", "must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw BacklogException.badField("body", "not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw BacklogException.badField(field, "must be a string");
    }
    return v.asText();
  }
}
