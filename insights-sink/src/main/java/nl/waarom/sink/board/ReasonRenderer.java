package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.db.ExploreReads;
import nl.waarom.sink.explore.Contrast;
import nl.waarom.sink.explore.FigureSource;
import nl.waarom.sink.explore.Names;
import nl.waarom.sink.explore.ReasonPage;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.Reason;

/**
 * Renders the page of one reason ({@code /reasons/<id>}) for a period: its figures against the
 * previous period, its trend at minute, hour or day resolution against the baseline, the words and
 * attribute values that set its contacts apart from the others (G²), its newest contacts with the
 * evidence marked (each links to {@code /contacts/<id>}), and its rules and examples in the
 * taxonomy in force. Every piece of data is escaped.
 */
final class ReasonRenderer {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private ReasonRenderer() {}

  static String render(Page page, ReasonPage r, Names names, Money money, double costPerMinute,
      FigureSource source) {
    Texts t = page.t();
    String name = names.name(r.reasonId(), t.lang());
    StringBuilder html = new StringBuilder(16_384);
    page.head(html, name + " · Waarom");
    html.append("<p><a id=\"back\" href=\"/explore").append(escape(periodQuery(page)))
        .append("\">← ").append(escape(t.t("reason.back"))).append("</a></p>\n<h1 id=\"reason-name\">")
        .append(escape(name)).append("</h1>\n<p class=\"meta\"><code>").append(escape(r.reasonId()))
        .append("</code>");
    if (r.definition() != null && r.definition().parent() != null) {
      html.append(" · ").append(escape(t.t("reason.group",
          names.name(r.definition().parent(), t.lang()))));
    }
    html.append(" · ").append(escape(t.t("explore.period", TIME.format(r.period().from()),
        TIME.format(r.period().to()), TIME.format(r.period().previous().from()))))
        .append("</p>\n");
    FigureSourceRenderer.render(html, page, source);
    figures(html, t, r, money, costPerMinute);
    chart(html, page, r);
    features(html, t, "words", r.words());
    features(html, t, "attributes", r.attributes());
    examples(html, t, r);
    definition(html, t, r.definition());
    return html.append("</body>\n</html>\n").toString();
  }

  private static String periodQuery(Page page) {
    StringBuilder q = new StringBuilder();
    for (String key : List.of("period", "from", "to", "channel")) {
      List<String> v = page.query().get(key);
      if (v != null && !v.isEmpty() && !v.get(0).isBlank()) {
        q.append(q.isEmpty() ? "?" : "&").append(key).append("=").append(Page.enc(v.get(0)));
      }
    }
    return q.toString();
  }

  private static void figures(StringBuilder html, Texts t, ReasonPage r, Money money,
      double costPerMinute) {
    long growth = r.now().growth(r.before());
    Double cost = r.now().cost(costPerMinute);
    Double handle = r.now().meanHandleMinutes();
    html.append("<p class=\"numbers\" id=\"figures\"><span id=\"contacts\">")
        .append(escape(t.t("reason.contacts", t.count(r.now().contacts()))))
        .append("</span> · ").append(escape(t.t("reason.previous", t.count(r.before().contacts()),
            (growth > 0 ? "+" : "") + t.count(growth),
            r.now().growthShare(r.before()) == null ? "–"
                : t.percent(r.now().growthShare(r.before())))))
        .append(" · ").append(escape(t.t("col.cost"))).append(" ")
        .append(cost == null ? "–" : escape(money.whole(cost, t.locale())))
        .append(" · ").append(escape(t.t("col.handle"))).append(" ")
        .append(handle == null ? "–" : escape(t.t("unit.minutes", t.number(handle, 1))))
        .append(" · ").append(escape(t.t("col.repeats"))).append(" ")
        .append(t.percent(r.now().repeatRate()))
        .append(" · ").append(escape(t.t("col.callbacks"))).append(" <span id=\"callbacks\">")
        .append(t.percent(r.now().callbackRate())).append("</span>")
        .append(" · ").append(escape(t.t("col.negative"))).append(" ")
        .append(t.percent(r.now().negativeShare())).append("</p>\n");
  }

