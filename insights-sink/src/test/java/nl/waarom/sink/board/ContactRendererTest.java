package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.Classification;
import nl.waarom.sink.db.ContactReads;
import nl.waarom.sink.db.ContactText;
import nl.waarom.sink.db.CorrectionRow;
import nl.waarom.sink.db.ReasonEntry;
import nl.waarom.sink.db.StoredContact;
import nl.waarom.sink.db.TaxonomyRow;
import org.junit.jupiter.api.Test;

class ContactRendererTest {
  private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");
  private static final ReasonNames NAMES = ReasonNames.of(new TaxonomyRow("v1", AT, "0", "",
      List.of(new TaxonomyRow.ReasonName("payment-problem", "Betaalprobleem",
          "Payment <problem>", null, "prevent", "finance"))));
  private static final Page EN = Page.english("/contacts/c");
  private static final Page NL = new Page(Texts.NL, "/contacts/c%3C1%3E", Map.of());

  private static StoredContact contact(String subject, String text, List<ReasonEntry> reasons) {
    return new StoredContact("c<1>", "EMAIL", AT, "nl", null, Map.of(), 90_000L, subject,
        List.of(new ContactText.Turn("CUSTOMER", text, AT)), "v1",
        reasons.isEmpty() ? null : reasons.get(0).reasonId(), reasons, reasons.isEmpty(),
        "c0", true, List.of(new Classification.TurnSentimentEntry(0, "NEGATIVE", -0.5)), text,
        !reasons.isEmpty());
  }

  @Test
  void everyPieceOfTheContactIsEscapedAndTheEvidenceMarkedInTurnAndSubject() {
    StoredContact c = contact("<b>dubbel</b> betaald", "<script>x</script> afgeschreven",
        List.of(new ReasonEntry("payment-problem", 0.9, "RULE", List.of(
            new ReasonEntry.EvidenceSpan("afgeschreven", 0, 19, 31),
            new ReasonEntry.EvidenceSpan("betaald", -1, 14, 21)))));

    String html = ContactRenderer.contact(EN, new ContactRenderer.View(c, List.of(
        new CorrectionRow("k1", "c<1>", "anna", null, "payment-problem", "v1", AT)), NAMES,
        List.of("payment-problem"), true));

    assertThat(html).doesNotContain("<script>x").doesNotContain("<b>dubbel")
        .contains("&lt;script&gt;x&lt;/script&gt; <mark title=\"Payment &lt;problem&gt;\">"
            + "afgeschreven</mark>")
        .contains("Subject: &lt;b&gt;dubbel&lt;/b&gt; <mark title=\"Payment &lt;problem&gt;\">"
            + "betaald</mark>")
        .contains("<b>Payment &lt;problem&gt;</b> <code>payment-problem</code> · 90% · source")
        .contains("<span class=\"sentiment negative\" title=\"score -0.50\">negative</span>")
        .contains("repeat of <a id=\"repeat-of\" href=\"/contacts/c0\">c0</a>")
        .contains("<span id=\"callback-requested\">the customer asked to be called back</span>")
        .contains("anna · Payment &lt;problem&gt; → none of these · taxonomy v1")
        .contains("<option value=\"payment-problem\" selected>Payment &lt;problem&gt;</option>");
  }

  @Test
  void anUnexplainedContactSaysSoAndTheSearchLinksEachResult() {
    StoredContact c = contact(null, "waar is mijn pakket", List.of());
    assertThat(ContactRenderer.contact(EN, new ContactRenderer.View(c, List.of(), NAMES, List.of(),
        false))).contains("Unexplained: none of the taxonomy&#39;s reasons.")
        .doesNotContain("id=\"correct\"").doesNotContain("callback-requested");

    String search = ContactRenderer.search(EN, new ContactRenderer.Search(
        new ContactReads.Filter(null, null, null, null, "pakket"), 1, List.of(c), NAMES));
    assertThat(search).contains("<a href=\"/contacts/c%3C1%3E\">2026-03-02 09:00:00 UTC</a>")
        .contains("waar is mijn <mark>pakket</mark>").contains("<td>unexplained</td>")
        .doesNotContain("id=\"next\"");
  }

