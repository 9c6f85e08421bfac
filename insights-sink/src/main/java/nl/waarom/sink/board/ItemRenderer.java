package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.backlog.Status;
import nl.waarom.sink.db.InsightRow;

/**
 * Renders an item page ({@code /items/<id>}): the item's figures and status, how its value at
 * stake was computed ({@link ValueFormula}), the actions the
 * lifecycle allows from its status (buttons the page script turns into API calls), its reason's
 * hourly volume against the baseline, the latest insight's explanation and examples with the
 * matched words marked, the insight history and the change history. The body below the title is
 * the fragment {@code /fragments/item/<id>}, swapped in live like the board's sections. In the
 * page's language (the insight's summary is written by the analyzer, in English).
 */
public final class ItemRenderer {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ItemRenderer() {}

  /** The whole page, in English with the default ranking and currency. */
  public static String render(ItemView view) {
    return render(Page.english("/items/" + view.item().itemId()), view, ValueFormula.defaults());
  }

  /** The whole page in the page's language. */
  static String render(Page page, ItemView view, ValueFormula value) {
    StringBuilder html = new StringBuilder(8192);
    String title = BoardRenderer.title(view.item(), view.names().in(page.t().lang()), page.t());
    page.head(html, title + " · Waarom");
    html.append("<p><a href=\"/\">← ").append(escape(page.t().t("item.back")))
        .append("</a></p>\n<h1>").append(escape(title))
        .append("</h1>\n<div data-fragment=\"item\" data-item=\"")
        .append(escape(view.item().itemId())).append("\">\n")
        .append(fragment(page.t(), view, value)).append("</div>\n</body>\n</html>\n");
    return html.toString();
  }

  /** The live part of the page, in English with the default ranking and currency. */
  public static String fragment(ItemView view) {
    return fragment(Texts.EN, view, ValueFormula.defaults());
  }

  /** The live part of the page in a language, the reasons by their names in it. */
  static String fragment(Texts t, ItemView view, ValueFormula value) {
    BacklogItem item = view.item();
    InsightRow latest = item.latestInsight();
    StringBuilder html = new StringBuilder(8192);
    html.append("<section id=\"item\" data-status=\"").append(escape(item.status())).append("\">\n")
        .append("<p class=\"meta\">").append(escape(t.t("item.status")))
        .append(" <b class=\"status\" id=\"status\">")
        .append(escape(t.or("state." + item.status(), item.status()))).append("</b> · ")
        .append(escape(t.t("item.owner"))).append(" <span id=\"owner\">")
        .append(escape(item.work().owner() == null ? t.t("item.nobody") : item.work().owner()))
        .append("</span> · ").append(escape(t.t("item.kind"))).append(" ")
        .append(escape(t.or("kind." + item.kind(), item.kind()))).append(" · ")
        .append(escape(t.t("item.reason"))).append(" ")
        .append(escape(BoardRenderer.reasonOf(item, view.names().in(t.lang()), t))).append("</p>\n")
        .append("<p class=\"numbers\">").append(escape(t.t("item.valueAtStake")))
        .append(" <b id=\"value-at-stake\">")
        .append(escape(value.money().whole(item.work().valueAtStake(), t.locale()))).append("</b>")
        .append(latest.details().excessContacts() != null ? "" : " · "
            + escape(BoardRenderer.volume(item.work().weeklyVolume(), t)))
        .append(" · ").append(escape(t.t("item.handle"))).append(" ")
        .append(escape(item.work().avgHandleMinutes() == null ? t.t("item.unknown")
            : t.t("unit.minutes", t.number(item.work().avgHandleMinutes(), 1))))
        .append(" · ").append(escape(t.t("item.repeats"))).append(" ")
        .append(escape(item.work().repeatRate() == null ? t.t("item.unknown")
            : t.number(item.work().repeatRate() * 100, 0) + "%"))
        .append(" · ").append(escape(preventability(t, item.preventability())))
        .append("</p>\n").append(value.html(item, t));
    if (item.work().dismissedReason() != null) {
      html.append("<p>").append(escape(t.t("item.dismissed", item.work().dismissedReason())))
          .append("</p>\n");
    }
    if (item.work().verification() != null) {
      html.append("<p class=\"verification\">").append(escape(t.t("item.verification")))
          .append(" <code>").append(escape(item.work().verification())).append("</code></p>\n");
    }
    actions(html, item, t);
    html.append("</section>\n<section id=\"chart\">\n<h2>").append(escape(t.t("item.chart")))
        .append("</h2>\n")
        .append(Svg.volumeChart(view.hourly(), view.baseline(), 720, 160, t))
        .append("\n</section>\n<section id=\"latest\">\n<h2>").append(escape(t.t("item.latest")))
        .append("</h2>\n<p>")
        .append(escape(latest.summary())).append("</p>\n");
    BoardRenderer.signals(html, latest, t);
    if (latest.details().draftedRule() != null) {
      html.append("<p class=\"rule\">").append(escape(t.t("item.rule"))).append(" <code>")
          .append(escape(latest.details().draftedRule())).append("</code></p>\n");
    }
    BoardRenderer.examples(html, latest, BoardRenderer.highlights(latest));
    html.append("</section>\n<section id=\"insights\">\n<h2>").append(escape(t.t("item.insights")))
        .append(" (")
        .append(view.insights().size()).append(")</h2>\n<ul>\n");
    for (InsightRow i : view.insights()) {
      html.append("<li>").append(escape(TIME.format(i.detectedAt()))).append(" · ")
          .append(escape(t.or("kind." + i.kind(), i.kind()))).append(" · ")
          .append(escape(t.t("item.contacts", t.count(i.count())))).append(" · ")
          .append(escape(i.summary())).append("</li>\n");
    }
    html.append("</ul>\n</section>\n<section id=\"history\">\n<h2>")
        .append(escape(t.t("item.history")))
        .append("</h2>\n<ol>\n");
    for (BacklogEvent e : view.history()) {
      html.append("<li>").append(escape(TIME.format(e.at()))).append(" · ")
          .append(escape(e.actor())).append(" · ")
          .append(escape(t.or("action." + e.action(), e.action())));
      if (e.toStatus() != null) {
        html.append(" ").append(escape(t.or("state." + e.fromStatus(), e.fromStatus())))
            .append(" → ").append(escape(t.or("state." + e.toStatus(), e.toStatus())));
      }
      if (e.detail() != null) {
        html.append(e.action().equals("promote") ? ": <pre class=\"draft\">" + escape(e.detail())
            + "</pre>" : ": " + escape(e.detail()));
      }
      html.append("</li>\n");
    }
    return html.append("</ol>\n</section>\n").toString();
  }