  private static void chart(StringBuilder html, Page page, ReasonPage r) {
    Texts t = page.t();
    html.append("<section id=\"trend\">\n<h2>").append(escape(t.t("reason.trend"))).append("</h2>\n<p>");
    for (String res : List.of("minute", "hour", "day")) {
      if (res.equals(r.resolution())) {
        html.append("<b>").append(escape(t.t("resolution." + res))).append("</b> ");
      } else {
        java.util.Map<String, List<String>> q = new java.util.LinkedHashMap<>(page.query());
        q.put("resolution", List.of(res));
        html.append("<a id=\"resolution-").append(res).append("\" href=\"")
            .append(escape(new Page(t, page.path(), q).inLanguage(t.lang()))).append("\">")
            .append(escape(t.t("resolution." + res))).append("</a> ");
      }
    }
    html.append("</p>\n");
    List<ExploreReads.Point> points = r.series();
    if (points.isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.noTrend")))
          .append("</p>\n</section>\n");
      return;
    }
    long[] counts = new long[points.size()];
    double[] baseline = new double[points.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = points.get(i).count();
      Double b = points.get(i).baseline();
      baseline[i] = b == null ? Double.NaN : b;
    }
    html.append(Svg.chart(counts, baseline, 720, 160, t.t("reason.trend"),
        t.t("chart.peak." + r.resolution()), t.t("chart.onePoint")))
        .append("\n<p class=\"meta\">").append(escape(t.t("reason.trendNote",
            TIME.format(points.get(0).start()), TIME.format(points.get(points.size() - 1).start()))))
        .append("</p>\n</section>\n");
  }

  private static void features(StringBuilder html, Texts t, String kind,
      List<Contrast.Feature> features) {
    html.append("<section id=\"").append(kind).append("\">\n<h2>")
        .append(escape(t.t("reason." + kind))).append("</h2>\n");
    if (features.isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.noFeatures")))
          .append("</p>\n</section>\n");
      return;
    }
    html.append("<table>\n<thead><tr><th>").append(escape(t.t("reason.feature")))
        .append("</th><th>").append(escape(t.t("reason.share"))).append("</th><th>")
        .append(escape(t.t("reason.otherShare"))).append("</th><th>G²</th></tr></thead>\n<tbody>\n");
    for (Contrast.Feature f : features) {
      html.append("<tr><td><b>").append(escape(f.feature())).append("</b></td><td>")
          .append(t.percent(f.share())).append(" (").append(t.count(f.count())).append(")</td><td>")
          .append(t.percent(f.otherShare())).append("</td><td>").append(t.number(f.score(), 1))
          .append("</td></tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  private static void examples(StringBuilder html, Texts t, ReasonPage r) {
    html.append("<section id=\"examples\">\n<h2>").append(escape(t.t("reason.examples")))
        .append("</h2>\n");
    if (r.examples().isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.noExamples")))
          .append("</p>\n</section>\n");
      return;
    }
    html.append("<ul class=\"examples\">\n");
    for (ExploreReads.ContactRow c : r.examples()) {
      html.append("<li><a class=\"contact\" href=\"/contacts/").append(escape(Page.enc(c.contactId())))
          .append("\">").append(escape(c.contactId())).append("</a> <span class=\"meta\">")
          .append(escape(TIME.format(c.occurredAt()))).append(" · ")
          .append(escape(t.t("channel." + c.channel())))
          .append(c.queue() == null ? "" : " · " + escape(c.queue())).append("</span> ")
          .append(Html.highlight(c.snippet(), c.evidence())).append("</li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  private static void definition(StringBuilder html, Texts t, Reason reason) {
    html.append("<section id=\"definition\">\n<h2>").append(escape(t.t("reason.definition")))
        .append("</h2>\n");
    if (reason == null) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.notInTaxonomy")))
          .append("</p>\n</section>\n");
      return;
    }
    html.append("<p class=\"meta\">").append(escape(t.t("reason.owner", reason.owner(),
        reason.preventability().name()))).append("</p>\n<h3>")
        .append(escape(t.t("reason.rules"))).append("</h3>\n");
    if (reason.rules().isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.noRules"))).append("</p>\n");
    } else {
      html.append("<ul class=\"rules\">\n");
      reason.rules().forEach(rule -> html.append("<li><code>").append(escape(rule))
          .append("</code></li>\n"));
      html.append("</ul>\n");
    }
    html.append("<h3>").append(escape(t.t("reason.taxonomyExamples"))).append("</h3>\n");
    if (reason.labelledExamples().isEmpty()) {
      html.append("<p class=\"meta\">").append(escape(t.t("reason.noRules"))).append("</p>\n");
    } else {
      html.append("<ul class=\"taxonomy-examples\">\n");
      for (Example e : reason.labelledExamples()) {
        html.append("<li>").append(e.language() == null ? "" : "<span class=\"meta\">"
            + escape(e.language()) + "</span> ").append(escape(e.text())).append("</li>\n");
      }
      html.append("</ul>\n");
    }
    html.append("</section>\n");
  }
}
