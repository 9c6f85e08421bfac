package nl.waarom.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import nl.waarom.ingest.contact.FieldError;
import nl.waarom.ingest.contact.Validated;
import org.junit.jupiter.api.Test;

class IntercomAdapterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final IntercomAdapter adapter = new IntercomAdapter();

  @Test
  void closedConversationBecomesOurContactJson() throws Exception {
    Validated<Translation> t = adapter.translate(Payloads.read("intercom-closed.json"));

    assertThat(t.errors()).isEmpty();
    assertThat(t.value().sentAt()).isEqualTo(Instant.ofEpochSecond(1764000000));
    assertThat(MAPPER.readTree(t.value().contact().toString())).isEqualTo(MAPPER.readTree("""
        {"contactId": "intercom-1911149811", "channel": "CHAT",
         "occurredAt": "2025-11-24T15:50:00Z", "turns": [
           {"speaker": "CUSTOMER", "offsetMillis": 0, "text":
            "Hoi, ik ben Jan de Vries. Mijn factuur klopt niet & ik wil mijn geld terug.\\nIBAN NL91 ABNA 0417 1643 00"},
           {"speaker": "AGENT", "offsetMillis": 60000,
            "text": "Dag Jan, ik kijk het na. Bel je ons op 020-1234567?"},
           {"speaker": "CUSTOMER", "offsetMillis": 120000, "text": "Prima, bedankt!\\nGroet, Jan"}],
         "customerId": "cust-42", "customerName": "Jan de Vries",
         "attributes": {"platform": "intercom", "tags": "billing,refund"}}"""));
  }

  @Test
  void signatureIsTheHexHmacSha1OfTheBody() {
    byte[] body = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    String signature = IntercomAdapter.sign(body, "s3cret");
    assertThat(signature).matches("sha1=[0-9a-f]{40}");
    assertThat(adapter.verify(Map.of("X-Hub-Signature", signature)::get, body, "s3cret")).isNull();
    assertThat(adapter.verify(Map.of("X-Hub-Signature", signature.toUpperCase())::get, body,
        "s3cret")).isNull();
    assertThat(adapter.verify(Map.of("X-Hub-Signature", signature)::get, body, "other"))
        .contains("X-Hub-Signature does not match");
    assertThat(adapter.verify(Map.<String, String>of()::get, body, "s3cret"))
        .startsWith("X-Hub-Signature is missing");
    assertThat(adapter.verify(Map.of("X-Hub-Signature", "sha256=abc")::get, body, "s3cret"))
        .startsWith("X-Hub-Signature is missing or not of the form");
  }

  @Test
  void pingIsIgnoredAndOtherTopicsAreRefusedNamingTheField() {
    Translation ping = adapter.translate(bytes("""
        {"type": "notification_event", "topic": "ping", "created_at": 1764000000,
         "data": {"item": {"type": "ping", "message": "hi"}}}""")).value();
    assertThat(ping.ignored()).isEqualTo("ping");
    assertThat(ping.contact()).isNull();

    assertThat(adapter.translate(bytes("""
        {"type": "notification_event", "topic": "conversation.user.created",
         "created_at": 1764000000}""")).errors()).extracting(FieldError::field)
        .containsExactly("topic");
  }

  @Test
  void malformedPayloadsNameTheField() {
    assertThat(adapter.translate(bytes("not json")).errors()).singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("body"));
    assertThat(adapter.translate(bytes("{\"type\": \"event\"}")).errors())
        .extracting(FieldError::field).containsExactly("type");
    assertThat(adapter.translate(bytes("""
        {"type": "notification_event", "topic": "conversation.admin.closed",
         "created_at": 1764000000, "data": {"item": {"type": "conversation",
         "created_at": "yesterday", "source": {"body": "hoi", "author": {"type": "user"}}}}}""")
        ).errors()).extracting(FieldError::field)
        .containsExactly("data.item.id", "data.item.created_at");
    assertThat(adapter.translate(bytes("""
        {"type": "notification_event", "topic": "conversation.admin.closed",
         "created_at": 1764000000, "data": {"item": {"id": 7, "created_at": 1764000000,
         "source": {"body": "<p> </p>", "author": {"type": "user"}}}}}""")).errors())
        .extracting(FieldError::field).containsExactly("data.item.source.body");
  }

  @Test
  void channelsAndSpeakers() {
    assertThat(IntercomAdapter.channel("email")).hasToString("EMAIL");
    assertThat(IntercomAdapter.channel("phone_call")).hasToString("CALL");
    assertThat(IntercomAdapter.channel("whatsapp")).hasToString("CHAT");
    assertThat(IntercomAdapter.speaker("lead")).hasToString("CUSTOMER");
    assertThat(IntercomAdapter.speaker("team")).hasToString("AGENT");
    assertThat(IntercomAdapter.speaker("bot")).hasToString("BOT");
    assertThat(IntercomAdapter.speaker(null)).hasToString("SYSTEM");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
