package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.explore.FigureSource;
import nl.waarom.sink.explore.Figures;
import nl.waarom.sink.explore.Names;
import nl.waarom.sink.explore.Overview;

/**
 * Renders the overview of a period ({@code /explore}): a form to choose the period, channel,
 * queue and order; the share of contacts explained; and a table of the taxonomy's groups, each
 * followed by its reasons, with contacts now and in the previous period, the change, cost, mean
 * handle time, repeat rate, callback rate (its title the number of callback requests) and share of
 * negative contacts. Each reason links to its page. Row ids: {@code group-<id>} and
 * {@code reason-<id>}; cells carry the column as their class. Every piece of data is escaped.
 */
final class ExploreRenderer {
  static final List<String> CHANNELS = List.of("CHAT", "CALL", "EMAIL", "OTHER");
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /**
   * What the overview needs besides the figures.
   *
   * @param names the taxonomy in force; never null
   * @param queues the queues to offer; never null
   * @param retainedSince the oldest contact kept; null when none
   * @param money cost per minute and currency; never null
   * @param source which taxonomy version the figures are from; never null
   */
  record Context(Names names, List<String> queues, Instant retainedSince, Money money,
      FigureSource source) {}

  private ExploreRenderer() {}

  static String render(Page page, Overview o, Context c) {
    Texts t = page.t();
    StringBuilder html = new StringBuilder(16_384);
    page.head(html, t.t("explore.title") + " · Waarom");
    html.append("<h1>").append(escape(t.t("explore.title"))).append("</h1>\n");
    form(html, t, o, c);
    html.append("<p class=\"meta\" id=\"period\">").append(escape(t.t("explore.period",
        TIME.format(o.period().from()), TIME.format(o.period().to()),
        TIME.format(o.period().previous().from()))));
    if (c.names().version() != null) {
      html.append(" ").append(escape(t.t("explore.taxonomy", c.names().version())));
    }
    html.append("</p>\n");
    FigureSourceRenderer.render(html, page, c.source());
    if (o.filter().queue() != null) {
      html.append("<p class=\"note\" id=\"queue-note\">").append(escape(t.t("explore.queueNote",
          o.filter().queue(), c.retainedSince() == null ? "–"
              : TIME.format(c.retainedSince())))).append("</p>\n");
    }
    Double share = o.explainedShare();
    html.append("<p>").append(escape(t.t("explore.explained"))).append(" <span class=\"big\""
        + " id=\"explained-share\">").append(t.percent(share)).append("</span> ")
        .append(escape(t.t("explore.ofContacts", t.count(o.total().contacts()),
            t.count(o.totalBefore().contacts()))))
        .append("</p>\n");
    table(html, page, o, c);
    html.append("<p class=\"meta\">").append(escape(t.t("explore.costNote",
        c.money().exact(o.costPerMinute(), t.locale())))).append("</p>\n");
    return html.append("</body>\n</html>\n").toString();
  }

  private static void form(StringBuilder html, Texts t, Overview o, Context c) {
    html.append("<form class=\"filters\" id=\"filters\" method=\"get\" action=\"/explore\">\n<p>")
        .append("<label>").append(escape(t.t("explore.periodLabel")))
        .append(" <select name=\"period\" id=\"period-select\">");
    for (String p : List.of("today", "7d", "30d", "custom")) {
      option(html, p, t.t("period." + p), p.equals(o.period().kind()));
    }
    html.append("</select></label> <label>").append(escape(t.t("explore.from")))
        .append(" <input type=\"date\" name=\"from\" id=\"from\" value=\"")
        .append(o.period().kind().equals("custom") ? DAY.format(o.period().from()) : "")
        .append("\"></label> <label>").append(escape(t.t("explore.to")))
        .append(" <input type=\"date\" name=\"to\" id=\"to\" value=\"")
        .append(o.period().kind().equals("custom")
            ? DAY.format(o.period().to().minusSeconds(1)) : "")
        .append("\"></label> <label>").append(escape(t.t("explore.channel")))
        .append(" <select name=\"channel\" id=\"channel\">");
    option(html, "", t.t("explore.all"), o.filter().channel() == null);
    CHANNELS.forEach(ch -> option(html, ch, t.t("channel." + ch), ch.equals(o.filter().channel())));
    html.append("</select></label> <label>").append(escape(t.t("explore.queue")))
        .append(" <select name=\"queue\" id=\"queue\">");
    option(html, "", t.t("explore.all"), o.filter().queue() == null);
    List<String> queues = new java.util.ArrayList<>(c.queues());
    if (o.filter().queue() != null && !queues.contains(o.filter().queue())) {
      queues.add(o.filter().queue());
    }
    queues.forEach(q -> option(html, q, q, q.equals(o.filter().queue())));
    html.append("</select></label> <label>").append(escape(t.t("explore.sort")))
        .append(" <select name=\"sort\" id=\"sort\">");
    for (Overview.Sort s : Overview.Sort.values()) {
      String v = s.name().toLowerCase(Locale.ROOT);
      option(html, v, t.t("sort." + v), s == o.filter().sort());
    }
    html.append("</select></label> <button type=\"submit\" id=\"show\">")
        .append(escape(t.t("explore.show"))).append("</button></p>\n</form>\n");
  }

