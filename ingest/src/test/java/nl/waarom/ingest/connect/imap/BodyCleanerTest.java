package nl.waarom.ingest.connect.imap;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BodyCleanerTest {
  private final BodyCleaner cleaner = new BodyCleaner();

  @Test
  void dutchReplyHeaderEndsTheNewText() {
    String body = "Ik heb nog steeds geen factuur ontvangen.\n\n"
        + "Op ma 23 nov. 2026 om 10:12 schreef Klantenservice <info@bedrijf.nl>:\n"
        + "> Beste klant,\n> uw factuur volgt.\n";
    assertThat(cleaner.clean(body)).isEqualTo("Ik heb nog steeds geen factuur ontvangen.");
  }

  @Test
  void replyHeaderWrappedOverTwoLines() {
    String body = "Graag een terugbelverzoek.\n\nOp 23 nov. 2026 10:12 schreef Klantenservice <\n"
        + "info@bedrijf.nl>:\n\nEerder bericht\n";
    assertThat(cleaner.clean(body)).isEqualTo("Graag een terugbelverzoek.");
    String en = "Please call me back.\n\nOn Mon, Nov 23, 2026 at 10:12 AM Support <\n"
        + "support@company.com> wrote:\n\nOld text\n";
    assertThat(cleaner.clean(en)).isEqualTo("Please call me back.");
  }

  @Test
  void englishReplyHeaderAndOriginalMessageSeparator() {
    assertThat(cleaner.clean("My card was charged twice.\nOn Mon, 23 Nov 2026, Support wrote:\n> ok"))
        .isEqualTo("My card was charged twice.");
    assertThat(cleaner.clean("Nieuw.\r\n-----Original Message-----\r\nFrom: a\r\nOud"))
        .isEqualTo("Nieuw.");
    assertThat(cleaner.clean("Nieuw.\n-------- Oorspronkelijk bericht --------\nOud"))
        .isEqualTo("Nieuw.");
  }

  @Test
  void outlookHeaderBlocksInDutchAndEnglish() {
    String nl = "Zie hieronder.\n\nVan: Klantenservice <info@bedrijf.nl>\n"
        + "Verzonden: maandag 23 november 2026 10:12\nAan: Jan\nOnderwerp: Factuur\n\nOud";
    assertThat(cleaner.clean(nl)).isEqualTo("Zie hieronder.");
    String en = "See below.\nFrom: Support\nSent: Monday\nTo: Jan\nSubject: x\nOld";
    assertThat(cleaner.clean(en)).isEqualTo("See below.");
  }

  @Test
  void aFromLineWithoutHeaderBlockIsText() {
    assertThat(cleaner.clean("From: my new address the mail comes.\nThat is all."))
        .isEqualTo("From: my new address the mail comes.\nThat is all.");
  }

  @Test
  void interleavedQuotedLinesAreDropped() {
    String body = "> Wat is uw klantnummer?\nDat staat op de factuur.\n> En uw adres?\nHetzelfde.";
    assertThat(cleaner.clean(body)).isEqualTo("Dat staat op de factuur.\nHetzelfde.");
  }

  @Test
  void signaturesAfterDelimiterOrClosingAreDropped() {
    assertThat(cleaner.clean("Mijn pakket is kwijt.\n-- \nJan Jansen\nTel 0612345678"))
        .isEqualTo("Mijn pakket is kwijt.");
    assertThat(cleaner.clean("Mijn pakket is kwijt.\n\nMet vriendelijke groet,\n\nJan Jansen\n"
        + "Teamleider inkoop\nBedrijf BV\n"))
        .isEqualTo("Mijn pakket is kwijt.");
    assertThat(cleaner.clean("The app crashes on login.\n\nKind regards,\nJohn"))
        .isEqualTo("The app crashes on login.");
    assertThat(cleaner.clean("Opzeggen graag.\nGroeten\nPiet\n\nVerstuurd vanaf mijn iPhone"))
        .isEqualTo("Opzeggen graag.");
    assertThat(cleaner.clean("Refund please.\n\nSent from my Galaxy"))
        .isEqualTo("Refund please.");
  }

  @Test
  void aClosingWordFollowedByALongTextIsKept() {
    String body = "Thanks\nfor nothing: the modem still does not work after three visits of your "
        + "technician, and I have been without internet for two weeks now.";
    assertThat(cleaner.clean(body)).isEqualTo(body);
    String many = "Bedankt\n" + "regel\n".repeat(BodyCleaner.MAX_SIGNATURE_LINES + 1);
    assertThat(cleaner.clean(many)).startsWith("Bedankt\nregel");
  }

  @Test
  void blankRunsCollapseAndNothingLeftIsEmpty() {
    assertThat(cleaner.clean("a\n\n\n\nb\n")).isEqualTo("a\n\nb");
    assertThat(cleaner.clean("> only quoted\n> text")).isEmpty();
    assertThat(cleaner.clean(null)).isEmpty();
  }
}
