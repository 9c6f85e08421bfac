package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.SignalRow;
import nl.waarom.sink.db.TaxonomyRow;
import org.junit.jupiter.api.Test;

class BoardRendererTest {
  private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private static InsightRow insight(String summary, List<ExampleRow> examples) {
    return new InsightRow("i-1", "SPIKE", "payment-problem", List.of(), START,
        START.plusSeconds(3600), 40, 10.0, List.of("CHAT"), examples, 1500.0, "PREVENT",
        START.plusSeconds(3600), summary);
  }

  private static BacklogItem item(String id, String title, InsightRow latest) {
    return new BacklogItem(id, title, "SPIKE", latest.reasonId(), List.of(), "new", 2, START, NOW,
        latest.estimatedCost(), latest.preventability(), latest);
  }

  private static TopReasons top(List<TopReasons.Cell> cells) {
    return TopReasons.of(NOW, Duration.ofMinutes(60), cells);
  }

  @Test
  void escapesEveryPieceOfData() {
    InsightRow latest = insight("<script>alert('x')</script> & more",
        List.of(new ExampleRow("c<1>", "\"quoted\" <img src=x onerror=alert(1)>")));
    BoardView view = new BoardView(
        top(List.of(new TopReasons.Cell("<b>bold</b>", "CHAT", 3))),
        List.of(item("spike.x\"onmouseover=\"y", "Spike: <i>x</i>", latest)));

    String html = BoardRenderer.render(view);

    assertThat(html)
        .doesNotContain("<script>", "<b>bold</b>", "<i>x</i>", "<img", "\"onmouseover")
        .doesNotContain("<script>alert")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
        .contains("<td>&lt;b&gt;bold&lt;/b&gt;</td>")
        .contains(">Spike: &lt;i&gt;x&lt;/i&gt;</a></h3>")
        .contains("<code>c&lt;1&gt;</code> &quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;")
        .contains("id=\"item-spike.x&quot;onmouseover=&quot;y\"");
  }

  @Test
  void showsTopReasonsWithChannelColumnsNegativeShareAndExplainedShare() {
    String html = BoardRenderer.render(new BoardView(top(List.of(
        new TopReasons.Cell("payment-problem", "CHAT", 6, 6, 2),
        new TopReasons.Cell("payment-problem", "EMAIL", 2, 2, 1),
        new TopReasons.Cell("unexplained", "CALL", 2))), List.of()));

    assertThat(html)
        .contains("<th>Reason</th><th>Total</th><th>CHAT</th><th>CALL</th><th>EMAIL</th>"
            + "<th title=\"Share of the contacts whose customer ended negative or was negative in "
            + "most turns\">Negative</th><th>Per minute</th>")
        .contains("<tr><td>payment-problem</td><td>8</td><td>6</td><td>0</td><td>2</td>"
            + "<td class=\"negative\"><span title=\"3 of 8 contacts\">38 %</span></td><td>"
            + "</td></tr>\n"
            + "<tr><td>unexplained</td><td>2</td><td>0</td><td>2</td><td>0</td>"
            + "<td class=\"negative\">–</td><td></td></tr>")
        .contains("Last 60 minutes up to 2026-03-02 10:00 UTC")
        .contains("Explained: 80% (8 of 10 contacts have a reason).")
        .contains("No backlog items yet.")
        .contains("<script src=\"/static/board.js\" defer></script>")
        .doesNotContain("src=\"http", "href=\"http", "http-equiv=\"refresh\"");
  }

  @Test
  void showsEachBacklogItemWithItsLatestInsightInRankOrder() {
    InsightRow latest = insight("payment-problem: 40 contacts, expected 10",
        List.of(new ExampleRow("chat-1", "dubbel betaald"), new ExampleRow("call-7", null)));
    String html = BoardRenderer.render(new BoardView(top(List.of()), List.of(
        item("spike.payment-problem", "Spike: payment-problem", latest),
        item("spike.delivery-late", "Spike: delivery-late", latest))));

    assertThat(html)
        .contains("<article class=\"item\" id=\"item-spike.payment-problem\">\n"
            + "<h3><a href=\"/items/spike.payment-problem\">Spike: payment-problem</a></h3>\n"
            + "<p class=\"meta\">kind SPIKE · reason payment-problem · status <span class=\"status\">"
            + "new</span> · 2 insights</p>\n"
            + "<p class=\"summary\">payment-problem: 40 contacts, expected 10</p>\n"
            + "<p class=\"numbers\">40 contacts vs baseline 10.0 in 2026-03-02 09:00 UTC to "
            + "2026-03-02 10:00 UTC · volume unknown · estimated cost 1,500 per week · value at stake"
            + " 0 · PREVENT</p>\n"
            + "<ul class=\"examples\">\n<li><code>chat-1</code> dubbel betaald</li>\n"
            + "<li><code>call-7</code> </li>\n</ul>\n</article>")
        .contains("No contacts in this window.");
    assertThat(html.indexOf("item-spike.payment-problem"))
        .isLessThan(html.indexOf("item-spike.delivery-late"));
  }

  @Test
  void unknownCostIsSaidInWords() {
    assertThat(BoardRenderer.cost(null)).isEqualTo("unknown");
    assertThat(BoardRenderer.cost(1234567.8)).isEqualTo("1,234,568 per week");
  }

