package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.Turn;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The gateway against a real broker, over real HTTP. */
class GatewayIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "gateway-it-secret";
  private static final Topics TOPICS = Topics.withPrefix("gw-it.");
  private static KafkaBroker broker;
  private static TopicRecords records;
  private static Gateway gateway;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    records = new TopicRecords(broker);
    gateway = Gateway.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(),
        "WAAROM_PSEUDONYM_SECRET", SECRET,
        "WAAROM_GATEWAY_PORT", "0",
        "WAAROM_GATEWAY_MAX_BODY_BYTES", "65536",
        "WAAROM_GATEWAY_MAX_BATCH", "10",
        "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "20s"));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  static ObjectNode contact(String id, String channel, String text) {
    ObjectNode c = MAPPER.createObjectNode().put("contactId", id).put("channel", channel)
        .put("occurredAt", "2026-11-24T10:15:30Z").put("customerId", "cust-42");
    c.putArray("turns").addObject().put("speaker", "CUSTOMER").put("text", text);
    return c;
  }

  static Contact expected(String id, Channel channel, String redactedText) {
    return Contact.newBuilder().setContactId(id).setChannel(channel)
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setCustomerKey(new Pseudonymizer(SECRET).keyFor("cust-42"))
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, redactedText, 0L))).build();
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri("/v1/contacts"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(uri(path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://localhost:" + gateway.port() + path);
  }

  private static Map<String, List<ConsumerRecord<String, Contact>>> newContacts(
      Map<TopicPartition, Long> snapshot) {
    return Map.of("chat", records.since(TOPICS.contactsChat, snapshot),
        "call", records.since(TOPICS.contactsCall, snapshot),
        "email", records.since(TOPICS.contactsEmail, snapshot));
  }

  private static List<Map.Entry<String, Contact>> keyValues(
      List<ConsumerRecord<String, Contact>> list) {
    return list.stream().map(r -> Map.entry(r.key(), r.value())).toList();
  }

  private static long offset(Map<TopicPartition, Long> snapshot, Topic<?, ?> topic) {
    return snapshot.get(new TopicPartition(topic.name(), 0));
  }

  @Test
  void validArrayIsAcceptedAndExactlyThoseContactsAreProduced() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.contactTopics());
    ArrayNode body = MAPPER.createArrayNode()
        .add(contact("chat-1", "CHAT", "mail me op jan@example.nl"))
        .add(contact("call-1", "call", "mijn nummer is 06-12345678"))
        .add(contact("chat-2", "CHAT", "IBAN NL91ABNA0417164300, order 123456"));

    HttpResponse<String> response = post(body.toString(), "application/json");

    assertThat(response.statusCode()).isEqualTo(202);
    long chat = offset(before, TOPICS.contactsChat);
    long call = offset(before, TOPICS.contactsCall);
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree("""
        {"accepted": 3, "contacts": [
          {"contactId": "chat-1", "topic": "gw-it.contacts.chat", "partition": 0, "offset": %d},
          {"contactId": "call-1", "topic": "gw-it.contacts.call", "partition": 0, "offset": %d},
          {"contactId": "chat-2", "topic": "gw-it.contacts.chat", "partition": 0, "offset": %d}]}
        """.formatted(chat, call, chat + 1)));
    Map<String, List<ConsumerRecord<String, Contact>>> produced = newContacts(before);
    assertThat(keyValues(produced.get("chat"))).containsExactly(
        Map.entry("chat-1", expected("chat-1", Channel.CHAT, "mail me op [EMAIL]")),
        Map.entry("chat-2", expected("chat-2", Channel.CHAT, "IBAN [IBAN], order 123456")));
    assertThat(keyValues(produced.get("call"))).containsExactly(
        Map.entry("call-1", expected("call-1", Channel.CALL, "mijn nummer is [PHONE]")));
    assertThat(produced.get("email")).isEmpty();
  }

  @Test
  void batchWithOneBadElementIsRejectedAndNothingIsProduced() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.contactTopics());
    ObjectNode bad = contact("chat-bad", "CHAT", "hallo");
    bad.withArray("turns").addObject().put("speaker", "CLIENT").put("text", "x");
    ArrayNode body = MAPPER.createArrayNode().add(contact("chat-good", "CHAT", "hoi")).add(bad);

    HttpResponse<String> response = post(body.toString(), "application/json");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree("""
        {"error": "invalid request", "errors": [{"field": "[1].turns[1].speaker",
         "message": "must be one of CUSTOMER, AGENT, BOT, SYSTEM"}]}"""));
    assertOnlyMarkerFollows(before, "marker-1");
  }

  @Test
  void malformedRequestsAreRefusedWithJsonAndProduceNothing() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.contactTopics());
    String valid = contact("chat-refused", "CHAT", "hoi").toString();

    HttpResponse<String> notJson = post("{\"contactId\": ", "application/json");
    assertThat(notJson.statusCode()).isEqualTo(400);
    JsonNode error = MAPPER.readTree(notJson.body()).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo("body");
    assertThat(error.get("message").asText()).startsWith("not valid JSON");

    assertThat(MAPPER.readTree(post("[]", "application/json").body()))
        .isEqualTo(MAPPER.readTree("{\"error\": \"invalid request\", \"errors\": [{\"field\":"
            + " \"body\", \"message\": \"must hold 1..10 contacts\"}]}"));
    String eleven = "[" + String.join(",", Collections.nCopies(11, valid)) + "]";
    assertThat(post(eleven, "application/json").statusCode()).isEqualTo(400);

    HttpResponse<String> wrongType = post(valid, "text/plain");
    assertThat(wrongType.statusCode()).isEqualTo(415);
    assertThat(MAPPER.readTree(wrongType.body()).get("error").asText())
        .isEqualTo("unsupported media type");

    ObjectNode huge = contact("chat-huge", "CHAT", "x".repeat(70_000));
    HttpResponse<String> tooLarge = post(huge.toString(), "application/json");
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(MAPPER.readTree(tooLarge.body()).get("error").asText())
        .isEqualTo("request too large");

    assertOnlyMarkerFollows(before, "marker-2");
  }

  /** Proves nothing was produced since the snapshot: a later marker is the only new record. */
  private void assertOnlyMarkerFollows(Map<TopicPartition, Long> before, String markerId)
      throws Exception {
    assertThat(post(contact(markerId, "CHAT", "marker").toString(), "application/json")
        .statusCode()).isEqualTo(202);
    Map<String, List<ConsumerRecord<String, Contact>>> produced = newContacts(before);
    assertThat(keyValues(produced.get("chat")))
        .containsExactly(Map.entry(markerId, expected(markerId, Channel.CHAT, "marker")));
    assertThat(produced.get("call")).isEmpty();
    assertThat(produced.get("email")).isEmpty();
  }

  @Test
  void opsEndpointsAnswerAndMetricsCountAcceptedContacts() throws Exception {
    assertThat(post(contact("email-1", "EMAIL", "hoi").toString(), "application/json")
        .statusCode()).isEqualTo(202);
    assertThat(get("/healthy").statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
      HttpResponse<String> ready = get("/ready");
      assertThat(ready.statusCode()).isEqualTo(200);
      assertThat(ready.body()).isEqualTo("ready");
    });
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body())
        .containsPattern("waarom_gateway_contacts_accepted_total\\{channel=\"EMAIL\"} [1-9]")
        .contains("waarom_gateway_request_duration_seconds_count{status=\"202\"}")
        .contains("waarom_gateway_requests_rejected_total{reason=\"invalid\"}");
  }
}
