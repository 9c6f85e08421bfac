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
 * correct it (driven by {@code /static/contacts.js}). Every piece of data is escaped.
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
   * @param names of the contact's taxonomy version (or the one in force); never null
   * @param choices the reason ids an editor may choose; never null
   * @param canCorrect whether this server can take corrections
   */
  record Page(StoredContact contact, List<CorrectionRow> corrections, ReasonNames names,
      List<String> choices, boolean canCorrect) {}

  static String search(Search s) {
    StringBuilder html = new StringBuilder(16_384);
    head(html, "Contacts · Waarom");
    html.append("<p><a href=\"/\">← board</a></p>\n<h1>Contacts</h1>\n")
        .append("<form method=\"get\" action=\"/contacts\" id=\"contact-search\" class=\"search\">")
        .append("\n<p><label>Words <input id=\"q\" name=\"q\" value=\"")
        .append(escape(s.filter().words())).append("\"></label> <label>Reason <select id=\"reason\"")
        .append(" name=\"reason\"><option value=\"\">any</option>");
    for (var r : s.names().reasons()) {
      option(html, r.reasonId(), s.names().name(r.reasonId()), r.reasonId().equals(
          s.filter().reasonId()));
    }
    option(html, "unexplained", "unexplained", "unexplained".equals(s.filter().reasonId()));
    html.append("</select></label> <label>Channel <select id=\"channel\" name=\"channel\">")
        .append("<option value=\"\">any</option>");
    CHANNELS.forEach(c -> option(html, c, c, c.equals(s.filter().channel())));
    html.append("</select></label> <label>From <input type=\"date\" id=\"from\" name=\"from\""
            + " value=\"").append(s.filter().from() == null ? ""
            : escape(s.filter().from().toString().substring(0, 10)))
        .append("\"></label> <label>To <input type=\"date\" id=\"to\" name=\"to\" value=\"")
        .append(s.filter().to() == null ? ""
            : escape(s.filter().to().minusSeconds(1).toString().substring(0, 10)))
        .append("\"></label> <button type=\"submit\" id=\"search\">Search</button></p>\n</form>\n");
    if (s.found().isEmpty()) {
      html.append("<p id=\"no-contacts\">No contacts found in the retention window.</p>\n");
    } else {
      html.append("<table id=\"contacts\">\n<thead><tr><th>When</th><th>Channel</th>")
          .append("<th>Reason</th><th>Words</th></tr></thead>\n<tbody>\n");
      List<String> words = s.filter().words() == null ? List.of()
          : Arrays.asList(s.filter().words().split("\\s+"));
      for (StoredContact c : s.found()) {
        String href = "/contacts/" + URLEncoder.encode(c.contactId(), StandardCharsets.UTF_8);
        html.append("<tr id=\"contact-").append(escape(c.contactId())).append("\"><td><a href=\"")
            .append(escape(href)).append("\">").append(escape(TIME.format(c.occurredAt())))
            .append("</a></td><td>").append(escape(c.channel())).append("</td><td>")
            .append(escape(reason(c, s.names()))).append("</td><td>")
            .append(Html.highlight(snippet(c.searchText()), words)).append("</td></tr>\n");
      }
      html.append("</tbody>\n</table>\n");
    }
    html.append("<p class=\"pages\">");
    if (s.page() > 1) {
      html.append("<a id=\"previous\" href=\"").append(escape(pageLink(s, s.page() - 1)))
          .append("\">← newer</a> ");
    }
    if (s.found().size() == ContactRoutes.PAGE_SIZE) {
      html.append("<a id=\"next\" href=\"").append(escape(pageLink(s, s.page() + 1)))
          .append("\">older →</a>");
    }
    return html.append("</p>\n</body>\n</html>\n").toString();
  }

  static String contact(Page p) {
    StoredContact c = p.contact();
    ReasonNames names = p.names();
    StringBuilder html = new StringBuilder(16_384);
    head(html, "Contact " + c.contactId() + " · Waarom");
    html.append("<p><a href=\"/\">← board</a> · <a href=\"/contacts\">contacts</a></p>\n")
        .append("<h1>Contact <code>").append(escape(c.contactId())).append("</code></h1>\n")
        .append("<p class=\"meta\" id=\"contact-meta\">").append(escape(c.channel())).append(" · ")
        .append(escape(TIME.format(c.occurredAt())));
    if (c.queue() != null) {
      html.append(" · queue ").append(escape(c.queue()));
    }
    if (c.language() != null) {
      html.append(" · language ").append(escape(c.language()));
    }
    if (c.handleMillis() != null) {
      html.append(String.format(Locale.ROOT, " · handle time %.1f min",
          c.handleMillis() / 60_000.0));
    }
    html.append(" · taxonomy <span id=\"taxonomy-version\">")
        .append(escape(c.taxonomyVersion() == null ? "not classified yet" : c.taxonomyVersion()))
        .append("</span>");
    if (c.repeatOf() != null) {
      html.append(" · repeat of <a id=\"repeat-of\" href=\"/contacts/")
          .append(escape(URLEncoder.encode(c.repeatOf(), StandardCharsets.UTF_8))).append("\">")
          .append(escape(c.repeatOf())).append("</a>");
    }
    if (Boolean.TRUE.equals(c.callbackRequested())) {
      html.append(" · <span id=\"callback-requested\">the customer asked to be called back</span>");
    }
    html.append("</p>\n");
    reasons(html, c, names);
    words(html, c, names);
    correctForm(html, p);
    corrections(html, p.corrections(), names);
    return html.append("</body>\n</html>\n").toString();
  }

  static String notFound(String id) {
    StringBuilder html = new StringBuilder(1024);
    head(html, "Contact not found · Waarom");
    return html.append("<p><a href=\"/contacts\">← contacts</a></p>\n<h1>No contact <code>")
        .append(escape(id)).append("</code></h1>\n<p>It may have left the retention window.</p>\n")
        .append("</body>\n</html>\n").toString();
  }

  private static void head(StringBuilder html, String title) {
    // the contact pages are in English; the navigation and language switch are the board's
    nl.waarom.sink.board.Page.english("/contacts").head(html, title);
    html.insert(html.indexOf("</head>"), "<link rel=\"stylesheet\" href=\"/static/contacts.css\">\n"
        + "<script src=\"/static/contacts.js\" defer></script>\n");
  }

  private static void reasons(StringBuilder html, StoredContact c, ReasonNames names) {
    html.append("<section id=\"reasons\">\n<h2>Reasons</h2>\n");
    if (c.reasons().isEmpty()) {
      html.append("<p id=\"unexplained\">").append(c.unexplained() == null ? "Not classified yet."
          : "Unexplained: none of the taxonomy's reasons.").append("</p>\n</section>\n");
      return;
    }
    html.append("<ul>\n");
    for (ReasonEntry r : c.reasons()) {
      html.append("<li class=\"reason\" data-reason=\"").append(escape(r.reasonId()))
          .append("\" data-source=\"").append(escape(r.source())).append("\"><b>")
          .append(escape(names.name(r.reasonId()))).append("</b> <code>")
          .append(escape(r.reasonId())).append("</code> · ")
          .append(String.format(Locale.ROOT, "%.0f%%", r.confidence() * 100))
          .append(" · source <span class=\"source\">").append(escape(r.source()))
          .append("</span>");
      if (!r.evidence().isEmpty()) {
        html.append(" · evidence ").append(escape(String.join(", ", r.evidence().stream()
            .map(ReasonEntry.EvidenceSpan::term).distinct().toList())));
      }
      html.append("</li>\n");
    }
    html.append("</ul>\n</section>\n");
  }

  private static void words(StringBuilder html, StoredContact c, ReasonNames names) {
    html.append("<section id=\"words\">\n<h2>Words (redacted)</h2>\n");
    if (c.turns().isEmpty() && c.subject() == null) {
      html.append("<p>The words of this contact have not arrived yet.</p>\n</section>\n");
      return;
    }
    if (c.subject() != null) {
      html.append("<p class=\"subject\" id=\"subject\">Subject: ")
          .append(Marks.mark(c.subject(), spans(c, -1, names))).append("</p>\n");
    }
    html.append("<ol class=\"turns\">\n");
    for (int i = 0; i < c.turns().size(); i++) {
      ContactText.Turn t = c.turns().get(i);
      html.append("<li class=\"turn ").append(escape(t.speaker().toLowerCase(Locale.ROOT)))
          .append("\" id=\"turn-").append(i).append("\"><span class=\"speaker\">")
          .append(escape(t.speaker().toLowerCase(Locale.ROOT))).append("</span> ");
      sentiment(html, c, i);
      html.append(Marks.mark(t.text(), spans(c, i, names))).append("</li>\n");
    }
    html.append("</ol>\n</section>\n");
  }

  private static void sentiment(StringBuilder html, StoredContact c, int turn) {
    for (Classification.TurnSentimentEntry s : c.turnSentiments()) {
      if (s.turnIndex() == turn) {
        String label = s.sentiment().toLowerCase(Locale.ROOT);
        html.append("<span class=\"sentiment ").append(escape(label)).append("\" title=\"")
            .append(String.format(Locale.ROOT, "score %+.2f", s.score())).append("\">")
            .append(escape(label)).append("</span> ");
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

  private static void correctForm(StringBuilder html, Page p) {
    if (!p.canCorrect() || p.contact().taxonomyVersion() == null) {
      return;
    }
    html.append("<section id=\"correct-section\" hidden>\n<h2>Correct</h2>\n")
        .append("<form class=\"correct\" id=\"correct\" data-contact=\"")
        .append(escape(p.contact().contactId())).append("\">\n<p><label>This contact is about ")
        .append("<select id=\"correct-reason\" name=\"reasonId\">");
    for (String id : p.choices()) {
      option(html, id, p.names().name(id), id.equals(p.contact().primaryReasonId()));
    }
    html.append("</select></label> <button type=\"button\" id=\"correct-this\""
            + " data-correct=\"reason\">This is the reason</button> <button type=\"button\""
            + " id=\"correct-none\" data-correct=\"none\">None of these</button></p>\n"
            + "<p class=\"error\" id=\"correct-error\" role=\"alert\"></p>\n"
            + "<p class=\"meta\" id=\"correct-status\" role=\"status\"></p>\n</form>\n</section>\n");
  }

  private static void corrections(StringBuilder html, List<CorrectionRow> corrections,
      ReasonNames names) {
    html.append("<section id=\"corrections\">\n<h2>Corrections</h2>\n");
    if (corrections.isEmpty()) {
      html.append("<p>None.</p>\n</section>\n");
      return;
    }
    html.append("<ol>\n");
    for (CorrectionRow c : corrections) {
      html.append("<li id=\"correction-").append(escape(c.correctionId())).append("\">")
          .append(escape(TIME.format(c.correctedAt()))).append(" · ").append(escape(c.actor()))
          .append(" · ").append(escape(c.previousReasonId() == null ? "unexplained"
              : names.name(c.previousReasonId()))).append(" → ")
          .append(escape(c.reasonId() == null ? "none of these" : names.name(c.reasonId())))
          .append(" · taxonomy ").append(escape(c.taxonomyVersion())).append("</li>\n");
    }
    html.append("</ol>\n</section>\n");
  }

  private static String reason(StoredContact c, ReasonNames names) {
    if (c.taxonomyVersion() == null) {
      return "not classified yet";
    }
    if (c.primaryReasonId() == null) {
      return "unexplained";
    }
    return names.name(c.primaryReasonId()) + " (" + c.primarySource().toLowerCase(Locale.ROOT)
        + ")";
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