  /** A preventability by its name in the language; UNKNOWN's when there is none. */
  static String preventability(Texts t, String preventability) {
    String p = preventability == null ? "UNKNOWN" : preventability;
    return t.or("preventability." + p, p);
  }

  private static void actions(StringBuilder html, BacklogItem item, Texts t) {
    String id = escape(item.itemId());
    html.append("<form class=\"actions\" id=\"actions\" data-item=\"").append(id)
        .append("\">\n<p>");
    Status from = Status.parse(item.status()).orElse(Status.NEW);
    for (Status to : Status.values()) {
      if (from.next().contains(to)) {
        html.append("<button type=\"button\" data-action=\"status\" data-status=\"")
            .append(to.value()).append("\" id=\"to-").append(to.value()).append("\">")
            .append(escape(t.t("status." + to.value()))).append("</button> ");
      }
    }
    if ("EMERGING_REASON".equals(item.kind()) && (from == Status.NEW || from == Status.TRIAGED)) {
      html.append("<a class=\"button\" id=\"backtest-draft\" href=\"/items/").append(id)
          .append("/backtest\">").append(escape(t.t("item.backtest"))).append("</a>");
    }
    html.append("</p>\n<p><label>").append(escape(t.t("item.note")))
        .append(" <input id=\"reason\" name=\"reason\"></label> <label>")
        .append(escape(t.t("item.fixLive")))
        .append(" <input id=\"effectiveAt\" name=\"effectiveAt\""
            + " placeholder=\"2026-03-02T09:00:00Z\"></label></p>\n<p><label>")
        .append(escape(t.t("item.ownerLabel"))).append(" <input id=\"owner-input\" name=\"owner\">"
            + "</label> <button type=\"button\" data-action=\"owner\">")
        .append(escape(t.t("item.assign"))).append("</button> <button type=\"button\""
            + " data-action=\"note\">").append(escape(t.t("item.addNote"))).append("</button></p>\n"
            + "<p class=\"error\" id=\"action-error\" role=\"alert\"></p>\n</form>\n");
  }
}
