package nl.waarom.ingest.connect.spool;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import org.junit.jupiter.api.Test;

class JsonTranscriptParserTest {
  private final JsonTranscriptParser parser = new JsonTranscriptParser(VttParserTest.LABELS);
  private final TranscriptToContact toContact = new TranscriptToContact(new Pseudonymizer("k"),
      new Redactor(), "nl", Channel.CALL);

  @Test
  void segmentsInSecondsOrMillisAndMetadataBecomeARedactedContact() throws Exception {
    Transcript t = parser.parse("""
        {"contactId": "call-9", "occurredAt": "2026-11-24T11:00:00+01:00", "customerId": "c-42",
         "queue": "billing",
         "segments": [
           {"speaker": "Agent", "start": 0.25, "text": "Goedemorgen."},
           {"speaker": "KLANT", "startMillis": 4200, "text": "Mijn nummer is 06-12345678."},
           {"speaker": "klant", "start": 6, "text": "En mijn IBAN NL91ABNA0417164300."}
         ]}""".getBytes(UTF_8));
    Contact c = toContact.convert(t, "call-9.json", Instant.EPOCH);
    assertThat(c.getContactId()).isEqualTo("call-9");
    assertThat(c.getChannel()).isEqualTo(Channel.CALL);
    assertThat(c.getOccurredAt()).isEqualTo(Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(c.getCustomerKey()).isEqualTo(new Pseudonymizer("k").keyFor("c-42"));
    assertThat(c.getQueue()).isEqualTo("billing");
    assertThat(c.getLanguage()).isEqualTo("nl");
    assertThat(c.getTurns()).extracting(tn -> tn.getSpeaker() + "@" + tn.getOffsetMillis() + ":" + tn.getText())
        .containsExactly("AGENT@250:Goedemorgen.",
            "CUSTOMER@4200:Mijn nummer is [PHONE]. En mijn IBAN [IBAN].");
    assertThat(c.getAttributes()).containsEntry("file", "call-9.json");
  }

  @Test
  void withoutMetadataTheFileNameAndModificationTimeAreUsed() throws Exception {
    Transcript t = parser.parse("{\"segments\":[{\"speaker\":\"klant\",\"text\":\"hoi\"}]}"
        .getBytes(UTF_8));
    Contact c = toContact.convert(t, "gesprek-1.json", Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(c.getContactId()).isEqualTo("gesprek-1");
    assertThat(c.getOccurredAt()).isEqualTo(Instant.parse("2026-01-02T03:04:05.678Z"));
    assertThat(c.getCustomerKey()).isNull();
  }

  @Test
  void badShapesAreRejectedWithThePath() {
    assertThatThrownBy(() -> parser.parse("{not json".getBytes(UTF_8)))
        .hasMessageStartingWith("not valid JSON");
    assertThatThrownBy(() -> parser.parse("[]".getBytes(UTF_8)))
        .hasMessageContaining("must be an object");
    assertThatThrownBy(() -> parser.parse("{\"segments\":[]}".getBytes(UTF_8)))
        .hasMessage("segments: must be a non-empty array");
    assertThatThrownBy(() -> parser.parse(
        "{\"segments\":[{\"speaker\":\"klant\",\"text\":\"a\"},{\"speaker\":\"Jan\",\"text\":\"b\"}]}"
            .getBytes(UTF_8))).hasMessageStartingWith("segments[1].speaker:");
    assertThatThrownBy(() -> parser.parse(
        "{\"segments\":[{\"speaker\":\"klant\",\"text\":\"a\",\"start\":-1}]}".getBytes(UTF_8)))
        .hasMessageContaining("segments[0]: start");
    assertThatThrownBy(() -> toContact.convert(parser.parse(
        "{\"occurredAt\":\"gisteren\",\"segments\":[{\"speaker\":\"klant\",\"text\":\"a\"}]}"
            .getBytes(UTF_8)), "x.json", Instant.EPOCH)).hasMessageStartingWith("occurredAt:");
  }
}
