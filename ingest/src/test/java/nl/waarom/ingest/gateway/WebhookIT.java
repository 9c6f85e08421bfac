package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.webhook.IntercomAdapter;
import nl.waarom.ingest.webhook.Payloads;
import nl.waarom.ingest.webhook.ZendeskAdapter;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
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

/** The Intercom and Zendesk webhooks through the real gateway, over real HTTP, on a real broker. */
class WebhookIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "webhook-it-pseudonyms";
  private static final String INTERCOM = "intercom-client-secret";
  private static final String ZENDESK = "zendesk-signing-secret";
  private static final Topics TOPICS = Topics.withPrefix("wh-it.");
  private static KafkaBroker broker;
  private static TopicRecords records;
  private static final String API_KEY = ApiKey.generate();
  private static Gateway gateway;
  private static Gateway unconfigured;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    records = new TopicRecords(broker);
    gateway = Gateway.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(), "WAAROM_PSEUDONYM_SECRET", SECRET,
        "WAAROM_GATEWAY_PORT", "0", "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "20s",
        "WAAROM_WEBHOOK_INTERCOM_SECRET", INTERCOM, "WAAROM_WEBHOOK_ZENDESK_SECRET", ZENDESK,
        "WAAROM_WEBHOOK_MAX_AGE", "5m",
        // for POST /v1/contacts; the webhooks need none: their signature is their credential
        "WAAROM_GATEWAY_API_KEYS", ApiKey.of("webhook-it", API_KEY, null).settingEntry()));
    unconfigured = Gateway.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(), "WAAROM_GATEWAY_PORT", "0"));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {gateway, unconfigured, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** The sample Intercom notification, sent now. */
  private static byte[] intercomBody(Instant sentAt) throws Exception {
    ObjectNode body = (ObjectNode) MAPPER.readTree(Payloads.read("intercom-closed.json"));
    body.put("created_at", sentAt.getEpochSecond());
    return MAPPER.writeValueAsBytes(body);
  }

  private static HttpResponse<String> post(Gateway g, String platform, byte[] body,
      Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("http://localhost:" + g.port() + "/v1/webhooks/" + platform))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> intercom(byte[] body, String secret) throws Exception {
    return post(gateway, "intercom", body,
        Map.of(IntercomAdapter.SIGNATURE_HEADER, IntercomAdapter.sign(body, secret)));
  }

  private static HttpResponse<String> zendesk(byte[] body, Instant at, String secret)
      throws Exception {
    String ts = at.truncatedTo(ChronoUnit.SECONDS).toString();
    return post(gateway, "zendesk", body, Map.of(ZendeskAdapter.TIMESTAMP_HEADER, ts,
        ZendeskAdapter.SIGNATURE_HEADER, ZendeskAdapter.sign(ts, body, secret)));
  }

  private static List<Topic<String, ?>> watched() {
    List<Topic<String, ?>> topics = new ArrayList<>(TOPICS.contactTopics());
    topics.add(TOPICS.deadLetters);
    return topics;
  }

  private static List<Contact> contactsSince(Map<TopicPartition, Long> snapshot) {
    List<Contact> all = new ArrayList<>();
    TOPICS.contactTopics().forEach(t -> records.since(t, snapshot).forEach(r -> all.add(r.value())));
    return all;
  }

  @Test
  void signedClosedConversationsAreProducedRedactedAndPseudonymised() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(watched());

    HttpResponse<String> fromIntercom = intercom(intercomBody(Instant.now()), INTERCOM);
    HttpResponse<String> fromZendesk = zendesk(Payloads.read("zendesk-solved.json"),
        Instant.now(), ZENDESK);

    assertThat(fromIntercom.statusCode()).as(fromIntercom.body()).isEqualTo(202);
    assertThat(MAPPER.readTree(fromIntercom.body()).get("topic").asText())
        .isEqualTo("wh-it.contacts.chat");
    assertThat(fromZendesk.statusCode()).as(fromZendesk.body()).isEqualTo(202);
    String key = new Pseudonymizer(SECRET).keyFor("cust-42");
    Contact intercom = Contact.newBuilder().setContactId("intercom-1911149811")
        .setChannel(Channel.CHAT).setOccurredAt(Instant.ofEpochSecond(1763999400))
        .setCustomerKey(key)
        .setTurns(List.of(
            new Turn(Speaker.CUSTOMER, "Hoi, ik ben [NAME]. Mijn factuur klopt niet & ik wil "
                + "mijn geld terug.\nIBAN [IBAN]", 0L),
            new Turn(Speaker.AGENT, "Dag [NAME], ik kijk het na. Bel je ons op [PHONE]?", 60_000L),
            new Turn(Speaker.CUSTOMER, "Prima, bedankt!\nGroet, [NAME]", 120_000L)))
        .setAttributes(Map.of("platform", "intercom", "tags", "billing,refund")).build();
    Contact zendesk = Contact.newBuilder().setContactId("zendesk-35436")
        .setChannel(Channel.EMAIL).setOccurredAt(Instant.parse("2025-11-24T16:00:00Z"))
        .setCustomerKey(key).setSubject("Pakket niet ontvangen")
        .setTurns(List.of(
            new Turn(Speaker.CUSTOMER, "Mijn pakket is niet aangekomen. Ik woon [POSTCODE] "
                + "Utrecht. Groet, [NAME]", 0L),
            new Turn(Speaker.AGENT, "Beste [NAME], we sturen een nieuw pakket.", 600_000L)))
        .setAttributes(Map.of("platform", "zendesk", "tags", "levering,pakket_kwijt")).build();
    assertThat(contactsSince(before)).containsExactlyInAnyOrder(intercom, zendesk);
    assertThat(records.since(TOPICS.deadLetters, before)).isEmpty();
  }

  @Test
  void theSameCustomerGetsTheSameKeyOnEveryEndpoint() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(watched());
    ObjectNode own = GatewayIT.contact("own-1", "CALL", "hallo");
    own.put("customerId", "cust-42");
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + gateway.port() + "/v1/contacts"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(own.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(intercom(intercomBody(Instant.now()), INTERCOM).statusCode()).isEqualTo(202);
    assertThat(zendesk(Payloads.read("zendesk-solved.json"), Instant.now(), ZENDESK)
        .statusCode()).isEqualTo(202);

    assertThat(contactsSince(before)).extracting(Contact::getCustomerKey)
        .containsExactly(new Pseudonymizer(SECRET).keyFor("cust-42"),
            new Pseudonymizer(SECRET).keyFor("cust-42"),
            new Pseudonymizer(SECRET).keyFor("cust-42"));
  }

  @Test
  void badlySignedAndStaleRequestsAre401AndLeaveNoTrace() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(watched());
    byte[] fresh = intercomBody(Instant.now());
    byte[] zendeskBody = Payloads.read("zendesk-solved.json");

    assertUnauthorized(intercom(fresh, "wrong-secret"), "X-Hub-Signature does not match");
    assertUnauthorized(post(gateway, "intercom", fresh, Map.of()), "X-Hub-Signature is missing");
    assertUnauthorized(intercom(intercomBody(Instant.now().minusSeconds(3600)), INTERCOM),
        "stale or replayed");
    assertUnauthorized(zendesk(zendeskBody, Instant.now(), "wrong-secret"),
        "X-Zendesk-Webhook-Signature does not match");
    assertUnauthorized(zendesk(zendeskBody, Instant.now().minusSeconds(3600), ZENDESK),
        "stale or replayed");
    assertUnauthorized(zendesk(zendeskBody, Instant.now().plusSeconds(3600), ZENDESK),
        "stale or replayed");

    assertThat(contactsSince(before)).isEmpty();
    assertThat(records.since(TOPICS.deadLetters, before)).isEmpty();
    assertThat(gateway.registry().scrape())
        .containsPattern("waarom_gateway_webhooks_total\\{outcome=\"unauthorized\","
            + "platform=\"intercom\"} [2-9]")
        .containsPattern("waarom_gateway_webhooks_total\\{outcome=\"stale\","
            + "platform=\"zendesk\"} [2-9]");
  }

  private static void assertUnauthorized(HttpResponse<String> response, String message)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
    JsonNode body = MAPPER.readTree(response.body());
    assertThat(body.get("error").asText()).isEqualTo("unauthorized");
    assertThat(body.get("message").asText()).contains(message);
  }

  @Test
  void signedButMalformedPayloadsAre400AndDeadLetteredWithTheirRawBytes() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(watched());
    byte[] notJson = "{\"type\": \"notification_event\", ".getBytes(StandardCharsets.UTF_8);
    byte[] openTicket = """
        {"ticket": {"id": 77, "status": "open", "created_at": "2025-11-24T16:00:00Z",
         "comments": [{"author_id": 1, "body": "waar blijft mijn pakket"}]}}"""
        .getBytes(StandardCharsets.UTF_8);

    HttpResponse<String> intercom = intercom(notJson, INTERCOM);
    HttpResponse<String> zendesk = zendesk(openTicket, Instant.now(), ZENDESK);

    assertThat(intercom.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(intercom.body()).at("/errors/0/field").asText()).isEqualTo("body");
    assertThat(zendesk.statusCode()).isEqualTo(400);
    assertThat(MAPPER.readTree(zendesk.body())).isEqualTo(MAPPER.readTree("""
        {"error": "invalid request", "deadLettered": true, "errors": [{"field": "ticket.status",
         "message": "must be solved or closed (fire the trigger when a ticket is solved)"}]}"""));
    List<ConsumerRecord<String, DeadLetter>> dead = records.since(TOPICS.deadLetters, before);
    assertThat(dead).extracting(ConsumerRecord::key)
        .containsExactly("gateway:intercom", "gateway:zendesk");
    assertThat(dead.get(0).value().getRequest()).isEqualTo("POST /v1/webhooks/intercom");
    assertThat(dead.get(0).value().getError()).startsWith("body: not valid JSON");
    assertThat(bytes(dead.get(0).value().getValue())).isEqualTo(notJson);
    assertThat(dead.get(1).value().getSource()).isEqualTo("gateway:zendesk");
    assertThat(dead.get(1).value().getError()).startsWith("ticket.status: must be solved");
    assertThat(bytes(dead.get(1).value().getValue())).isEqualTo(openTicket);
    assertThat(contactsSince(before)).isEmpty();
  }

  @Test
  void pingIsAnswered200AndProducesNothing() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(watched());
    byte[] ping = ("{\"type\": \"notification_event\", \"topic\": \"ping\", \"created_at\": "
        + Instant.now().getEpochSecond() + ", \"data\": {\"item\": {\"type\": \"ping\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> response = intercom(ping, INTERCOM);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree("{\"ignored\":\"ping\"}"));
    assertThat(contactsSince(before)).isEmpty();
    assertThat(records.since(TOPICS.deadLetters, before)).isEmpty();
  }

  @Test
  void aPlatformWithoutSecretIsNotConfigured() throws Exception {
    HttpResponse<String> response = post(unconfigured, "zendesk",
        Payloads.read("zendesk-solved.json"), Map.of());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree("""
        {"error": "not configured", "message": "the zendesk webhook is not configured on this \
        gateway: set WAAROM_WEBHOOK_ZENDESK_SECRET"}"""));
    assertThat(post(unconfigured, "freshdesk", new byte[] {'{', '}'}, Map.of()).statusCode())
        .isEqualTo(404);
  }

  @Test
  void metricsCountOutcomesAndRedactions() throws Exception {
    assertThat(intercom(intercomBody(Instant.now()), INTERCOM).statusCode()).isEqualTo(202);
    assertThat(gateway.registry().scrape())
        .containsPattern("waarom_gateway_webhooks_total\\{outcome=\"accepted\","
            + "platform=\"intercom\"} [1-9]")
        .containsPattern("waarom_gateway_redactions_total\\{type=\"iban\"} [1-9]")
        .containsPattern("waarom_gateway_redactions_total\\{type=\"name\"} [3-9]")
        .contains("waarom_gateway_redactions_total{type=\"bsn\"}")
        .contains("waarom_gateway_webhooks_total{outcome=\"invalid\",platform=\"zendesk\"}");
  }

  private static byte[] bytes(ByteBuffer buffer) {
    byte[] b = new byte[buffer.remaining()];
    buffer.duplicate().get(b);
    return b;
  }
}