  @Test
  void showsWhatExplainsAnInsightItsVolumeAndDraftedRule() {
    InsightRow plain = insight("new phrases", List.of());
    InsightRow explained = new InsightRow(plain.insightId(), "EMERGING_REASON", null,
        List.of("app update", "settings"), plain.windowStart(), plain.windowEnd(), 31, 2.0,
        plain.channels(), List.of(), 310.0, "UNKNOWN", plain.detectedAt(), "new phrases",
        new InsightDetails("app update · settings", List.of(
            new SignalRow("TERM", "term", "app update", 28, 0.9, 0.01, 40.0),
            new SignalRow("ATTRIBUTE", "product", "<app>", 20, 0.65, 0.1, 9.0)),
            120.0, 2.5, 1.0, null, 40.0, 1.5, "customer:\"app update\" AND customer:settings"));

    String html = BoardRenderer.render(new BoardView(top(List.of()), List.of(
        item("emerging-reason.app-update_settings", "Emerging reason: app update · settings",
            explained))));

    assertThat(html)
        .contains("<p class=\"signals\">Why: term = <b>app update</b> (90% vs 1%); "
            + "product = <b>&lt;app&gt;</b> (65% vs 10%)</p>")
        .contains("<p class=\"rule\">Drafted rule: <code>customer:&quot;app update&quot; AND "
            + "customer:settings</code></p>")
        .contains("~120 contacts per week");
  }

  @Test
  void sparklinesEmergingReasonsAndTheSharePerWindowAreSectionsOfTheirOwn() {
    InsightRow plain = insight("new phrases", List.of(new ExampleRow("e-1",
        "Since the App Update my settings are gone")));
    InsightRow emerging = new InsightRow("emerging:app-update+settings:2026-03-02",
        "EMERGING_REASON", null, List.of("app update", "settings"), plain.windowStart(),
        plain.windowEnd(), 31, 2.0, plain.channels(), plain.examples(), null, null,
        plain.detectedAt(), "new phrases", InsightDetails.NONE);
    BacklogItem item = new BacklogItem("emerging-reason.app-update_settings",
        "Emerging reason: app update, settings", "EMERGING_REASON", null,
        List.of("app update", "settings"), "new", 1, START, NOW, null, null, emerging);
    BoardView view = new BoardView(top(List.of(new TopReasons.Cell("refund", "CHAT", 3))),
        List.of(item), java.util.Map.of("refund", new long[] {0, 1, 2}),
        List.of(new ShareRow(15, START, START.plusSeconds(900), 40, 34, 0.85)));

    assertThat(BoardRenderer.fragment("top-reasons", view)).contains("<svg class=\"spark\"")
        .contains("aria-label=\"trend, peak 2\"");
    assertThat(BoardRenderer.fragment("share", view))
        .contains("<span class=\"big\" id=\"explained-share\">85%</span> of 40 contacts");
    assertThat(BoardRenderer.fragment("emerging", view))
        .contains("id=\"emerging-emerging-reason.app-update_settings\"")
        .contains("data-action=\"promote\"").contains("data-action=\"dismiss\"");
    assertThat(BoardRenderer.fragment("backlog", view))
        .contains("Since the <mark>App Update</mark> my <mark>settings</mark> are gone");
    assertThat(Html.highlight("mail [EMAIL] or email me", List.of("email", "mail")))
        .isEqualTo("<mark>mail</mark> [EMAIL] or <mark>email</mark> me");
    assertThat(BoardRenderer.render(view)).contains("<div data-fragment=\"share\">",
        "<div data-fragment=\"top-reasons\">", "<div data-fragment=\"emerging\">",
        "<div data-fragment=\"backlog\">");
  }

  @Test
  void theBoardInDutchWritesItsSentencesFiguresAndReasonNamesInDutch() {
    ReasonNames names = ReasonNames.of(new TaxonomyRow("v1", START, "0", "", List.of(
        new TaxonomyRow.ReasonName("payment-problem", "Betaling lukt niet", "Payment problem",
            null, "prevent", "finance"))));
    InsightRow latest = insight("payment-problem: 1,200 contacts", List.of());
    BacklogItem spike = new BacklogItem("spike.payment-problem", "Spike: Payment problem",
        "SPIKE", "payment-problem", List.of(), "in_progress", 1, START, NOW, 1500.0, "PREVENT",
        latest);
    BoardView view = new BoardView(top(List.of(
        new TopReasons.Cell("payment-problem", "CHAT", 1_200, 1_000, 250),
        new TopReasons.Cell("unexplained", "CALL", 300))), List.of(spike), java.util.Map.of(),
        List.of(new ShareRow(15, START, START.plusSeconds(900), 1_500, 1_200, 0.8)), names);

    String html = BoardRenderer.render(new Page(Texts.NL, "/", java.util.Map.of()), view);

    assertThat(html).contains("<html lang=\"nl\">",
            "<h1>Waarom: waarom klanten contact opnemen</h1>")
        .contains("80%</span> van 1.500 contacten in het kwartier vanaf 2026-03-02 09:00 UTC"
            + " hebben een reden")
        .contains("Laatste 60 minuten tot 2026-03-02 10:00 UTC. Verklaard: 80% (1.200 van 1.500"
            + " contacten hebben een reden).")
        .contains("<th>Reden</th><th>Totaal</th><th>Chat</th><th>Telefoon</th><th>E-mail</th>")
        .contains("<tr><td>Betaling lukt niet</td>")
        .contains("<span title=\"250 van 1.000 contacten\">25 %</span>")
        .contains(">Piek: Betaling lukt niet</a></h3>")
        .contains("<p class=\"meta\">soort piek · reden Betaling lukt niet · status"
            + " <span class=\"status\">in behandeling</span> · 1 inzicht</p>")
        .contains("40 contacten tegen basislijn 10,0 van 2026-03-02 09:00 UTC tot 2026-03-02"
            + " 10:00 UTC · volume onbekend · geschatte kosten 1.500 per week"
            + " · waarde op het spel 0 · voorkomen")
        .doesNotContain("Payment problem", "contacts vs", "contacts in", "Explained", "Last 60");
  }
}
