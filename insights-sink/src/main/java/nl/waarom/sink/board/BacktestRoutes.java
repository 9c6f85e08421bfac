package nl.waarom.sink.board;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.backtest.FlipGroup;
import nl.waarom.sink.backlog.BacklogException;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backtest.DraftBacktest;
import nl.waarom.sink.backtest.DraftBacktests;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;

/**
 * The backtest of an emerging reason's drafted rule ({@link DraftBacktests}): the page
 * {@code /items/{id}/backtest}, from which an editor promotes the item, and its JSON
 * {@code /api/items/{id}/backtest}. Only an item of kind EMERGING_REASON has a drafted rule: for
 * any other the answer is 404.
 */
final class BacktestRoutes {
  /** How long a request waits for a backtest before it answers "still running". */
  static final Duration WAIT = Duration.ofSeconds(20);

  private final BacklogQueries backlog;
  private final DraftBacktests backtests;
  private final Supplier<ReasonNames> names;

  BacktestRoutes(BacklogQueries backlog, DraftBacktests backtests, Supplier<ReasonNames> names) {
    this.backlog = backlog;
    this.backtests = backtests;
    this.names = names;
  }

  /**
   * GET /items/{id}/backtest : the figures and the promote button; while a long backtest still
   * runs, a page that reloads itself; in the page's language, as is its 404.
   */
  void page(Context ctx) {
    Page page = Page.of(ctx);
    String id = ctx.pathParam("id");
    BacklogItem item = backlog.item(id).orElse(null);
    if (item == null || !"EMERGING_REASON".equals(item.kind())) {
      ErrorPage.answer(ctx, 404, item == null ? page.t().t("item.notFound", id)
          : page.t().t("item.noDraftedRule", id, page.t().or("kind." + item.kind(), item.kind())),
          null);
      return;
    }
    ctx.html(backtests.within(item, WAIT)
        .map(b -> BacktestRenderer.render(page, item, b, names.get()))
        .orElseGet(() -> BacktestRenderer.running(page, item)));
  }

  /** GET /api/items/{id}/backtest : the figures as JSON; 202 {"running": true} while it runs. */
  void json(Context ctx) {
    BacklogItem item = emerging(ctx.pathParam("id"));
    backtests.within(item, WAIT).ifPresentOrElse(b -> BoardRoutes.json(ctx, 200, body(b)),
        () -> BoardRoutes.json(ctx, 202, Map.of("itemId", item.itemId(), "running", true)));
  }

  private BacklogItem emerging(String id) {
    BacklogItem item = backlog.item(id).orElseThrow(() -> BacklogException.notFound(id));
    if (!"EMERGING_REASON".equals(item.kind())) {
      throw BacklogException.noDraftedRule(id, item.kind());
    }
    return item;
  }

  static Map<String, Object> body(DraftBacktest b) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("itemId", b.itemId());
    out.put("taxonomyVersion", b.taxonomyVersion());
    out.put("reasonId", b.reasonId());
    out.put("rules", b.rules());
    out.put("maxContacts", b.maxContacts());
    out.put("problem", b.problem());
    BacktestResult r = b.result();
    if (r != null) {
      out.put("contacts", r.contacts());
      out.put("taken", b.taken());
      out.put("fromUnexplained", b.fromUnexplained());
      out.put("fromReasons", flips(b.fromOtherReasons()));
      out.put("unexplained", b.unexplainedFlips() == null ? null
          : flips(List.of(b.unexplainedFlips())).getFirst());
      out.put("otherFlips", flips(b.otherFlips()));
      out.put("explainedShareBefore", r.explainedShareBefore());
      out.put("explainedShareAfter", r.explainedShareAfter());
      out.put("elapsedMillis", r.elapsed().toMillis());
    }
    return out;
  }

  private static List<Map<String, Object>> flips(List<FlipGroup> groups) {
    return groups.stream().map(g -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("from", g.from());
      m.put("to", g.to());
      m.put("count", g.count());
      m.put("examples", g.examples().stream().map(f -> Map.of("contactId", f.contactId(),
          "snippet", f.snippet() == null ? "" : f.snippet())).toList());
      return m;
    }).toList();
  }
}