  private static void option(StringBuilder html, String value, String label, boolean selected) {
    html.append("<option value=\"").append(escape(value)).append("\"")
        .append(selected ? " selected" : "").append(">").append(escape(label)).append("</option>");
  }

  private static void table(StringBuilder html, Page page, Overview o, Context c) {
    Texts t = page.t();
    if (o.groups().isEmpty()) {
      html.append("<p id=\"no-contacts\">").append(escape(t.t("explore.none"))).append("</p>\n");
      return;
    }
    html.append("<table id=\"overview\">\n<thead><tr>");
    for (String h : List.of("reason", "contacts", "previous", "change", "changePct", "cost",
        "handle", "repeats", "callbacks", "negative")) {
      html.append("<th>").append(escape(t.t("col." + h))).append("</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    String query = linkQuery(o);
    for (Overview.Group g : o.groups()) {
      boolean single = g.lines().size() == 1 && g.lines().get(0).reasonId().equals(g.groupId());
      if (!single) {
        html.append("<tr class=\"group\" id=\"group-").append(escape(g.groupId())).append("\"><th>")
            .append(escape(c.names().name(g.groupId(), t.lang()))).append("</th>");
        cells(html, t, g.now(), g.before(), c.money(), o.costPerMinute());
        html.append("</tr>\n");
      }
      for (Overview.Line l : g.lines()) {
        html.append("<tr class=\"reason").append(single ? " top" : "").append("\" id=\"reason-")
            .append(escape(l.reasonId())).append("\"><td>").append(single ? "" : "↳ ")
            .append("<a href=\"/reasons/").append(escape(Page.enc(l.reasonId()))).append(query)
            .append("\">").append(escape(c.names().name(l.reasonId(), t.lang())))
            .append("</a></td>");
        cells(html, t, l.now(), l.before(), c.money(), o.costPerMinute());
        html.append("</tr>\n");
      }
    }
    html.append("</tbody>\n</table>\n");
  }

  /** The period and channel a reason link carries: the reason page shows the same period. */
  private static String linkQuery(Overview o) {
    StringBuilder q = new StringBuilder("?period=").append(Page.enc(o.period().kind()));
    if (o.period().kind().equals("custom")) {
      q.append("&from=").append(DAY.format(o.period().from())).append("&to=")
          .append(DAY.format(o.period().to().minusSeconds(1)));
    }
    if (o.filter().channel() != null) {
      q.append("&channel=").append(Page.enc(o.filter().channel()));
    }
    return escape(q.toString());
  }

  private static void cells(StringBuilder html, Texts t, Figures now, Figures before, Money money,
      double costPerMinute) {
    long growth = now.growth(before);
    Double share = now.growthShare(before);
    Double cost = now.cost(costPerMinute);
    Double handle = now.meanHandleMinutes();
    html.append("<td class=\"contacts\">").append(t.count(now.contacts())).append("</td>")
        .append("<td class=\"previous\">").append(t.count(before.contacts())).append("</td>")
        .append("<td class=\"change\">").append(growth > 0 ? "+" : "").append(t.count(growth))
        .append("</td><td class=\"change-pct\">")
        .append(share == null ? "–" : (share > 0 ? "+" : "") + t.percent(share))
        .append("</td><td class=\"cost\">")
        .append(cost == null ? "–" : escape(money.whole(cost, t.locale())))
        .append("</td><td class=\"handle\">")
        .append(handle == null ? "–" : escape(t.t("unit.minutes", t.number(handle, 1))))
        .append("</td><td class=\"repeats\">").append(t.percent(now.repeatRate()))
        .append("</td><td class=\"callbacks\" title=\"").append(escape(t.count(now.callbacks())))
        .append("\">").append(t.percent(now.callbackRate()))
        .append("</td><td class=\"negative\">").append(t.percent(now.negativeShare()))
        .append("</td>");
  }
}
