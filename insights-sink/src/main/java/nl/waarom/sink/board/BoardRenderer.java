package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.backlog.BacklogItem;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.SignalRow;

/**
 * Renders the board as one self-contained HTML page: no scripts, no external assets, so it works
 * offline. It reloads itself every {@value #REFRESH_SECONDS} seconds. Every piece of data is
 * escaped with {@link Html#escape}. Each backlog item carries the element id {@code item-<item id>}.
 */
public final class BoardRenderer {
  static final int REFRESH_SECONDS = 5;
  private static final List<String> CHANNELS = List.of("CHAT", "CALL", "EMAIL");
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final String STYLE = "body{font-family:system-ui,sans-serif;margin:1.5rem;"
      + "color:#222}table{border-collapse:collapse}th,td{padding:.25rem .75rem;text-align:right;"
      + "border-bottom:1px solid #ddd}th:first-child,td:first-child{text-align:left}"
      + ".item{border:1px solid #ccc;border-radius:6px;padding:.5rem 1rem;margin:.75rem 0}"
      + ".meta{color:#555}.examples{font-size:.9rem}";

  private BoardRenderer() {}

  /** The whole page; never null. */
  public static String render(BoardView view) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"refresh\" content=\"").append(REFRESH_SECONDS).append("\">\n")
        .append("<title>Waarom board</title>\n<style>").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n<h1>Waarom: why customers contact us</h1>\n");
    topReasons(html, view.topReasons());
    backlog(html, view.backlog());
    return html.append("</body>\n</html>\n").toString();
  }

  private static void topReasons(StringBuilder html, TopReasons top) {
    html.append("<section id=\"top-reasons\">\n<h2>Top reasons now</h2>\n<p class=\"meta\">Last ")
        .append(top.minutes()).append(" minutes up to ").append(escape(TIME.format(top.asOf())))
        .append(". ").append(explained(top)).append("</p>\n");
    if (top.reasons().isEmpty()) {
      html.append("<p>No contacts in this window.</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead><tr><th>Reason</th><th>Total</th>");
    CHANNELS.forEach(ch -> html.append("<th>").append(ch).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (TopReasons.ReasonCounts r : top.reasons()) {
      html.append("<tr><td>").append(escape(r.reasonId())).append("</td><td>").append(r.total())
          .append("</td>");
      CHANNELS.forEach(ch -> html.append("<td>").append(r.on(ch)).append("</td>"));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static String explained(TopReasons top) {
    Double share = top.explainedShare();
    if (share == null) {
      return "Explained: no contacts yet.";
    }
    return String.format(Locale.ROOT, "Explained: %.0f%% (%d of %d contacts have a reason).",
        share * 100, top.explained(), top.total());
  }

  private static void backlog(StringBuilder html, List<BacklogItem> items) {
    html.append("<section id=\"backlog\">\n<h2>Backlog</h2>\n");
    if (items.isEmpty()) {
      html.append("<p>No backlog items yet.</p>\n");
    }
    items.forEach(item -> item(html, item));
    html.append("</section>\n");
  }

  private static void item(StringBuilder html, BacklogItem item) {
    InsightRow latest = item.latestInsight();
    html.append("<article class=\"item\" id=\"item-").append(escape(item.itemId())).append("\">\n")
        .append("<h3>").append(escape(item.title())).append("</h3>\n")
        .append("<p class=\"meta\">kind ").append(escape(item.kind()))
        .append(" · reason ").append(escape(reasonOf(item)))
        .append(" · status ").append(escape(item.status()))
        .append(" · ").append(item.insightCount()).append(item.insightCount() == 1 ? " insight" : " insights")
        .append("</p>\n")
        .append("<p class=\"summary\">").append(escape(latest.summary())).append("</p>\n")
        .append("<p class=\"numbers\">").append(latest.count()).append(" contacts vs baseline ")
        .append(String.format(Locale.ROOT, "%.1f", latest.baseline()))
        .append(" in ").append(escape(TIME.format(latest.windowStart()))).append(" to ")
        .append(escape(TIME.format(latest.windowEnd())))
        .append(" · ").append(escape(volume(latest.details().weeklyVolume())))
        .append(" · estimated cost ").append(escape(cost(item.estimatedCost())))
        .append(" · ").append(escape(item.preventability() == null ? "UNKNOWN" : item.preventability()))
        .append("</p>\n");
    signals(html, latest);
    if (latest.details().draftedRule() != null) {
      html.append("<p class=\"rule\">Drafted rule: <code>")
          .append(escape(latest.details().draftedRule())).append("</code></p>\n");
    }
    examples(html, latest);
    html.append("</article>\n");
  }

  /** What explains the insight: the strongest signals, e.g. {@code queue = betalen (80% vs 5%)}. */
  private static void signals(StringBuilder html, InsightRow latest) {
    List<SignalRow> signals = latest.details().signals();
    if (signals.isEmpty()) {
      return;
    }
    html.append("<p class=\"signals\">Why: ");
    for (int i = 0; i < Math.min(5, signals.size()); i++) {
      SignalRow s = signals.get(i);
      html.append(i == 0 ? "" : "; ").append(escape(s.name())).append(" = <b>")
          .append(escape(s.value())).append("</b> ")
          .append(String.format(Locale.ROOT, "(%.0f%% vs %.0f%%)", s.share() * 100,
              s.backgroundShare() * 100));
    }
    html.append("</p>\n");
  }

  private static void examples(StringBuilder html, InsightRow latest) {
    if (latest.examples().isEmpty()) {
      return;
    }
    html.append("<ul class=\"examples\">\n");
    for (ExampleRow e : latest.examples()) {
      html.append("<li><code>").append(escape(e.contactId())).append("</code> ")
          .append(escape(e.snippet())).append("</li>\n");
    }
    html.append("</ul>\n");
  }

  private static String reasonOf(BacklogItem item) {
    if (item.reasonId() != null) {
      return item.reasonId();
    }
    return item.candidateTerms().isEmpty() ? "none" : "new: " + String.join(", ", item.candidateTerms());
  }

  /** Estimated contacts per week; "volume unknown" when not estimated. */
  static String volume(Double weeklyVolume) {
    return weeklyVolume == null ? "volume unknown"
        : String.format(Locale.ROOT, "~%,.0f contacts per week", weeklyVolume);
  }

  /** Per week, in the configured currency; "unknown" when not estimated. */
  static String cost(Double cost) {
    return cost == null ? "unknown" : String.format(Locale.ROOT, "%,.0f per week", cost);
  }

  /** For tests and callers that format instants the same way as the page. */
  static String time(Instant instant) {
    return TIME.format(instant);
  }
}
