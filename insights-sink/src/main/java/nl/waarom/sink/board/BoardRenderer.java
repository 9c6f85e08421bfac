package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.SignalRow;

/**
 * Renders the board: one HTML page whose sections ({@code data-fragment} top-reasons, share,
 * emerging, backlog) are also served on their own ({@code /fragments/<name>}), so the page's
 * script ({@code /static/board.js}, served locally: the board works offline) swaps in fresh
 * sections when the server pushes a change over Server-Sent Events, without reloading. Without
 * JavaScript the page is complete but static. Every piece of data is escaped with
 * {@link Html#escape}. Each backlog item carries the element id {@code item-<item id>}.
 */
public final class BoardRenderer {
  /** The sections of the board, in page order. */
  static final List<String> FRAGMENTS = List.of("share", "top-reasons", "emerging", "backlog");
  private static final List<String> CHANNELS = List.of("CHAT", "CALL", "EMAIL");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BoardRenderer() {}

  /** The whole page in English; never null. */
  public static String render(BoardView view) {
    return render(Page.english("/"), view);
  }

  /** The whole page with the navigation in the page's language; never null. */
  static String render(Page page, BoardView view) {
    StringBuilder html = new StringBuilder(8192);
    Texts t = page.t();
    page.head(html, t.t("board.pageTitle"));
    html.append("<h1>").append(escape(t.t("board.title"))).append("</h1>\n");
    for (String name : FRAGMENTS) {
      html.append("<div data-fragment=\"").append(name).append("\">\n");
      fragment(html, name, view, t);
      html.append("</div>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  /**
   * One section of the board, as {@code /fragments/<name>} serves it.
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static String fragment(String name, BoardView view) {
    return fragment(name, view, Texts.EN);
  }

  /** One section of the board in a language. */
  static String fragment(String name, BoardView view, Texts t) {
    StringBuilder html = new StringBuilder(4096);
    fragment(html, name, view, t);
    return html.toString();
  }

  private static void fragment(StringBuilder html, String name, BoardView view, Texts t) {
    switch (name) {
      case "share" -> share(html, view, t);
      case "top-reasons" -> topReasons(html, view.topReasons(), view.sparklines(),
          view.names().in(t.lang()), t);
      case "emerging" -> emerging(html, view.emerging(), t);
      case "backlog" -> backlog(html, view.backlog(), view.names(), t);
      default -> throw new IllegalArgumentException("no fragment '" + name + "'");
    }
  }

  private static void share(StringBuilder html, BoardView view, Texts t) {
    html.append("<section id=\"share\">\n<h2>").append(escape(t.t("board.share")))
        .append("</h2>\n");
    if (view.shares().isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("board.noWindows")))
          .append("</p>\n</section>\n");
      return;
    }
    ShareRow latest = view.shares().get(0);
    long[] series = new long[view.shares().size()];
    for (int i = 0; i < series.length; i++) {
      series[i] = Math.round(view.shares().get(series.length - 1 - i).share() * 1000);
    }
    html.append("<p><span class=\"big\" id=\"explained-share\">")
        .append(t.number(latest.share() * 100, 0)).append("%</span> ")
        .append(escape(t.t("board.shareOf", t.count(latest.total()),
            TIME.format(latest.windowStart())))).append(" ")
        .append(Svg.sparkline(series, 160, 28)).append("</p>\n</section>\n");
  }

  private static void emerging(StringBuilder html, List<BacklogItem> items, Texts t) {
    html.append("<section id=\"emerging\">\n<h2>").append(escape(t.t("board.emerging")))
        .append("</h2>\n");
    if (items.isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("board.noEmerging")))
          .append("</p>\n");
    }
    for (BacklogItem item : items) {
      InsightRow latest = item.latestInsight();
      html.append("<article class=\"emerging\" id=\"emerging-").append(escape(item.itemId()))
          .append("\">\n<h3><a href=\"/items/").append(escape(item.itemId())).append("\">")
          .append(escape(title(item, ReasonNames.ids(), t))).append("</a></h3>\n<p>")
          .append(escape(t.t("board.emergingLine", t.count(latest.count()),
              String.join(", ", latest.candidateTerms())))).append("</p>\n");
      if (latest.details().draftedRule() != null) {
        html.append("<p class=\"rule\">").append(escape(t.t("item.rule"))).append(" <code>")
            .append(escape(latest.details().draftedRule())).append("</code></p>\n");
      }
      html.append("<p><button data-action=\"promote\" data-item=\"").append(escape(item.itemId()))
          .append("\">").append(escape(t.t("board.promote")))
          .append("</button> <button data-action=\"dismiss\" data-item=\"")
          .append(escape(item.itemId())).append("\">").append(escape(t.t("board.dismiss")))
          .append("</button></p>\n</article>\n");
    }
    html.append("</section>\n");
  }

  private static void topReasons(StringBuilder html, TopReasons top,
      Map<String, long[]> sparklines, ReasonNames names, Texts t) {
    html.append("<section id=\"top-reasons\">\n<h2>").append(escape(t.t("board.topReasons")))
        .append("</h2>\n<p class=\"meta\">")
        .append(escape(t.t("board.window", t.count(top.minutes()), TIME.format(top.asOf()))))
        .append(" ").append(escape(explained(top, t))).append("</p>\n");
    if (top.reasons().isEmpty()) {
      html.append("<p>").append(escape(t.t("board.noContacts"))).append("</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead><tr><th>").append(escape(t.t("board.col.reason")))
        .append("</th><th>").append(escape(t.t("board.col.total"))).append("</th>");
    CHANNELS.forEach(ch -> html.append("<th>").append(escape(t.t("board.col." + ch)))
        .append("</th>"));
    html.append("<th title=\"").append(escape(t.t("board.col.negativeTitle"))).append("\">")
        .append(escape(t.t("board.col.negative"))).append("</th><th>")
        .append(escape(t.t("board.col.perMinute"))).append("</th></tr></thead>\n<tbody>\n");
    for (TopReasons.ReasonCounts r : top.reasons()) {
      html.append("<tr><td>").append(escape(names.name(r.reasonId()))).append("</td><td>")
          .append(r.total())
          .append("</td>");
      CHANNELS.forEach(ch -> html.append("<td>").append(r.on(ch)).append("</td>"));
      html.append("<td class=\"negative\">").append(negative(r, t)).append("</td>");
      html.append("<td>").append(Svg.sparkline(sparklines.get(r.reasonId()), 120, 20))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** "25 %" with the counts as a tooltip; a dash when no contact of the reason has a sentiment. */
  private static String negative(TopReasons.ReasonCounts r, Texts t) {
    Double share = r.negativeShare();
    if (share == null) {
      return "–";
    }
    return "<span title=\"" + escape(t.t("board.negativeOf", t.count(r.negativeCount()),
        t.count(r.sentimentCount()))) + "\">" + t.percent(share) + "</span>";
  }

  private static String explained(TopReasons top, Texts t) {
    Double share = top.explainedShare();
    if (share == null) {
      return t.t("board.explainedNone");
    }
    return t.t("board.explained", t.number(share * 100, 0) + "%", t.count(top.explained()),
        t.count(top.total()));
  }

  private static void backlog(StringBuilder html, List<BacklogItem> items, ReasonNames names,
      Texts t) {
    html.append("<section id=\"backlog\">\n<h2>").append(escape(t.t("board.backlog")))
        .append("</h2>\n");
    if (items.isEmpty()) {
      html.append("<p>").append(escape(t.t("board.noItems"))).append("</p>\n");
    }
    ReasonNames named = names.in(t.lang());
    items.forEach(item -> item(html, item, named, t));
    html.append("</section>\n");
  }

  static void item(StringBuilder html, BacklogItem item, ReasonNames names, Texts t) {
    InsightRow latest = item.latestInsight();
    html.append("<article class=\"item\" id=\"item-").append(escape(item.itemId())).append("\">\n")
        .append("<h3><a href=\"/items/").append(escape(item.itemId())).append("\">")
        .append(escape(title(item, names, t))).append("</a></h3>\n")
        .append("<p class=\"meta\">").append(escape(t.t("item.kind"))).append(" ")
        .append(escape(t.or("kind." + item.kind(), item.kind())))
        .append(" · ").append(escape(t.t("item.reason"))).append(" ")
        .append(escape(reasonOf(item, names, t)))
        .append(" · ").append(escape(t.t("item.status"))).append(" <span class=\"status\">")
        .append(escape(t.or("state." + item.status(), item.status()))).append("</span>")
        .append(item.work().owner() == null ? "" : " · " + escape(t.t("item.owner")) + " "
            + escape(item.work().owner()))
        .append(" · ").append(escape(t.t(item.insightCount() == 1 ? "board.insight"
            : "board.insights", t.count(item.insightCount()))))
        .append("</p>\n")
        .append("<p class=\"summary\">").append(escape(latest.summary())).append("</p>\n")
        .append("<p class=\"numbers\">").append(escape(t.t("board.numbers",
            t.count(latest.count()), t.number(latest.baseline(), 1),
            TIME.format(latest.windowStart()), TIME.format(latest.windowEnd()))))
        .append(" · ").append(escape(valued(latest, item, t)))
        .append(" · ").append(escape(ItemRenderer.preventability(t, item.preventability())))
        .append("</p>\n");
    signals(html, latest, t);
    if (latest.details().draftedRule() != null) {
      html.append("<p class=\"rule\">").append(escape(t.t("item.rule"))).append(" <code>")
          .append(escape(latest.details().draftedRule())).append("</code></p>\n");
    }
    examples(html, latest, highlights(latest));
    html.append("</article>\n");
  }

  /** What explains the insight: the strongest signals, e.g. {@code queue = betalen (80% vs 5%)}. */
  static void signals(StringBuilder html, InsightRow latest, Texts t) {
    List<SignalRow> signals = latest.details().signals();
    if (signals.isEmpty()) {
      return;
    }
    html.append("<p class=\"signals\">").append(escape(t.t("item.why"))).append(" ");
    for (int i = 0; i < Math.min(5, signals.size()); i++) {
      SignalRow s = signals.get(i);
      html.append(i == 0 ? "" : "; ").append(escape(s.name())).append(" = <b>")
          .append(escape(s.value())).append("</b> ")
          .append("(").append(t.number(s.share() * 100, 0)).append("% ")
          .append(escape(t.t("item.versus"))).append(" ")
          .append(t.number(s.backgroundShare() * 100, 0)).append("%)");
    }
    html.append("</p>\n");
  }

  static void examples(StringBuilder html, InsightRow latest, List<String> highlights) {
    if (latest.examples().isEmpty()) {
      return;
    }
    html.append("<ul class=\"examples\">\n");
    for (ExampleRow e : latest.examples()) {
      html.append("<li><code>").append(escape(e.contactId())).append("</code> ")
          .append(Html.highlight(e.snippet(), highlights)).append("</li>\n");
    }
    html.append("</ul>\n");
  }

  /** The words to mark in an insight's examples: its phrases and its TERM signals. */
  static List<String> highlights(InsightRow insight) {
    List<String> words = new java.util.ArrayList<>(insight.candidateTerms());
    insight.details().signals().stream().filter(s -> s.kind().equals("TERM"))
        .map(SignalRow::value).forEach(words::add);
    return words;
  }

  /**
   * The item's title in a language: its kind's label and its reason's name in {@code names} when
   * they know it, else what the stored title says ({@code Spike: Payment problem} is
   * {@code Piek: Betaling lukt niet} in Dutch).
   */
  static String title(BacklogItem item, ReasonNames names, Texts t) {
    String stored = item.title();
    int colon = stored.indexOf(": ");
    if (colon < 0) {
      return stored;
    }
    String subject = item.reasonId() != null && names.knows(item.reasonId())
        ? names.name(item.reasonId()) : stored.substring(colon + 2);
    return t.or("title." + item.kind(), stored.substring(0, colon)) + ": " + subject;
  }

  /** The item's reason by its display name, or its new phrases. */
  static String reasonOf(BacklogItem item, ReasonNames names, Texts t) {
    if (item.reasonId() != null) {
      return names.name(item.reasonId());
    }
    return item.candidateTerms().isEmpty() ? t.t("item.noReason")
        : t.t("item.newPhrases", String.join(", ", item.candidateTerms()));
  }

  /**
   * What an item is worth: a spike's excess contacts and what its episode cost, or a structural
   * insight's weekly volume and weekly cost; then the value at stake (the rank).
   */
  static String valued(InsightRow latest, BacklogItem item, Texts t) {
    String value = " · " + t.t("board.valueAtStake", t.count(Math.round(
        item.work().valueAtStake())));
    Double excess = latest.details().excessContacts();
    if (excess != null) {
      return t.t("board.excess", t.count(Math.round(excess))) + " · "
          + t.t("board.episodeCost", item.estimatedCost() == null ? t.t("item.unknown")
              : t.count(Math.round(item.estimatedCost()))) + value;
    }
    return volume(latest.details().weeklyVolume(), t) + " · "
        + t.t("board.estimatedCost", cost(item.estimatedCost(), t)) + value;
  }

  /** Estimated contacts per week in a language; its "volume unknown" when not estimated. */
  static String volume(Double weeklyVolume, Texts t) {
    return weeklyVolume == null ? t.t("item.volumeUnknown")
        : t.t("item.weekly", t.count(Math.round(weeklyVolume)));
  }

  /** Per week, in the configured currency; "unknown" when not estimated. */
  static String cost(Double cost) {
    return cost(cost, Texts.EN);
  }

  /** Per week in a language; its "unknown" when not estimated. */
  static String cost(Double cost, Texts t) {
    return cost == null ? t.t("item.unknown")
        : t.t("board.perWeek", t.count(Math.round(cost)));
  }

  /** For tests and callers that format instants the same way as the page. */
  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
