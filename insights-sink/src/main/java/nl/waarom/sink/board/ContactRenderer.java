package nl.waarom.sink.board;

import static nl.waarom.sink.board.Html.escape;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.Classification;
import nl.waarom.sink.db.ContactReads;
import nl.waarom.sink.db.ContactText;
import nl.waarom.sink.db.CorrectionRow;
import nl.waarom.sink.db.ReasonEntry;
import nl.waarom.sink.db.StoredContact;

/**
 * Renders the contact search ({@code /contacts}) and a contact's page ({@code /contacts/<id>}):
 * its redacted words with the evidence of its reasons marked (offsets index into the turn texts;
 * turn -1 is the subject), its reasons with confidence and source, the sentiment of each turn, the
 * taxonomy version, a link to the contact it repeats, its corrections, and the editor's form to
 * correct it (driven by {@code /static/contacts.js}, which takes the words it shows from the form's
 * {@code data-} attributes). Both pages are in the page's language ({@link Page}), the reasons by
 * their names in it. Every piece of data is escaped.
 */
final class ContactRenderer {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);
  private static final List<String> CHANNELS = List.of("CHAT", "CALL", "EMAIL", "OTHER");
  private static final int SNIPPET = 200;

  private ContactRenderer() {}

  /**
   * A search page.
   *
   * @param filter what was asked; never null
   * @param page 1-based
   * @param found at most {@link ContactRoutes#PAGE_SIZE} contacts, newest first; never null
   * @param names never null
   */
  record Search(ContactReads.Filter filter, int page, List<StoredContact> found,
      ReasonNames names) {}

  /**
   * A contact page.
   *
   * @param contact never null
   * @param corrections oldest first; never null
   * @param names of the contact's taxonomy version (or the one in force), in the page's language;
   *     never null
   * @param choices the reason ids an editor may choose; never null
   * @param canCorrect whether this server can take corrections
   */
  record View(StoredContact contact, List<CorrectionRow> corrections, ReasonNames names,
      List<String> choices, boolean canCorrect) {}

  /** The search page in the page's language; {@code s.names()} in the same language. */
  static String search(Page page, Search s) {
    Texts t = page.t();
    StringBuilder html = new StringBuilder(16_384);
    head(html, page, t.t("contacts.pageTitle"));
    html.append("<p><a href=\"/\">← ").append(escape(t.t("contacts.back")))
        .append("</a></p>\n<h1>").append(escape(t.t("contacts.title"))).append("</h1>\n")
        .append("<form method=\"get\" action=\"/contacts\" id=\"contact-search\" class=\"search\">")
        .append("\n<p><label>").append(escape(t.t("contacts.words"))).append(" <input id=\"q\"")
        .append(" name=\"q\" value=\"").append(escape(s.filter().words()))
        .append("\"></label> <label>")
        .append(escape(t.t("contacts.reason"))).append(" <select id=\"reason\" name=\"reason\">");
    option(html, "", t.t("contacts.any"), false);
    for (var r : s.names().reasons()) {
      option(html, r.reasonId(), s.names().name(r.reasonId()), r.reasonId().equals(
          s.filter().reasonId()));
    }
    option(html, "unexplained", t.t("contacts.unexplained"),
        "unexplained".equals(s.filter().reasonId()));
    html.append("</select></label> <label>").append(escape(t.t("contacts.channel")))
        .append(" <select id=\"channel\" name=\"channel\">");
    option(html, "", t.t("contacts.any"), false);
    CHANNELS.forEach(c -> option(html, c, channel(t, c), c.equals(s.filter().channel())));
    html.append("</select></label> <label>").append(escape(t.t("contacts.from")))
        .append(" <input type=\"date\" id=\"from\" name=\"from\" value=\"")
        .append(s.filter().from() == null ? ""
            : escape(s.filter().from().toString().substring(0, 10)))
        .append("\"></label> <label>").append(escape(t.t("contacts.to")))
        .append(" <input type=\"date\" id=\"to\" name=\"to\" value=\"")
        .append(s.filter().to() == null ? ""
            : escape(s.filter().to().minusSeconds(1).toString().substring(0, 10)))
        .append("\"></label> <button type=\"submit\" id=\"search\">")
        .append(escape(t.t("contacts.search"))).append("</button></p>\n</form>\n");
    if (s.found().isEmpty()) {
      html.append("<p id=\"no-contacts\">").append(escape(t.t("contacts.none"))).append("</p>\n");
    } else {
      html.append("<table id=\"contacts\">\n<thead><tr><th>").append(escape(t.t("contacts.when")))
          .append("</th><th>").append(escape(t.t("contacts.channel"))).append("</th><th>")
          .append(escape(t.t("contacts.reason"))).append("</th><th>")
          .append(escape(t.t("contacts.words"))).append("</th></tr></thead>\n<tbody>\n");
      List<String> words = s.filter().words() == null ? List.of()
          : Arrays.asList(s.filter().words().split("\\s+"));
      for (StoredContact c : s.found()) {
        String href = "/contacts/" + URLEncoder.encode(c.contactId(), StandardCharsets.UTF_8);
        html.append("<tr id=\"contact-").append(escape(c.contactId())).append("\"><td><a href=\"")
            .append(escape(href)).append("\">").append(escape(TIME.format(c.occurredAt())))
            .append("</a></td><td>").append(escape(channel(t, c.channel()))).append("</td><td>")
            .append(escape(reason(t, c, s.names()))).append("</td><td>")
            .append(Html.highlight(snippet(c.searchText()), words)).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("<p class=\"pages\">");
    if (s.page() > 1) {
      html.append("<a id=\"previous\" href=\"").append(escape(pageLink(s, s.page() - 1)))
          .append("\">").append(escape(t.t("contacts.newer"))).append("</a> ");
    }
    if (s.found().size() == ContactRoutes.PAGE_SIZE) {
      html.append("<a id=\"next\" href=\"").append(escape(pageLink(s, s.page() + 1)))
          .append("\">").append(escape(t.t("contacts.older"))).append("</a>");
    }
    return html.append("</p>\n</body>\n</html>\n").toString();
  }

  /** The contact page in the page's language; {@code v.names()} in the same language. */
  static String contact(Page page, View v) {
    Texts t = page.t();
    StoredContact c = v.contact();
    ReasonNames names = v.names();
    StringBuilder html = new StringBuilder(16_384);
    head(html, page, t.t("contact.pageTitle", c.contactId()));
    html.append("<p><a href=\"/\">← ").append(escape(t.t("contacts.back")))
        .append("</a> · <a href=\"/contacts\">").append(escape(t.t("contact.contacts")))
        .append("</a></p>\n<h1>").append(escape(t.t("contact.title"))).append(" <code>")
        .append(escape(c.contactId())).append("</code></h1>\n")
        .append("<p class=\"meta\" id=\"contact-meta\">").append(escape(channel(t, c.channel())))
        .append(" · ").append(escape(TIME.format(c.occurredAt())));
    if (c.queue() != null) {
      html.append(" · ").append(escape(t.t("contact.queue", c.queue())));
    }
    if (c.language() != null) {
      html.append(" · ").append(escape(t.t("contact.language", c.language())));
    }
    if (c.handleMillis() != null) {
      html.append(" · ").append(escape(t.t("contact.handle",
          t.t("unit.minutes", t.number(c.handleMillis() / 60_000.0, 1)))));
    }
    html.append(" · ").append(escape(t.t("contact.taxonomy")))
        .append(" <span id=\"taxonomy-version\">").append(escape(c.taxonomyVersion() == null
            ? t.t("contacts.notClassified") : c.taxonomyVersion())).append("</span>");
    if (c.repeatOf() != null) {
      html.append(" · ").append(escape(t.t("contact.repeatOf")))
          .append(" <a id=\"repeat-of\" href=\"/contacts/")
          .append(escape(URLEncoder.encode(c.repeatOf(), StandardCharsets.UTF_8))).append("\">")
          .append(escape(c.repeatOf())).append("</a>");
    }
    if (Boolean.TRUE.equals(c.callbackRequested())) {
      html.append(" · <span id=\"callback-requested\">")
          .append(escape(t.t("contact.callbackRequested"))).append("</span>");
    }
    html.append("</p>\n");
    reasons(html, t, c, names);
    words(html, t, c, names);
    correctForm(html, t, v);
    corrections(html, t, v.corrections(), names);
    return html.append("</body>\n</html>\n").toString();
  }

  static String notFound(Page page, String id) {
    Texts t = page.t();
    StringBuilder html = new StringBuilder(1024);
    head(html, page, t.t("contact.notFoundTitle"));
    return html.append("<p><a href=\"/contacts\">← ").append(escape(t.t("contact.contacts")))
        .append("</a></p>\n<h1>").append(escape(t.t("contact.notFound"))).append(" <code>")
        .append(escape(id)).append("</code></h1>\n<p>").append(escape(t.t("contact.notFoundNote")))
        .append("</p>\n</body>\n</html>\n").toString();
  }

  private static void head(StringBuilder html, Page page, String title) {
    page.head(html, title);
    html.insert(html.indexOf("</head>"), "<link rel=\"stylesheet\" href=\"/static/contacts.css\">\n"
        + "<script src=\"/static/contacts.js\" defer></script>\n");
  }

  private static void reasons(StringBuilder html, Texts t, StoredContact c, ReasonNames names) {
    html.append("<section id=\"reasons\">\n<h2>").append(escape(t.t("contact.reasons")))
        .append("</h2>\n");
    if (c.reasons().isEmpty()) {
      html.append("<p id=\"unexplained\">").append(escape(c.unexplained() == null
          ? t.t("contact.notClassified") : t.t("contact.unexplained")))
          .append("</p>\n</section>\n");
      return;
    }
    html.append("<ul>\n");
    for (ReasonEntry r : c.reasons()) {
      html.append("<li class=\"reason\" data-reason=\"").append(escape(r.reasonId()))
          .append("\" data-source=\"").append(escape(r.source())).append("\"><b>")
          .append(escape(names.name(r.reasonId()))).append("</b> <code>")
          .append(escape(r.reasonId())).append("</code> · ")
          .append(String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100))
          .append(" · ").append(escape(t.t("contact.source"))).append(" <span class=\"source\">")
          .append(escape(t.or("source." + r.source(), r.source()))).append("</span>");
      if (!r.evidence().isEmpty()) {
        html.append(" · ").append(escape(t.t("contact.evidence"))).append(" ")
            .append(escape(String.join(", ", r.evidence().stream()
                .map(ReasonEntry.EvidenceSpan::term).distinct().toList())));
      }
      html.append("</li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  private static void words(StringBuilder html, Texts t, StoredContact c, ReasonNames names) {
    html.append("<section id=\"words\">\n<h2>").append(escape(t.t("contact.words")))
        .append("</h2>\n");
    if (c.turns().isEmpty() && c.subject() == null) {
      html.append("<p>").append(escape(t.t("contact.noWords"))).append("</p>\n</section>\n");
      return;
    }
    if (c.subject() != null) {
      html.append("<p class=\"subject\" id=\"subject\">").append(escape(t.t("contact.subject")))
          .append(" ").append(Marks.mark(c.subject(), spans(c, -1, names))).append("</p>\n");
    }
    html.append("<ol class=\"turns\">\n");
    for (int i = 0; i < c.turns().size(); i++) {
      ContactText.Turn turn = c.turns().get(i);
      html.append("<li class=\"turn ").append(escape(turn.speaker().toLowerCase(Locale.ROOT)))
          .append("\" id=\"turn-").append(i).append("\"><span class=\"speaker\">")
          .append(escape(t.or("speaker." + turn.speaker(),
              turn.speaker().toLowerCase(Locale.ROOT)))).append("</span> ");
      sentiment(html, t, c, i);
      html.append(Marks.mark(turn.text(), spans(c, i, names))).append("</li>\n");
    }
    html.append("</ol>\n</section>\n");
  }

  private static void sentiment(StringBuilder html, Texts t, StoredContact c, int turn) {
    for (Classification.TurnSentimentEntry s : c.turnSentiments()) {
      if (s.turnIndex() == turn) {
        String label = s.sentiment().toLowerCase(Locale.ROOT);
        html.append("<span class=\"sentiment ").append(escape(label)).append("\" title=\"")
            .append(escape(t.t("contact.score", String.format(t.locale(), "%+.2f", s.score()))))
            .append("\">").append(escape(t.or("sentiment." + s.sentiment(), label)))
            .append("</span> ");
        return;
      }
    }
  }

  private static List<Marks.Span> spans(StoredContact c, int turn, ReasonNames names) {
    List<Marks.Span> spans = new ArrayList<>();
    for (ReasonEntry r : c.reasons()) {
      for (ReasonEntry.EvidenceSpan e : r.evidence()) {
        if (e.turnIndex() == turn) {
          spans.add(new Marks.Span(e.start(), e.end(), names.name(r.reasonId())));
        }
      }
    }
    return spans;
  }

  /** The editor's form; contacts.js shows it to editors and takes its words from its data-*. */
  private static void correctForm(StringBuilder html, Texts t, View v) {
    if (!v.canCorrect() || v.contact().taxonomyVersion() == null) {
      return;
    }
    html.append("<section id=\"correct-section\" hidden>\n<h2>")
        .append(escape(t.t("contact.correct"))).append("</h2>\n")
        .append("<form class=\"correct\" id=\"correct\" data-contact=\"")
        .append(escape(v.contact().contactId())).append("\"");
    data(html, "sent", t.t("contact.sent"));
    data(html, "not-stored", t.t("contact.notStored"));
    for (String status : List.of("400", "401", "403", "404", "409", "503", "other")) {
      data(html, "error-" + status, t.t("contact.error." + status));
    }
    html.append(">\n<p><label>").append(escape(t.t("contact.isAbout")))
        .append(" <select id=\"correct-reason\" name=\"reasonId\">");
    for (String id : v.choices()) {
      option(html, id, v.names().name(id), id.equals(v.contact().primaryReasonId()));
    }
    html.append("</select></label> <button type=\"button\" id=\"correct-this\""
            + " data-correct=\"reason\">").append(escape(t.t("contact.thisReason")))
        .append("</button> <button type=\"button\" id=\"correct-none\" data-correct=\"none\">")
        .append(escape(t.t("contact.noneOfThese"))).append("</button></p>\n"
            + "<p class=\"error\" id=\"correct-error\" role=\"alert\"></p>\n"
            + "<p class=\"meta\" id=\"correct-status\" role=\"status\"></p>\n</form>\n"
            + "</section>\n");
  }

  private static void data(StringBuilder html, String name, String value) {
    html.append(" data-").append(name).append("=\"").append(escape(value)).append('"');
  }

  private static void corrections(StringBuilder html, Texts t, List<CorrectionRow> corrections,
      ReasonNames names) {
    html.append("<section id=\"corrections\">\n<h2>").append(escape(t.t("contact.corrections")))
        .append("</h2>\n");
    if (corrections.isEmpty()) {
      html.append("<p>").append(escape(t.t("contact.noCorrections"))).append("</p>\n</section>\n");
      return;
    }
    html.append("<ol>\n");
    for (CorrectionRow c : corrections) {
      html.append("<li id=\"correction-").append(escape(c.correctionId())).append("\">")
          .append(escape(TIME.format(c.correctedAt()))).append(" · ").append(escape(c.actor()))
          .append(" · ").append(escape(c.previousReasonId() == null
              ? t.t("contacts.unexplained") : names.name(c.previousReasonId()))).append(" → ")
          .append(escape(c.reasonId() == null ? t.t("contact.noneChosen")
              : names.name(c.reasonId())))
          .append(" · ").append(escape(t.t("contact.taxonomy"))).append(" ")
          .append(escape(c.taxonomyVersion())).append("</li>\n");
    }
    html.append("</ol>\n</section>\n");
  }

  private static String reason(Texts t, StoredContact c, ReasonNames names) {
    if (c.taxonomyVersion() == null) {
      return t.t("contacts.notClassified");
    }
    if (c.primaryReasonId() == null) {
      return t.t("contacts.unexplained");
    }
    return t.t("contacts.reasonBy", names.name(c.primaryReasonId()),
        t.or("source." + c.primarySource(), c.primarySource().toLowerCase(Locale.ROOT)));
  }

  private static String channel(Texts t, String channel) {
    return t.or("channel." + channel, channel);
  }

  private static String snippet(String text) {
    if (text == null) {
      return "";
    }
    String flat = text.replace('\n', ' ');
    return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
  }

  private static void option(StringBuilder html, String value, String label, boolean selected) {
    html.append("<option value=\"").append(escape(value)).append("\"")
        .append(selected ? " selected" : "").append(">").append(escape(label)).append("</option>");
  }

  private static String pageLink(Search s, int page) {
    StringBuilder q = new StringBuilder("/contacts?page=").append(page);
    ContactReads.Filter f = s.filter();
    param(q, "q", f.words());
    param(q, "reason", f.reasonId());
    param(q, "channel", f.channel());
    param(q, "from", f.from() == null ? null : f.from().toString());
    param(q, "to", f.to() == null ? null : f.to().toString());
    return q.toString();
  }

  private static void param(StringBuilder q, String name, String value) {
    if (value != null) {
      q.append('&').append(name).append('=').append(URLEncoder.encode(value,
          StandardCharsets.UTF_8));
    }
  }
}
