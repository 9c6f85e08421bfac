package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.backtest.Flip;
import nl.waarom.analyzer.backtest.FlipGroup;
import nl.waarom.sink.backlog.Status;
import nl.waarom.sink.backtest.DraftBacktest;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;

/**
 * Renders {@code /items/<id>/backtest}: what the drafted rule of an emerging reason would do to
 * the contacts the sink keeps — how many it would take, how many of those had no reason and how
 * many another one (with examples linking to the contacts), the explained share before and after —
 * and the promote button (driven by {@code /static/board.js}, which sends the session's CSRF
 * token; only an editor may promote). In the page's language, reasons by their names in it. Every
 * piece of data is escaped.
 */
final class BacktestRenderer {
  private BacktestRenderer() {}

  /** The figures in the page's language, the reasons by their names in that language. */
  static String render(Page page, BacklogItem item, DraftBacktest b, ReasonNames names) {
    Texts t = page.t();
    ReasonNames named = names.in(t.lang());
    StringBuilder html = new StringBuilder(8192);
    String id = escape(item.itemId());
    String title = BoardRenderer.title(item, named, t);
    page.head(html, t.t("backtest.pageTitle", title));
    html.append("<p><a href=\"/items/").append(escape(path(item.itemId()))).append("\">← ")
        .append(escape(t.t("backtest.item"))).append("</a></p>\n<h1>")
        .append(escape(t.t("backtest.title", title))).append("</h1>\n")
        .append("<section id=\"backtest\">\n");
    for (String rule : b.rules()) {
      html.append("<p>").append(escape(t.t("backtest.rule"))).append(" <code class=\"rule\">")
          .append(escape(rule)).append("</code></p>\n");
    }
    if (b.problem() != null) {
      problem(html, t, b);
    }
    BacktestResult r = b.result();
    if (r != null && r.contacts() > 0) {
      figures(html, t, b, r);
      html.append("<h2>").append(escape(t.t("backtest.fromReasons"))).append("</h2>\n");
      if (b.fromOtherReasons().isEmpty()) {
        html.append("<p id=\"from-reasons-none\">").append(escape(t.t("backtest.fromReasonsNone")))
            .append("</p>\n");
      }
      flips(html, t, "from-reasons", b.fromOtherReasons(), b, named);
      if (b.unexplainedFlips() != null) {
        html.append("<h2>").append(escape(t.t("backtest.unexplained"))).append("</h2>\n");
        flips(html, t, "from-unexplained-examples", List.of(b.unexplainedFlips()), b, named);
      }
      if (!b.otherFlips().isEmpty()) {
        html.append("<h2>").append(escape(t.t("backtest.other"))).append("</h2>\n<p>")
            .append(escape(t.t("backtest.otherNote"))).append("</p>\n");
        flips(html, t, "other-flips", b.otherFlips(), b, named);
      }
    }
    html.append("</section>\n");
    Status status = Status.parse(item.status()).orElse(Status.NEW);
    if (status == Status.NEW || status == Status.TRIAGED) {
      html.append("<form class=\"promote\" onsubmit=\"return false\">\n<p>")
          .append(escape(t.t("backtest.promoteNote"))).append("</p>\n<p><button type=\"button\""
              + " id=\"promote\" data-action=\"promote\" data-item=\"").append(id).append("\">")
          .append(escape(t.t("board.promote"))).append("</button></p>\n")
          .append("<p class=\"error\" id=\"action-error\" role=\"alert\"></p>\n</form>\n");
    } else {
      html.append("<p id=\"promote-closed\">").append(escape(t.t("backtest.closed",
          t.or("state." + item.status(), item.status())))).append("</p>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /** The page while the backtest still runs: it reloads itself every few seconds. */
  static String running(Page page, BacklogItem item) {
    Texts t = page.t();
    StringBuilder html = new StringBuilder(1024);
    String title = BoardRenderer.title(item, ReasonNames.ids(), t);
    page.head(html, t.t("backtest.pageTitle", title));
    return html.append("<meta http-equiv=\"refresh\" content=\"5\">\n<p><a href=\"/items/")
        .append(escape(path(item.itemId()))).append("\">← ").append(escape(t.t("backtest.item")))
        .append("</a></p>\n<h1>").append(escape(t.t("backtest.title", title)))
        .append("</h1>\n<p id=\"backtest-running\">").append(escape(t.t("backtest.running")))
        .append("</p>\n</body>\n</html>\n").toString();
  }

  /**
   * Why there are no figures, in the page's language: the backtest's own words say it in English
   * (for the API); which of its three cases it is shows in the backtest itself.
   */
  private static void problem(StringBuilder html, Texts t, DraftBacktest b) {
    html.append("<p id=\"backtest-problem\">");
    if (b.taxonomyVersion() == null) {
      html.append(escape(t.t("backtest.noTaxonomy")));
    } else if (b.result() != null) {
      html.append(escape(t.t("backtest.noContacts")));
    } else {
      html.append(escape(t.t("backtest.doesNotLoad", b.taxonomyVersion())))
          .append(" <code>").append(escape(b.problem())).append("</code>");
    }
    html.append("</p>\n");
  }

  private static void figures(StringBuilder html, Texts t, DraftBacktest b, BacktestResult r) {
    html.append("<dl class=\"figures\" id=\"figures\">\n");
    figure(html, "contacts", t.t("backtest.contacts"), t.t("backtest.contactsValue",
        t.count(r.contacts()), t.count(b.maxContacts()), b.taxonomyVersion()));
    figure(html, "taken", t.t("backtest.taken"), t.count(b.taken()));
    figure(html, "from-unexplained", t.t("backtest.fromUnexplained"),
        t.count(b.fromUnexplained()));
    figure(html, "from-reasons-count", t.t("backtest.fromOther"),
        t.count(b.fromOtherReasons().stream().mapToLong(FlipGroup::count).sum()));
    figure(html, "explained", t.t("backtest.explained"),
        t.number(r.explainedShareBefore() * 100, 1) + "% → "
            + t.number(r.explainedShareAfter() * 100, 1) + "%");
    figure(html, "elapsed", t.t("backtest.took"), t.t("backtest.seconds",
        t.number(r.elapsed().toMillis() / 1000.0, 1)));
    html.append("</dl>\n");
  }

  private static void figure(StringBuilder html, String id, String label, String value) {
    html.append("<dt>").append(escape(label)).append("</dt><dd id=\"").append(id).append("\">")
        .append(escape(value)).append("</dd>\n");
  }

  private static void flips(StringBuilder html, Texts t, String id, List<FlipGroup> groups,
      DraftBacktest b, ReasonNames names) {
    if (groups.isEmpty()) {
      return;
    }
    html.append("<ul class=\"flips\" id=\"").append(id).append("\">\n");
    for (FlipGroup g : groups) {
      html.append("<li class=\"flip\" data-from=\"").append(escape(g.from())).append("\">")
          .append(escape(name(t, g.from(), b, names))).append(" → ")
          .append(escape(name(t, g.to(), b, names)))
          .append(": ").append(t.count(g.count())).append("\n<ul>\n");
      for (Flip f : g.examples()) {
        html.append("<li><a href=\"/contacts/").append(escape(path(f.contactId()))).append("\">")
            .append(escape(f.contactId())).append("</a> ")
            .append(escape(f.snippet() == null ? "" : f.snippet())).append("</li>\n");
      }
      html.append("</ul></li>\n");
    }
    html.append("</ul>\n");
  }

  private static String name(Texts t, String reasonId, DraftBacktest b, ReasonNames names) {
    if (reasonId.equals(b.reasonId())) {
      return t.t("backtest.newReason", reasonId);
    }
    return reasonId.equals(BacktestResult.UNEXPLAINED) ? t.t("backtest.unexplainedName")
        : names.name(reasonId);
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
