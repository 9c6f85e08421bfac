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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.SourceHeader;
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
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The gateway against a real broker, over real HTTP: what it accepts and produces, and who may
 * write (API keys from the setting and from a keys file that changes while it runs, rate limits).
 */
class GatewayIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String SECRET = "gateway-it-secret";
  private static final Topics TOPICS = Topics.withPrefix("gw-it.");
  /** The test client's key: configured unlimited, so the other tests never meet the limit. */
  static final String KEY = ApiKey.generate();
  /** Configured with a limit of 2 requests a second. */
  private static final String LIMITED_KEY = ApiKey.generate();
  /** In the keys file, until a test revokes it. */
  private static final String FILE_KEY = ApiKey.generate();
  private static final String OTHER_FILE_KEY = ApiKey.generate();
  @TempDir static Path dir;
  private static Path keysFile;
  private static KafkaBroker broker;
  private static TopicRecords records;
  private static Gateway gateway;

  /** Every log event from the start on, to prove that no key nor hash is ever logged. */
  private static final ListAppender<ILoggingEvent> LOG = new ListAppender<>();

  @BeforeAll
  static void start() throws Exception {
    LOG.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(LOG);
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    records = new TopicRecords(broker);
    keysFile = dir.resolve("api-keys");
    Files.writeString(keysFile, "# clients of the keys file\n"
        + ApiKey.of("file-client", FILE_KEY, null).fileLine() + "\n");
    gateway = Gateway.start(Map.ofEntries(
        Map.entry("WAAROM_GATEWAY_API_KEYS",
            ApiKey.of("gateway-it", KEY, RateLimit.UNLIMITED).settingEntry() + ","
                + ApiKey.of("limited", LIMITED_KEY, RateLimit.parse("2/s")).settingEntry()),
        Map.entry("WAAROM_GATEWAY_API_KEYS_FILE", keysFile.toString()),
        Map.entry("WAAROM_GATEWAY_RATE_LIMIT", "1000/s"),
        Map.entry("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers()),
        Map.entry("WAAROM_TOPIC_PREFIX", TOPICS.prefix()),
        Map.entry("WAAROM_PSEUDONYM_SECRET", SECRET),
        Map.entry("WAAROM_GATEWAY_PORT", "0"),
        Map.entry("WAAROM_GATEWAY_MAX_BODY_BYTES", "65536"),
        Map.entry("WAAROM_GATEWAY_MAX_BATCH", "10"),
        Map.entry("WAAROM_GATEWAY_PRODUCE_TIMEOUT", "20s")));
  }

  @AfterAll
  static void stop() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(LOG);
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
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, redactedText, 0L)))
        .setAttributes(Map.of("source", "gateway-it")).build();
  }

  private static HttpResponse<String> post(String body, String contentType) throws Exception {
    return post(body, contentType, "Authorization", "Bearer " + KEY);
  }

  /** POSTs with the given headers (name, value, ...) besides Content-Type. */
  static HttpResponse<String> post(String body, String contentType, String... headers)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri("/v1/contacts"))
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
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
    assertThat(produced.values().stream().flatMap(List::stream)
        .map(r -> SourceHeader.read(r.headers()).orElse(null)))
        .containsExactly("gateway-it", "gateway-it", "gateway-it");
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
    // The refused body is drained, so the answer reaches a client still sending, every time.
    for (int i = 0; i < 10; i++) {
      assertThat(post(huge.toString(), "application/json").statusCode()).isEqualTo(413);
    }

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

  @Test
  void withoutAValidKeyNothingIsWrittenAndThe401SaysWhatIsMissing() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.contactTopics());
    String body = contact("chat-anonymous", "CHAT", "hoi").toString();

    HttpResponse<String> none = post(body, "application/json", new String[0]);
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"waarom\"");
    assertThat(MAPPER.readTree(none.body())).isEqualTo(MAPPER.readTree("""
        {"error": "unauthorized", "message": "missing credential: send an API key in the \
        Authorization header ('Authorization: Bearer <key>') or in the X-Api-Key header"}"""));

    HttpResponse<String> wrong = post(body, "application/json",
        "Authorization", "Bearer " + ApiKey.generate());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"waarom\", error=\"invalid_token\"");
    assertThat(MAPPER.readTree(wrong.body()).get("message").asText())
        .isEqualTo("the API key is not valid: unknown or revoked");

    HttpResponse<String> basic = post(body, "application/json", "Authorization", "Basic "
        + Base64.getEncoder().encodeToString(("x:" + KEY).getBytes(StandardCharsets.UTF_8)));
    assertThat(basic.statusCode()).isEqualTo(401);
    assertThat(MAPPER.readTree(basic.body()).get("message").asText())
        .isEqualTo("the Authorization header must be 'Bearer <API key>'");
    assertThat(post(body, "application/json", "X-Api-Key", "not-" + KEY).statusCode())
        .isEqualTo(401);
    // the configured hash is not a credential
    assertThat(post(body, "application/json", "Authorization",
        "Bearer " + ApiKey.of("x", KEY, null).sha256()).statusCode()).isEqualTo(401);

    assertOnlyMarkerFollows(before, "marker-3");
    assertThat(gateway.registry().scrape())
        .containsPattern("waarom_gateway_requests_rejected_total\\{reason=\"missing_credential\"} [1-9]")
        .containsPattern("waarom_gateway_requests_rejected_total\\{reason=\"invalid_credential\"} [1-9]");
  }

  @Test
  void theKeysNameIsTheSourceWhateverTheClientClaims() throws Exception {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.contactTopics());
    ObjectNode claimed = contact("email-claimed", "EMAIL", "hoi");
    claimed.putObject("attributes").put("source", "file-client").put("campaign", "winter");

    HttpResponse<String> response = post(claimed.toString(), "application/json",
        "X-Api-Key", KEY);

    assertThat(response.statusCode()).isEqualTo(202);
    List<ConsumerRecord<String, Contact>> produced = newContacts(before).get("email");
    assertThat(produced).hasSize(1);
    assertThat(produced.get(0).value().getAttributes())
        .isEqualTo(Map.of("source", "gateway-it", "campaign", "winter"));
    assertThat(SourceHeader.read(produced.get(0).headers())).hasValue("gateway-it");
  }

  @Test
  void keysAreAddedToAndRevokedFromTheKeysFileWhileTheGatewayRuns() throws Exception {
    String body = contact("chat-rotated", "CHAT", "hoi").toString();
    assertThat(post(body, "application/json", "X-Api-Key", OTHER_FILE_KEY).statusCode())
        .isEqualTo(401);

    // rotation: the new key next to the old one, then the old one removed
    Files.writeString(keysFile, ApiKey.of("file-client", FILE_KEY, null).fileLine() + "\n"
        + ApiKey.of("file-client", OTHER_FILE_KEY, null).fileLine() + "\n");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        post(body, "application/json", "X-Api-Key", OTHER_FILE_KEY).statusCode()).isEqualTo(202));
    assertThat(post(body, "application/json", "X-Api-Key", FILE_KEY).statusCode())
        .isEqualTo(202);

    Files.writeString(keysFile, ApiKey.of("file-client", OTHER_FILE_KEY, null).fileLine() + "\n");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
        post(body, "application/json", "X-Api-Key", FILE_KEY).statusCode()).isEqualTo(401));
    assertThat(post(body, "application/json", "X-Api-Key", OTHER_FILE_KEY).statusCode())
        .isEqualTo(202);

    // a file that no longer parses changes nothing: the keys read before stay in force
    Files.writeString(keysFile, "file-client not-a-hash\n");
    await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
        assertThat(post(body, "application/json", "X-Api-Key", OTHER_FILE_KEY).statusCode())
            .isEqualTo(202));
  }

  @Test
  void overItsRateLimitAClientGets429WithRetryAfterAndIsAcceptedAgainLater() throws Exception {
    String[] limited = {"Authorization", "Bearer " + LIMITED_KEY};
    HttpResponse<String> refused = null;
    // a bucket of 2: the third request within a second at the latest is refused
    for (int i = 0; i < 3 && refused == null; i++) {
      HttpResponse<String> r = post("[]", "application/json", limited);
      if (r.statusCode() == 429) {
        refused = r;
      } else {
        assertThat(r.statusCode()).as("admitted, then refused as an empty batch").isEqualTo(400);
      }
    }
    assertThat(refused).as("a 429 within three quick requests").isNotNull();
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(MAPPER.readTree(refused.body()).get("error").asText())
        .isEqualTo("too many requests");
    assertThat(MAPPER.readTree(refused.body()).get("message").asText())
        .isEqualTo("client 'limited' is over its rate limit of 2/s; retry after 1 s");
    // another client is not held up by it
    assertThat(post("[]", "application/json", "Authorization", "Bearer " + KEY).statusCode())
        .isEqualTo(400);

    await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250)).untilAsserted(
        () -> assertThat(post(contact("chat-patient", "CHAT", "hoi").toString(),
            "application/json", limited).statusCode()).isEqualTo(202));
    assertThat(gateway.registry().scrape())
        .containsPattern("waarom_gateway_requests_throttled_total\\{client=\"limited\"} [1-9]")
        .containsPattern("waarom_gateway_requests_rejected_total\\{reason=\"rate_limited\"} [1-9]")
        .doesNotContain("waarom_gateway_requests_throttled_total{client=\"gateway-it\"}");
  }

  @Test
  void noKeyNorItsHashIsEverLogged() throws Exception {
    Files.writeString(keysFile, "file-client " + FILE_KEY + "\n"); // a key where a hash belongs
    await().atMost(Duration.ofSeconds(10)).until(() -> LOG.list.stream()
        .anyMatch(e -> e.getFormattedMessage().contains("is not valid")));
    Files.writeString(keysFile, ApiKey.of("file-client", FILE_KEY, null).fileLine() + "\n");
    await().atMost(Duration.ofSeconds(10)).until(() -> LOG.list.stream()
        .anyMatch(e -> e.getFormattedMessage().contains("now 1 key(s): file-client")));
    post(contact("chat-logged", "CHAT", "hoi").toString(), "application/json",
        "Authorization", "Bearer " + FILE_KEY + "x");

    List<String> logged = List.copyOf(LOG.list).stream()
        .map(e -> e.getFormattedMessage() + (e.getThrowableProxy() == null ? ""
            : e.getThrowableProxy().getMessage())).toList();
    assertThat(logged).anyMatch(line -> line.contains("WAAROM_GATEWAY_API_KEYS=2 key(s): "
        + "gateway-it (unlimited), limited (2/s)"));
    for (String key : List.of(KEY, LIMITED_KEY, FILE_KEY, OTHER_FILE_KEY)) {
      String hash = ApiKey.of("x", key, null).sha256();
      assertThat(logged).noneMatch(line -> line.contains(key) || line.contains(hash));
    }
  }
}
