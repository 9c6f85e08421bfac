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

    String html = ContactRenderer.contact(new ContactRenderer.Page(c, List.of(
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
    assertThat(ContactRenderer.contact(new ContactRenderer.Page(c, List.of(), NAMES, List.of(),
        false))).contains("Unexplained: none of the taxonomy's reasons.")
        .doesNotContain("id=\"correct\"").doesNotContain("callback-requested");

    String search = ContactRenderer.search(new ContactRenderer.Search(
        new ContactReads.Filter(null, null, null, null, "pakket"), 1, List.of(c), NAMES));
    assertThat(search).contains("<a href=\"/contacts/c%3C1%3E\">2026-03-02 09:00:00 UTC</a>")
        .contains("waar is mijn <mark>pakket</mark>").contains("<td>unexplained</td>")
        .doesNotContain("id=\"next\"");
  }
}
