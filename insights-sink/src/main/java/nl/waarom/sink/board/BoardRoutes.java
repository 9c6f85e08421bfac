package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Status;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.InsightReader;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.ShareStore;

/**
 * The handlers of the board and the REST API. Every handler reads the database afresh; the pages
 * are small (the board shows at most {@value #BOARD_ITEMS} items).
 */
final class BoardRoutes {
  static final int BOARD_ITEMS = 100;
  private static final Duration BOARD_WINDOW = Duration.ofMinutes(60);

  private final BacklogQueries backlog;
  private final TrendQueries trends;
  private final ShareStore shares;
  private final InsightReader insights;
  private final Clock clock;
  private final Supplier<ReasonNames> names;

  BoardRoutes(DataSource dataSource, Clock clock, BacklogQueries backlog,
      Supplier<ReasonNames> names) {
    this.names = names;
    this.backlog = backlog;
    this.trends = new TrendQueries(dataSource);
    this.shares = new ShareStore(dataSource);
    this.insights = new InsightReader(dataSource);
    this.clock = clock;
  }

  /** GET / : the HTML board. */
  void board(Context ctx) {
    ctx.html(BoardRenderer.render(Page.of(ctx), view()));
  }

  /** GET /fragments/{name} : one section of the board, for live updates. */
  void fragment(Context ctx) {
    String name = ctx.pathParam("name");
    if (!BoardRenderer.FRAGMENTS.contains(name)) {
      throw new QueryParams.BadParameterException("name", "no fragment '" + name + "'; one of "
          + BoardRenderer.FRAGMENTS);
    }
    ctx.html(BoardRenderer.fragment(name, viewFor(name), Texts.of(ctx)));
  }

  /**
   * Only what one section shows: the page asks for its four sections after every change, and
   * each would otherwise run every query of the board.
   */
  private BoardView viewFor(String name) {
    Instant now = clock.instant();
    TopReasons none = TopReasons.of(now, BOARD_WINDOW, List.of());
    return switch (name) {
      case "share" -> new BoardView(none, List.of(), Map.of(),
          shares.recent(15, 48));
      case "top-reasons" -> {
        TopReasons top = trends.topReasons(BOARD_WINDOW, now);
        yield new BoardView(top, List.of(), trends.perMinute(top.from(), top.asOf()), List.of(),
            names.get());
      }
      default -> new BoardView(none, backlog.ranked(BOARD_ITEMS, Status.open()), Map.of(),
          List.of(), names.get());
    };
  }

  private BoardView view() {
    TopReasons top = trends.topReasons(BOARD_WINDOW, clock.instant());
    return new BoardView(top, backlog.ranked(BOARD_ITEMS, Status.open()),
        trends.perMinute(top.from(), top.asOf()),
        shares.recent(15, 48), names.get());
  }

  /** GET /api/backlog?limit=100&status=open : ranked items with their latest insight. */
  void backlog(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", BOARD_ITEMS, 1, 1000);
    json(ctx, 200, backlog.ranked(limit, BacklogRoutes.statuses(ctx.queryParam("status"))));
  }

  /** GET /api/trends?minutes=60 : counts per reason and channel in the trailing window. */
  void trends(Context ctx) {
    int minutes = QueryParams.intParam(ctx, "minutes", 60, 1, 7 * 24 * 60);
    TopReasons top = trends.topReasons(Duration.ofMinutes(minutes), clock.instant());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("asOf", top.asOf());
    body.put("from", top.from());
    body.put("minutes", top.minutes());
    body.put("total", top.total());
    body.put("explained", top.explained());
    body.put("explainedShare", top.explainedShare());
    body.put("reasons", top.reasons());
    json(ctx, 200, body);
  }

  /** GET /api/insights?limit=50 : the most recently detected insights. */
  void insights(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", 50, 1, 1000);
    json(ctx, 200, insights.latest(limit));
  }

  /**
   * GET /api/explained-share?minutes=15&limit=96 : the share of contacts explained per window of
   * 1, 15 or 60 minutes, newest first.
   */
  void explainedShare(Context ctx) {
    int limit = QueryParams.intParam(ctx, "limit", 96, 1, 10_000);
    int minutes = QueryParams.intParam(ctx, "minutes", 15, 1, 60);
    if (minutes != 1 && minutes != 15 && minutes != 60) {
      throw new QueryParams.BadParameterException("minutes", "must be 1, 15 or 60: " + minutes);
    }
    json(ctx, 200, shares.recent(minutes, limit));
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(Json.write(body));
  }
}
