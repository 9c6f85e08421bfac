package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import nl.waarom.sink.db.RescoreStore;
import nl.waarom.sink.explore.FigureSource;

/**
 * The line under an explore page's period that says which taxonomy version its figures are from
 * ({@code <p id="figures-source">}): re-scored under the version in force, with the run's counts
 * and a link to the figures as classified at the time; or as classified, by which versions, with
 * a warning when they differ from the version in force, a re-score in progress, and for editors a
 * button ({@code #rescore}, driven by {@code /static/rescore.js}) that queues a re-score of the
 * page's period and the previous one. Every piece of data is escaped.
 */
final class FigureSourceRenderer {
  /** The query parameter that asks for the figures as classified at the time. */
  static final String AS_CLASSIFIED = "figures";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private FigureSourceRenderer() {}

  static void render(StringBuilder html, Page page, FigureSource s) {
    Texts t = page.t();
    html.append("<div class=\"note\" id=\"figures-source\"><p>");
    java.util.Map<String, List<String>> query = new java.util.LinkedHashMap<>(page.query());
    query.remove(AS_CLASSIFIED);
    String self = new Page(t, page.path(), query).inLanguage(t.lang());
    query.put(AS_CLASSIFIED, List.of("classified"));
    String asClassified = new Page(t, page.path(), query).inLanguage(t.lang());
    RescoreStore.Run run = s.rescored();
    if (run != null) {
      html.append("<span id=\"figures-rescored\">").append(escape(t.t("figures.rescored",
          run.taxonomyVersion(), TIME.format(run.finishedAt()), run.requestedBy(),
          t.count(run.rescored()), t.count(run.corrected()), t.count(run.kept()),
          t.count(run.changed())))).append("</span> <a id=\"figures-as-classified\" href=\"")
          .append(escape(asClassified)).append("\">")
          .append(escape(t.t("figures.showClassified"))).append("</a>");
    } else {
      String versions = s.classifiedBy().isEmpty() ? t.t("figures.noContacts")
          : s.classifiedBy().stream().map(v -> t.t("figures.version", v.version(),
              t.count(v.contacts()))).collect(Collectors.joining(", "));
      html.append("<span id=\"figures-classified\">")
          .append(escape(t.t("figures.classified", versions))).append("</span>");
      if (s.mixed()) {
        html.append(" <strong id=\"figures-mixed\">")
            .append(escape(t.t("figures.mixed", s.versionInForce()))).append("</strong>");
      }
      if (s.rescoreAvailable()) {
        html.append(" <a id=\"figures-rescored-link\" href=\"").append(escape(self)).append("\">")
            .append(escape(t.t("figures.showRescored"))).append("</a>");
      }
    }
    html.append("</p>\n");
    List<RescoreStore.Run> pending = s.pending();
    for (RescoreStore.Run p : pending) {
      String state = p.status() == RescoreStore.Status.RUNNING && p.expected() != null
          ? t.t("figures.running", t.count(p.read()), t.count(p.expected()))
          : t.t("figures.queued");
      html.append("<p class=\"meta rescore-pending\" data-run=\"").append(escape(p.runId()))
          .append("\">").append(escape(t.t("figures.pending", TIME.format(p.from()),
              TIME.format(p.to()), p.taxonomyVersion(), state))).append("</p>\n");
    }
    if (s.rescored() == null && !s.rescoreAvailable() && pending.isEmpty()
        && s.versionInForce() != null && !s.classifiedBy().isEmpty()) {
      if (s.canRescore()) {
        html.append("<p hidden id=\"rescore-section\"><button type=\"button\" id=\"rescore\""
            + " data-from=\"").append(s.from()).append("\" data-to=\"").append(s.to())
            .append("\" data-queued=\"").append(escape(t.t("figures.rescoreQueued")))
            .append("\">").append(escape(t.t("figures.rescore", s.versionInForce())))
            .append("</button> <span id=\"rescore-status\" class=\"meta\"></span></p>\n");
      } else if (s.retainedSince() != null) {
        html.append("<p class=\"meta\" id=\"rescore-too-old\">").append(escape(t.t(
            "figures.tooOld", TIME.format(s.retainedSince())))).append("</p>\n");
      }
    }
    html.append("</div>\n<script src=\"/static/rescore.js\" defer></script>\n");
  }
}
