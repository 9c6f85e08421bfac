package nl.waarom.ingest.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.privacy.PiiType;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redaction;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Contact;
import org.junit.jupiter.api.Test;

/** customerName: used to redact, never forwarded; attribute values redacted; counts reported. */
class ContactNameTest {
  @Test
  void theCustomerNameIsRedactedEverywhereAndNotForwarded() {
    List<Redaction> seen = new ArrayList<>();
    ContactJson json = new ContactJson(new Pseudonymizer("s"), new Redactor(), seen::add);
    Validated<Contact> c = json.readLine("""
        {"contactId": "c1", "channel": "CHAT", "occurredAt": "2025-11-24T10:00:00Z",
         "customerName": "Els Bos", "subject": "Vraag van Els Bos",
         "attributes": {"contact": "els@bos.nl", "campaign": "nov"},
         "turns": [{"speaker": "CUSTOMER", "text": "Hoi, Els hier. Bos is mijn achternaam."}]}
        """.getBytes(StandardCharsets.UTF_8));

    assertThat(c.errors()).isEmpty();
    assertThat(c.value().getSubject()).isEqualTo("Vraag van [NAME]");
    assertThat(c.value().getTurns().get(0).getText())
        .isEqualTo("Hoi, [NAME] hier. [NAME] is mijn achternaam.");
    assertThat(c.value().getAttributes()).isEqualTo(Map.of("contact", "[EMAIL]", "campaign", "nov"));
    assertThat(c.value().toString()).doesNotContain("Els", "Bos");
    assertThat(seen).flatExtracting(r -> r.spans()).extracting(s -> s.type())
        .containsExactlyInAnyOrder(PiiType.NAME, PiiType.NAME, PiiType.NAME, PiiType.EMAIL);
  }
}
