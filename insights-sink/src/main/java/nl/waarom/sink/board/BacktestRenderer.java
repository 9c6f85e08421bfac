package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
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
 * token; only an editor may promote). Every piece of data is escaped.
 */
final class BacktestRenderer {
  private BacktestRenderer() {}

  static String render(BacklogItem item, DraftBacktest b, ReasonNames names) {
    StringBuilder html = new StringBuilder(8192);
    String id = escape(item.itemId());
    Page.english("/items").head(html, "Backtest: " + item.title() + " · Waarom");
    html.append("<p><a href=\"/items/").append(escape(path(item.itemId())))
        .append("\">← item</a></p>\n<h1>Backtest of the drafted rule: ")
        .append(escape(item.title())).append("</h1>\n<section id=\"backtest\">\n");
    for (String rule : b.rules()) {
      html.append("<p>Drafted rule <code class=\"rule\">").append(escape(rule))
          .append("</code></p>\n");
    }
    if (b.problem() != null) {
      html.append("<p id=\"backtest-problem\">").append(escape(b.problem())).append("</p>\n");
    }
    BacktestResult r = b.result();
    if (r != null && r.contacts() > 0) {
      figures(html, b, r);
      html.append("<h2>Taken from other reasons</h2>\n");
      if (b.fromOtherReasons().isEmpty()) {
        html.append("<p id=\"from-reasons-none\">None: every contact it takes had no reason.</p>\n");
      }
      flips(html, "from-reasons", b.fromOtherReasons(), b, names);
      if (b.unexplainedFlips() != null) {
        html.append("<h2>Unexplained contacts it would explain</h2>\n");
        flips(html, "from-unexplained-examples", List.of(b.unexplainedFlips()), b, names);
      }
      if (!b.otherFlips().isEmpty()) {
        html.append("<h2>Other changes</h2>\n<p>The classifier's model also learns from the"
            + " drafted reason's examples, which can move other contacts.</p>\n");
        flips(html, "other-flips", b.otherFlips(), b, names);
      }
    }
    html.append("</section>\n");
    Status status = Status.parse(item.status()).orElse(Status.NEW);
    if (status == Status.NEW || status == Status.TRIAGED) {
      html.append("<form class=\"promote\" onsubmit=\"return false\">\n<p>Promoting records the"
              + " drafted taxonomy entry in the item's history and triages the item (editors"
              + " only).</p>\n<p><button type=\"button\" id=\"promote\" data-action=\"promote\""
              + " data-item=\"").append(id).append("\">Promote to taxonomy</button></p>\n")
          .append("<p class=\"error\" id=\"action-error\" role=\"alert\"></p>\n</form>\n");
    } else {
      html.append("<p id=\"promote-closed\">This item is ").append(escape(item.status()))
          .append(": it can no longer be promoted.</p>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /** The page while the backtest still runs: it reloads itself every few seconds. */
  static String running(BacklogItem item) {
    StringBuilder html = new StringBuilder(1024);
    Page.english("/items").head(html, "Backtest: " + item.title() + " · Waarom");
    return html.append("<meta http-equiv=\"refresh\" content=\"5\">\n<p><a href=\"/items/")
        .append(escape(path(item.itemId()))).append("\">← item</a></p>\n<h1>Backtest of the")
        .append(" drafted rule: ").append(escape(item.title())).append("</h1>\n")
        .append("<p id=\"backtest-running\">The backtest is running: this page shows the")
        .append(" figures when it is done.</p>\n</body>\n</html>\n").toString();
  }

  private static void figures(StringBuilder html, DraftBacktest b, BacktestResult r) {
    html.append("<dl class=\"figures\" id=\"figures\">\n");
    figure(html, "contacts", "Contacts backtested", String.format(Locale.ROOT,
        "%,d (the newest, at most %,d) against taxonomy %s", r.contacts(), b.maxContacts(),
        b.taxonomyVersion()));
    figure(html, "taken", "The new reason would take", String.format(Locale.ROOT, "%,d", b.taken()));
    figure(html, "from-unexplained", "of which unexplained before", String.format(Locale.ROOT,
        "%,d", b.fromUnexplained()));
    figure(html, "from-reasons-count", "of which from another reason", String.format(Locale.ROOT,
        "%,d", b.fromOtherReasons().stream().mapToLong(FlipGroup::count).sum()));
    figure(html, "explained", "Explained share", String.format(Locale.ROOT, "%.1f%% → %.1f%%",
        r.explainedShareBefore() * 100, r.explainedShareAfter() * 100));
    figure(html, "elapsed", "Took", String.format(Locale.ROOT, "%.1f s",
        r.elapsed().toMillis() / 1000.0));
    html.append("</dl>\n");
  }

  private static void figure(StringBuilder html, String id, String label, String value) {
    html.append("<dt>").append(escape(label)).append("</dt><dd id=\"").append(id).append("\">")
        .append(escape(value)).append("</dd>\n");
  }

  private static void flips(StringBuilder html, String id, List<FlipGroup> groups,
      DraftBacktest b, ReasonNames names) {
    if (groups.isEmpty()) {
      return;
    }
    html.append("<ul class=\"flips\" id=\"").append(id).append("\">\n");
    for (FlipGroup g : groups) {
      html.append("<li class=\"flip\" data-from=\"").append(escape(g.from())).append("\">")
          .append(escape(name(g.from(), b, names))).append(" → ")
          .append(escape(name(g.to(), b, names)))
          .append(": ").append(String.format(Locale.ROOT, "%,d", g.count())).append("\n<ul>\n");
      for (Flip f : g.examples()) {
        html.append("<li><a href=\"/contacts/").append(escape(path(f.contactId()))).append("\">")
            .append(escape(f.contactId())).append("</a> ")
            .append(escape(f.snippet() == null ? "" : f.snippet())).append("</li>\n");
      }
      html.append("</ul></li>\n");
    }
    html.append("</ul>\n");
  }

  private static String name(String reasonId, DraftBacktest b, ReasonNames names) {
    if (reasonId.equals(b.reasonId())) {
      return "new reason " + reasonId;
    }
    return reasonId.equals(BacktestResult.UNEXPLAINED) ? "unexplained" : names.name(reasonId);
  }

  private static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