  @Test
  void aDutchContactPageSpeaksDutchWithTheDutchReasonNamesAndGivesItsScriptDutchWords() {
    StoredContact c = contact("dubbel betaald", "ik ben dubbel afgeschreven",
        List.of(new ReasonEntry("payment-problem", 0.9, "FEEDBACK", List.of(
            new ReasonEntry.EvidenceSpan("afgeschreven", 0, 14, 26)))));

    String html = ContactRenderer.contact(NL, new ContactRenderer.View(c, List.of(
        new CorrectionRow("k1", "c<1>", "anna", null, "payment-problem", "v1", AT)),
        NAMES.in("nl"), List.of("payment-problem"), true));

    assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"nl\">")
        .contains("<title>Contact c&lt;1&gt; · Waarom</title>")
        .contains("<p class=\"meta\" id=\"contact-meta\">e-mail · 2026-03-02 09:00:00 UTC"
            + " · taal nl · afhandeltijd 1,5 min · taxonomie")
        .contains("herhaling van <a id=\"repeat-of\"")
        .contains("<h2>Redenen</h2>")
        .contains("<b>Betaalprobleem</b> <code>payment-problem</code> · 90% · bron"
            + " <span class=\"source\">correctie</span> · herkend aan afgeschreven")
        .contains("Onderwerp: dubbel betaald")
        .contains("<span class=\"speaker\">klant</span> <span class=\"sentiment negative\""
            + " title=\"score -0,50\">negatief</span>")
        .contains("<mark title=\"Betaalprobleem\">afgeschreven</mark>")
        .contains("<h2>Corrigeren</h2>").contains("Dit contact gaat over")
        .contains(">Dit is de reden</button>").contains(">Geen van deze</button>")
        .contains("data-sent=\"Correctie verstuurd; ze verschijnt hier zodra ze is opgeslagen…\"")
        .contains("data-error-409=\"Dit contact kan nog niet gecorrigeerd worden")
        .contains("anna · Betaalprobleem → geen van deze · taxonomie v1")
        .contains("data-js-signedinas=\"aangemeld als\"")
        .contains("<b lang=\"nl\">Nederlands</b>")
        .contains("href=\"/contacts/c%3C1%3E?lang=en\"")
        .doesNotContain("Payment", "Reasons", "Corrections", "· source", "This contact");
  }

  @Test
  void theDutchSearchPageNamesItsFieldsAndReasonsInDutch() {
    StoredContact c = contact(null, "waar is mijn pakket", List.of());
    StoredContact classified = contact(null, "dubbel afgeschreven", List.of(
        new ReasonEntry("payment-problem", 0.9, "RULE", List.of())));

    String search = ContactRenderer.search(NL, new ContactRenderer.Search(
        new ContactReads.Filter(null, "EMAIL", null, null, "pakket"), 2,
        List.of(c, classified), NAMES.in("nl")));

    assertThat(search).contains("<title>Contacten · Waarom</title>", "<h1>Contacten</h1>",
            "<label>Woorden <input", "<label>Reden <select", "<option value=\"\">alle</option>",
            "<option value=\"payment-problem\">Betaalprobleem</option>",
            "<option value=\"unexplained\">onverklaard</option>",
            "<option value=\"CALL\">telefoon</option>",
            "<option value=\"EMAIL\" selected>e-mail</option>",
            "<label>Tot en met <input", ">Zoeken</button>",
            "<th>Wanneer</th><th>Kanaal</th><th>Reden</th><th>Woorden</th>",
            "<td>e-mail</td><td>onverklaard</td>", "<td>Betaalprobleem (regel)</td>",
            ">← nieuwer</a>")
        .doesNotContain("Payment", "Search", "unexplained<", ">any<");
    assertThat(ContactRenderer.notFound(NL, "x<1>")).contains("<h1>Geen contact <code>x&lt;1&gt;"
        + "</code></h1>", "Misschien valt het buiten de bewaartermijn.");
  }
}
