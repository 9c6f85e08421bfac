package nl.waarom.ingest.webhook;

import static nl.waarom.ingest.webhook.IntercomAdapterTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import nl.waarom.ingest.contact.FieldError;
import nl.waarom.ingest.contact.Validated;
import org.junit.jupiter.api.Test;

class ZendeskAdapterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final ZendeskAdapter adapter = new ZendeskAdapter();

  @Test
  void solvedTicketBecomesOurContactJson() throws Exception {
    Validated<Translation> t = adapter.translate(Payloads.read("zendesk-solved.json"));

    assertThat(t.errors()).isEmpty();
    assertThat(t.value().sentAt()).isNull();
    assertThat(MAPPER.readTree(t.value().contact().toString())).isEqualTo(MAPPER.readTree("""
        {"contactId": "zendesk-35436", "channel": "EMAIL", "occurredAt": "2025-11-24T16:00:00Z",
         "turns": [
           {"speaker": "CUSTOMER", "offsetMillis": 0, "text": "Mijn pakket is niet aangekomen. Ik woon Dorpsstraat 12, 1234 AB Utrecht. Groet, Jan de Vries"},
           {"speaker": "AGENT", "offsetMillis": 600000, "text": "Beste Jan, we sturen een nieuw pakket."}],
         "subject": "Pakket niet ontvangen", "customerId": "cust-42", "customerName": "Jan de Vries",
         "attributes": {"platform": "zendesk", "tags": "levering,pakket_kwijt"}}"""));
  }

  @Test
  void signatureIsBase64HmacSha256OfTimestampAndBody() {
    byte[] body = bytes("{\"ticket\":{}}");
    String ts = "2025-11-24T16:00:00Z";
    String signature = ZendeskAdapter.sign(ts, body, "zk");
    Map<String, String> headers = Map.of("X-Zendesk-Webhook-Signature", signature,
        "X-Zendesk-Webhook-Signature-Timestamp", ts);
    assertThat(adapter.verify(headers::get, body, "zk")).isNull();
    assertThat(adapter.signedSendTime(headers::get)).isEqualTo(Instant.parse(ts));
    assertThat(adapter.verify(headers::get, bytes("{\"ticket\":{ }}"), "zk"))
        .startsWith("X-Zendesk-Webhook-Signature does not match");
    Map<String, String> otherTime = Map.of("X-Zendesk-Webhook-Signature", signature,
        "X-Zendesk-Webhook-Signature-Timestamp", "2025-11-24T16:00:01Z");
    assertThat(adapter.verify(otherTime::get, body, "zk"))
        .startsWith("X-Zendesk-Webhook-Signature does not match");
    assertThat(adapter.verify(Map.of("X-Zendesk-Webhook-Signature", signature)::get, body, "zk"))
        .isEqualTo("X-Zendesk-Webhook-Signature-Timestamp is missing");
    assertThat(adapter.verify(Map.of("X-Zendesk-Webhook-Signature", "%%%",
        "X-Zendesk-Webhook-Signature-Timestamp", ts)::get, body, "zk"))
        .isEqualTo("X-Zendesk-Webhook-Signature is missing or not base64");
  }

  @Test
  void openTicketsAndMissingFieldsAreRefusedNamingTheField() {
    assertThat(adapter.translate(bytes("""
        {"ticket": {"id": "1", "status": "open", "created_at": "2025-11-24T16:00:00Z",
         "comments": []}}""")).errors()).extracting(FieldError::field)
        .containsExactly("ticket.status");
    assertThat(adapter.translate(bytes("{\"tickets\": []}")).errors())
        .extracting(FieldError::field).containsExactly("ticket");
    assertThat(adapter.translate(bytes("""
        {"ticket": {"status": "solved", "created_at": 1764000000, "comments": [
          {"author_id": 1, "public": true}]}}""")).errors()).extracting(FieldError::field)
        .containsExactly("ticket.id");
    assertThat(adapter.translate(bytes("""
        {"ticket": {"id": 9, "status": "solved", "created_at": 1764000000, "comments": [
          {"author_id": 1, "public": true}]}}""")).errors()).extracting(FieldError::field)
        .containsExactly("ticket.comments[0].body");
  }

  @Test
  void channelsAndSpeakersFromRoleOrRequester() throws Exception {
    assertThat(ZendeskAdapter.channel("Voice")).hasToString("CALL");
    assertThat(ZendeskAdapter.channel("Chat")).hasToString("CHAT");
    assertThat(ZendeskAdapter.channel("WhatsApp")).hasToString("CHAT");
    assertThat(ZendeskAdapter.channel("Web form")).hasToString("EMAIL");
    Translation t = adapter.translate(bytes("""
        {"ticket": {"id": 9, "status": "closed", "via": "Voice", "created_at": 1764000000,
         "requester": {"id": 5}, "comments": [
          {"author_id": 5, "body": "a"}, {"author_id": 6, "author_role": "end-user", "body": "b"},
          {"author_id": 7, "author_role": "admin", "body": "c"}]}}""")).value();
    assertThat(t.contact().get("customerId").asText()).isEqualTo("zendesk:5");
    assertThat(t.contact().get("turns").findValuesAsText("speaker"))
        .containsExactly("CUSTOMER", "CUSTOMER", "AGENT");
  }
}
