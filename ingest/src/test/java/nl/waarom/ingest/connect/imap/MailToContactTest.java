package nl.waarom.ingest.connect.imap;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import org.junit.jupiter.api.Test;

class MailToContactTest {
  private final Pseudonymizer pseudonymizer = new Pseudonymizer("k");
  private final MailToContact converter = new MailToContact(pseudonymizer, new Redactor(), "nl");

  private static MimeMessage parse(String raw) throws Exception {
    return new MimeMessage(Session.getInstance(new Properties()),
        new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void multipartAlternativePrefersPlainTextAndFillsEveryField() throws Exception {
    MimeMessage m = parse("From: \"Jan\" <Jan.Jansen@Example.NL>\nSubject: Factuur NL91ABNA0417164300\n"
        + "Date: Mon, 23 Nov 2026 10:00:00 +0100\nMessage-ID: <abc@mail.example.nl>\n"
        + "In-Reply-To: <parent@x>\nMIME-Version: 1.0\n"
        + "Content-Type: multipart/alternative; boundary=\"b1\"\n\n--b1\n"
        + "Content-Type: text/plain; charset=UTF-8\n\nBel 06-12345678 a.u.b.\n\nGroeten,\nJan\n"
        + "--b1\nContent-Type: text/html; charset=UTF-8\n\n<p>HTML versie</p>\n--b1--\n");
    MailToContact.Result r = converter.convert(m, null, "INBOX", 7, 42);
    assertThat(r.isValid()).as(r.reason()).isTrue();
    Contact c = r.contact();
    assertThat(c.getContactId()).isEqualTo("abc@mail.example.nl");
    assertThat(c.getChannel()).isEqualTo(Channel.EMAIL);
    assertThat(c.getCustomerKey()).isEqualTo(pseudonymizer.keyFor("jan.jansen@example.nl"));
    assertThat(c.getOccurredAt()).isEqualTo(Instant.parse("2026-11-23T09:00:00Z"));
    assertThat(c.getSubject()).isEqualTo("Factuur [IBAN]");
    assertThat(c.getLanguage()).isEqualTo("nl");
    assertThat(c.getTurns()).singleElement().satisfies(t -> {
      assertThat(t.getSpeaker()).isEqualTo(Speaker.CUSTOMER);
      assertThat(t.getText()).isEqualTo("Bel [PHONE] a.u.b.");
    });
    assertThat(c.getAttributes()).containsEntry("threadId", "parent@x")
        .containsEntry("folder", "INBOX");
  }

  @Test
  void htmlOnlyMailBecomesTextAndAttachmentsAreIgnored() throws Exception {
    MimeMessage m = parse("From: a@b.nl\nSubject: s\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
        + "Content-Type: text/plain\nContent-Disposition: attachment; filename=x.txt\n\nBIJLAGE\n"
        + "--b\nContent-Type: text/html\n\n<div>Waar blijft <i>mijn</i> order?</div>\n--b--\n");
    MailToContact.Result r = converter.convert(m, null, "INBOX", 7, 3);
    assertThat(r.contact().getTurns().get(0).getText()).isEqualTo("Waar blijft mijn order?");
    assertThat(r.contact().getContactId()).as("no Message-ID").isEqualTo("imap:INBOX:7:3");
    assertThat(r.contact().getAttributes()).containsEntry("threadId", "imap:INBOX:7:3");
  }

  @Test
  void emptyBodyFallsBackToTheSubject() throws Exception {
    MimeMessage m = parse("From: a@b.nl\nSubject: Wachtwoord vergeten\n"
        + "Date: Mon, 23 Nov 2026 10:00:00 +0000\nContent-Type: text/plain\n\n> quoted only\n");
    assertThat(converter.convert(m, null, "INBOX", 1, 1).contact().getTurns().get(0).getText())
        .isEqualTo("Wachtwoord vergeten");
  }

  @Test
  void unparseableOrTextlessMailFailsWithAReason() throws Exception {
    MimeMessage broken = parse("From: a@b.nl\nSubject: x\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n"
        + "MIME-Version: 1.0\nContent-Type: multipart/mixed\n\nno parts here\n");
    MailToContact.Result r = converter.convert(broken, null, "INBOX", 1, 9);
    assertThat(r.isValid()).isFalse();
    assertThat(r.reason()).startsWith("cannot parse the message");
    assertThat(new String(MailToContact.rawBytes(broken), StandardCharsets.UTF_8))
        .contains("no parts here").contains("Subject: x");

    MimeMessage textless = parse("From: a@b.nl\nDate: Mon, 23 Nov 2026 10:00:00 +0000\n"
        + "MIME-Version: 1.0\nContent-Type: image/png\n\nAAAA\n");
    assertThat(converter.convert(textless, null, "INBOX", 1, 10).reason()).contains("no text");

    MimeMessage undated = parse("From: a@b.nl\nSubject: s\n\nbody\n");
    assertThat(converter.convert(undated, null, "INBOX", 1, 11).reason()).contains("Date");
  }
}
