package nl.waarom.sink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.ContactFixtures;
import nl.waarom.sink.access.TestTokens;
import nl.waarom.sink.db.Json;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The team workspace's data path through the whole sink (a real broker, a real embedded
 * PostgreSQL, HTTP): contact words and classifications merged into one row in either order, names
 * from a published taxonomy, an editor's correction through its topic, the retention purge, and
 * dead letters for records that cannot be decoded.
 */
class ContactsIT {
  private static final Duration WAIT = Duration.ofSeconds(45);
  private static final Topics TOPICS = Topics.withPrefix("ct.");
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  @TempDir static Path dataDir;
  private static KafkaBroker broker;
  private static SinkApp app;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    app = SinkApp.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "ct.",
        "WAAROM_SINK_PORT", "0",
        "WAAROM_DATA_DIR", dataDir.toString(),
        "WAAROM_API_TOKENS", TestTokens.setting("vi:viewer", "ed:editor"),
        "WAAROM_SINK_CONTACT_RETENTION", "30d",
        "WAAROM_SINK_CONTACT_PURGE_INTERVAL", "1s",
        "WAAROM_SINK_LEADER_CHECK_INTERVAL", "1s"));
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void wordsAndClassificationBecomeOneRowInEitherOrderAndShowWithTheTaxonomysNames()
      throws Exception {
    broker.produce(TOPICS.taxonomy, Map.of(ContactFixtures.VERSION,
        ContactFixtures.taxonomy(NOW.minusSeconds(60))));
    Contact wordsFirst = Contact.newBuilder(ContactFixtures.chat("chat-words-first",
        NOW.minusSeconds(600), "Ik ben dubbel afgeschreven voor mijn bestelling"))
        .setCallbackRequested(true).build();
    Contact classifiedFirst = ContactFixtures.email("mail-classified-first", NOW.minusSeconds(300),
        "Pakket te laat", "Mijn pakket is nog steeds niet bezorgd");
    broker.produce(TOPICS.contactsChat, Map.of(wordsFirst.getContactId(), wordsFirst));
    broker.produce(TOPICS.classified, Map.of(classifiedFirst.getContactId(),
        ContactFixtures.classified(classifiedFirst, ContactFixtures.DELIVERY, "te laat")));
    await().atMost(WAIT).until(() -> query("SELECT count(*) FROM contacts WHERE contact_id IN"
        + " ('chat-words-first', 'mail-classified-first')").equals(List.of("2")));
    // the words alone do not say it: unknown until the classification arrives
    assertThat(query("SELECT contact_id || ' ' || coalesce(callback_requested::text, 'unknown')"
        + " FROM contacts WHERE contact_id IN ('chat-words-first', 'mail-classified-first')"
        + " ORDER BY occurred_at"))
        .containsExactly("chat-words-first unknown", "mail-classified-first false");
    broker.produce(TOPICS.classified, Map.of(wordsFirst.getContactId(),
        ContactFixtures.classified(wordsFirst, ContactFixtures.PAYMENT, "dubbel afgeschreven")));
    broker.produce(TOPICS.contactsEmail, Map.of(classifiedFirst.getContactId(), classifiedFirst));

    await().atMost(WAIT).until(() -> query("SELECT count(*) FROM contacts WHERE turns IS NOT NULL"
        + " AND taxonomy_version IS NOT NULL AND contact_id IN ('chat-words-first',"
        + " 'mail-classified-first')").equals(List.of("2")));
    await().atMost(WAIT).until(() -> !query("SELECT 1 FROM taxonomy_reasons WHERE name_en ="
        + " 'Payment problem'").isEmpty());
    assertThat(query("SELECT concat_ws(' ', contact_id, channel, primary_reason_id, queue,"
        + " handle_millis, reasons->0->>'source', jsonb_array_length(turns)) FROM contacts"
        + " WHERE contact_id IN ('chat-words-first', 'mail-classified-first')"
        + " ORDER BY occurred_at"))
        .containsExactly("chat-words-first CHAT payment-problem betalen 300000 RULE 3",
            "mail-classified-first EMAIL delivery-late 300000 RULE 1");
    assertThat(query("SELECT contact_id FROM contacts WHERE callback_requested"
        + " AND contact_id IN ('chat-words-first', 'mail-classified-first')"))
        .containsExactly("chat-words-first");
    assertThat(query("SELECT search_text FROM contacts WHERE contact_id = 'mail-classified-first'"))
        .containsExactly("Pakket te laat\nMijn pakket is nog steeds niet bezorgd");

    JsonNode found = Json.mapper().readTree(get("/api/contacts?q=afgeschreven", "vi").body());
    assertThat(found.path("contacts").findValuesAsText("contactId"))
        .containsExactly("chat-words-first");
    assertThat(Json.mapper().readTree(get("/api/contacts/chat-words-first", "vi").body())
        .path("contact").path("callbackRequested").asText()).isEqualTo("true");
    JsonNode byReason = Json.mapper().readTree(
        get("/api/contacts?reason=delivery-late&channel=email", "vi").body());
    assertThat(byReason.path("contacts").findValuesAsText("contactId"))
        .containsExactly("mail-classified-first");

    String page = get("/contacts/chat-words-first", "vi").body();
    assertThat(page).contains("<b>Payment problem</b> <code>payment-problem</code> · 90% · source"
            + " <span class=\"source\">rule</span>")
        .contains("Ik ben <mark title=\"Payment problem\">dubbel afgeschreven</mark> voor mijn")
        .contains("<span class=\"sentiment negative\"")
        .contains("taxonomy <span id=\"taxonomy-version\">" + ContactFixtures.VERSION)
        .contains("the customer asked to be called back");
    assertThat(get("/contacts/mail-classified-first", "vi").body())
        .doesNotContain("called back")
        .contains("Subject: Pakket <mark title=\"Late delivery\">te laat</mark>");
    assertThat(get("/contacts", "vi").body()).contains("Payment problem (rule)")
        .contains("<option value=\"delivery-late\">Late delivery</option>");
  }

  @Test
  void anEditorsCorrectionGoesThroughItsTopicAndReplacesThePrimaryReason() throws Exception {
    Contact contact = ContactFixtures.chat("chat-to-correct", NOW.minusSeconds(900),
        "Ik ben dubbel afgeschreven maar mijn pakket is ook te laat");
    broker.produce(TOPICS.taxonomy, Map.of(ContactFixtures.VERSION,
        ContactFixtures.taxonomy(NOW.minusSeconds(60))));
    broker.produce(TOPICS.contactsChat, Map.of(contact.getContactId(), contact));
    broker.produce(TOPICS.classified, Map.of(contact.getContactId(),
        ContactFixtures.classified(contact, ContactFixtures.PAYMENT, "dubbel afgeschreven")));
    await().atMost(WAIT).until(() -> query("SELECT primary_reason_id FROM contacts"
        + " WHERE contact_id = 'chat-to-correct' AND turns IS NOT NULL")
        .equals(List.of(ContactFixtures.PAYMENT)));

    String path = "/api/contacts/chat-to-correct/corrections";
    String body = "{\"reasonId\": \"delivery-late\"}";
    assertThat(post(path, body, "vi").statusCode()).isEqualTo(403);
    assertThat(post(path, "{\"reasonId\": \"money\"}", "ed").statusCode()).as("a group")
        .isEqualTo(400);
    HttpResponse<String> accepted = post(path, body, "ed");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String correctionId = Json.mapper().readTree(accepted.body()).path("correctionId").asText();

    Correction onTopic = correctionOnTopic(correctionId);
    assertThat(onTopic.getActor()).isEqualTo("ed");
    assertThat(onTopic.getReasonId()).isEqualTo(ContactFixtures.DELIVERY);
    assertThat(onTopic.getPreviousReasonId()).isEqualTo(ContactFixtures.PAYMENT);
    assertThat(onTopic.getTaxonomyVersion()).isEqualTo(ContactFixtures.VERSION);
    assertThat(onTopic.getText()).isEqualTo(
        "Ik ben dubbel afgeschreven maar mijn pakket is ook te laat");

    await().atMost(WAIT).until(() -> query("SELECT primary_reason_id || ' '"
        + " || (reasons->0->>'source') || ' ' || (reasons->1->>'reasonId') FROM contacts"
        + " WHERE contact_id = 'chat-to-correct'")
        .equals(List.of("delivery-late FEEDBACK payment-problem")));
    assertThat(query("SELECT text FROM corrections WHERE correction_id = '" + correctionId + "'"))
        .as("the words the model learns are stored with the correction")
        .containsExactly("Ik ben dubbel afgeschreven maar mijn pakket is ook te laat");
    assertThat(query("SELECT language FROM corrections WHERE correction_id = '" + correctionId
        + "'")).containsExactly(onTopic.getLanguage());
    assertThat(get("/contacts/chat-to-correct", "vi").body())
        .contains("ed · Payment problem → Late delivery · taxonomy " + ContactFixtures.VERSION);

    // a re-delivered classification does not undo the correction
    broker.produce(TOPICS.classified, Map.of(contact.getContactId(),
        ContactFixtures.classified(contact, ContactFixtures.PAYMENT, "dubbel afgeschreven")));
    assertThat(post(path, "{\"none\": true}", "ed").statusCode()).isEqualTo(202);
    await().atMost(WAIT).until(() -> query("SELECT coalesce(primary_reason_id, '-') || ' '"
        + " || unexplained || ' ' || jsonb_array_length(reasons) FROM contacts"
        + " WHERE contact_id = 'chat-to-correct'").equals(List.of("- true 0")));
    assertThat(query("SELECT count(*) FROM corrections WHERE contact_id = 'chat-to-correct'"))
        .containsExactly("2");
  }

  @Test
  void thePurgeDeletesOnlyContactsOlderThanTheRetentionAndKeepsTheirCorrections()
      throws Exception {
    Contact old = ContactFixtures.chat("chat-old", NOW.minus(Duration.ofDays(31)),
        "Oude klacht over een dubbel afgeschreven bedrag");
    Contact recent = ContactFixtures.chat("chat-recent", NOW.minus(Duration.ofDays(29)),
        "Recente klacht over een dubbel afgeschreven bedrag");
    Correction oldCorrection = Correction.newBuilder().setCorrectionId("corr-old")
        .setContactId("chat-old").setChannel(old.getChannel()).setOccurredAt(old.getOccurredAt())
        .setCorrectedAt(NOW.minus(Duration.ofDays(30))).setActor("someone")
        .setReasonId(ContactFixtures.PAYMENT).setTaxonomyVersion(ContactFixtures.VERSION)
        .setText("Oude klacht").build();
    broker.produce(TOPICS.corrections, Map.of("chat-old", oldCorrection));
    broker.produce(TOPICS.contactsChat, Map.of("chat-recent", recent));
    broker.produce(TOPICS.contactsChat, Map.of("chat-old", old));

    await().atMost(WAIT).untilAsserted(() -> assertThat(
        get("/metrics", "vi").body()).containsPattern("waarom_sink_contacts_purged_total [1-9]"));
    await().atMost(WAIT).until(() -> !query(
        "SELECT 1 FROM contacts WHERE contact_id = 'chat-recent'").isEmpty());
    assertThat(query("SELECT count(*) FROM contacts WHERE contact_id = 'chat-old'"))
        .containsExactly("0");
    assertThat(query("SELECT actor FROM corrections WHERE correction_id = 'corr-old'"))
        .containsExactly("someone");
    assertThat(get("/metrics", "vi").body())
        .contains("waarom_sink_contacts_written_total{kind=\"contact\"}")
        .contains("waarom_sink_leader{task=\"purge\"} 1.0");
  }

  @Test
  void aContactRecordThatCannotBeDecodedIsADeadLetterWithItsOriginalBytes() throws Exception {
    byte[] garbage = "not a contact".getBytes(StandardCharsets.UTF_8);
    broker.produce(new Topic<>(TOPICS.contactsCall.name(), Serdes.String(), Serdes.ByteArray()),
        Map.of("call-garbage", garbage));
    Contact next = ContactFixtures.chat("chat-after-garbage", NOW, "Na het afval");
    broker.produce(TOPICS.contactsChat, Map.of(next.getContactId(), next));
    await().atMost(WAIT).until(() -> !query(
        "SELECT 1 FROM contacts WHERE contact_id = 'chat-after-garbage'").isEmpty());
    try (KafkaConsumer<String, DeadLetter> dlq = broker.consumer(TOPICS.deadLetters)) {
      List<ConsumerRecord<String, DeadLetter>> seen = KafkaBroker.pollAtLeast(dlq, 1, WAIT);
      DeadLetter dead = seen.stream().filter(r -> r.key().equals("call-garbage")).findFirst()
          .orElseThrow().value();
      assertThat(dead.getTopic()).isEqualTo(TOPICS.contactsCall.name());
      assertThat(dead.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
    }
  }

  private static Correction correctionOnTopic(String correctionId) {
    try (KafkaConsumer<String, Correction> consumer = broker.consumer(TOPICS.corrections)) {
      List<ConsumerRecord<String, Correction>> seen = new ArrayList<>();
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline) {
        seen.addAll(KafkaBroker.pollAtLeast(consumer, 1, Duration.ofSeconds(1)));
        for (ConsumerRecord<String, Correction> r : seen) {
          if (r.value().getCorrectionId().equals(correctionId)) {
            assertThat(r.key()).isEqualTo(r.value().getContactId());
            return r.value();
          }
        }
      }
      throw new AssertionError("no correction " + correctionId + " in " + seen);
    }
  }

  private static HttpResponse<String> get(String path, String token) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Authorization", TestTokens.bearer(token)).timeout(Duration.ofSeconds(10))
            .GET().build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static HttpResponse<String> post(String path, String body, String token)
      throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + app.port() + path))
            .header("Authorization", TestTokens.bearer(token))
            .header("Content-Type", "application/json").timeout(Duration.ofSeconds(20))
            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static List<String> query(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(app.jdbcUrl());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }
}
