package nl.waarom.ingest.dlq;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.kafka.TopicProducer;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.webhook.Payloads;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.Turn;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code dlq list} and {@code dlq replay} against a real broker. */
class DlqIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String SECRET = "dlq-it-secret";
  private static final Topics TOPICS = Topics.withPrefix("dlq-it.");
  private static final Instant FAILED = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static KafkaBroker broker;
  private static TopicRecords records;
  private static Map<String, String> env;

  /** Original analyzer input: a valid contact the (then broken) analyzer could not process. */
  private static final Contact ANALYZED = Contact.newBuilder().setContactId("chat-9")
      .setChannel(Channel.CHAT).setOccurredAt(Instant.parse("2025-11-24T10:00:00Z"))
      .setTurns(List.of(new Turn(Speaker.CUSTOMER, "mijn factuur", 0L))).build();
  private static final String FIXED_LINE = """
      {"contactId": "mail-1", "channel": "EMAIL", "occurredAt": "2025-11-24T10:00:00Z",
       "customerId": "cust-7", "customerName": "Els Bos",
       "turns": [{"speaker": "CUSTOMER", "text": "Els Bos hier, bel 06-12345678"}]}""";
  private static final String STILL_BAD_LINE =
      "{\"contactId\": \"x\", \"channel\": \"FAX\", \"occurredAt\": \"2025-11-24T10:00:00Z\","
          + " \"turns\": []}";

  @BeforeAll
  static void start() throws Exception {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    records = new TopicRecords(broker);
    env = Map.of("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(), "WAAROM_PSEUDONYM_SECRET", SECRET);
    ObjectNode intercom = (ObjectNode) MAPPER.readTree(Payloads.read("intercom-closed.json"));
    try (TopicProducer p = TopicProducer.create(broker.bootstrapServers(),
        KafkaClientProperties.none(), "dlq-it", Duration.ofSeconds(20))) {
      byte[] analyzed = AvroSerde.of(Contact.class).serializer()
          .serialize(TOPICS.contactsChat.name(), ANALYZED);
      send(p, letter("analyzer", "classifier failed: index closed", analyzed)
          .setTopic(TOPICS.contactsChat.name()).setPartition(0).setOffset(41L)
          .setKey(ByteBuffer.wrap("chat-9".getBytes(StandardCharsets.UTF_8))).build());
      send(p, letter("replay", "channel: must be one of CHAT, CALL, EMAIL", bytes(FIXED_LINE))
          .setRequest("contacts.jsonl:3").build());
      send(p, letter("replay", "channel: must be one of CHAT, CALL, EMAIL",
          bytes(STILL_BAD_LINE)).setRequest("contacts.jsonl:4").build());
      send(p, letter("gateway:intercom", "data.item.id: is required",
          MAPPER.writeValueAsBytes(intercom)).setRequest("POST /v1/webhooks/intercom").build());
    }
  }

  private static DeadLetter.Builder letter(String source, String error, byte[] value) {
    return DeadLetter.newBuilder().setSource(source).setError(error)
        .setValue(ByteBuffer.wrap(value)).setFailedAt(FAILED);
  }

  private static void send(TopicProducer p, DeadLetter letter) throws Exception {
    p.send(TOPICS.deadLetters, letter.getSource(), letter).get();
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private record Run(int code, String out, String err) {}

  private static Run list(DeadLetterFilter filter, int limit) {
    return run((out, err) -> DlqMain.list(new DlqListOptions(filter, limit), env, out, err));
  }

  private static Run list(DeadLetterFilter filter) {
    return list(filter, DlqListOptions.DEFAULT_LIMIT);
  }

  private static Run replay(DeadLetterFilter filter, boolean dryRun) {
    return run((out, err) -> DlqMain.replay(new DlqReplayOptions(filter, dryRun), env, out, err));
  }

  private interface Command {
    int run(PrintStream out, PrintStream err);
  }

  private static Run run(Command command) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = command.run(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void listPrintsEveryDeadLetterAndFilters() {
    Run all = list(DeadLetterFilter.all());
    assertThat(all.code()).as(all.err()).isZero();
    assertThat(all.out().lines().toList()).containsExactly(
        "address\tfailed_at\tsource\torigin\tsize\terror",
        "0:0\t" + FAILED + "\tanalyzer\tdlq-it.contacts.chat-0@41\t"
            + AvroSerde.of(Contact.class).serializer().serialize("t", ANALYZED).length
            + "\tclassifier failed: index closed",
        "0:1\t" + FAILED + "\treplay\tcontacts.jsonl:3\t" + bytes(FIXED_LINE).length
            + "\tchannel: must be one of CHAT, CALL, EMAIL",
        "0:2\t" + FAILED + "\treplay\tcontacts.jsonl:4\t" + bytes(STILL_BAD_LINE).length
            + "\tchannel: must be one of CHAT, CALL, EMAIL",
        all.out().lines().toList().get(4),
        "dead letters: 4");
    assertThat(all.out().lines().toList().get(4))
        .startsWith("0:3\t" + FAILED + "\tgateway:intercom\tPOST /v1/webhooks/intercom\t");

    assertThat(list(new DeadLetterFilter(null, "gateway", List.of())).out()).contains("0:3\t")
        .doesNotContain("0:0\t", "0:1\t").contains("dead letters: 1");
    assertThat(list(DeadLetterFilter.all(), 1).out()).contains("0:0\t").doesNotContain("0:1\t")
        .contains("dead letters: 4 (first 1 shown");
    assertThat(list(new DeadLetterFilter(FAILED.plusSeconds(3600), null, List.of())).out())
        .contains("dead letters: 0");
    assertThat(list(new DeadLetterFilter(Instant.now().minus(Duration.ofHours(1)), null, List.of())).out()).contains("dead letters: 4");
  }

  @Test
  void replaySendsFixedLettersBackAndReportsTheStillInvalid() {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.all());

    Run dry = replay(DeadLetterFilter.all(), true);
    assertThat(dry.code()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("0:0\tanalyzer\twould_replay\tdlq-it.contacts.chat",
        "0:2\treplay\tstill_dead\tchannel: must be one of CHAT, CALL, EMAIL; turns: must be",
        "dry run: replayed=3 still_dead=1 ignored=0");
    assertThat(records.since(TOPICS.contactsChat, before)).isEmpty();
    assertThat(records.since(TOPICS.contactsEmail, before)).isEmpty();

    Run run = replay(DeadLetterFilter.all(), false);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).endsWith("replayed=3 still_dead=1 ignored=0" + System.lineSeparator());

    List<ConsumerRecord<String, Contact>> chat = records.since(TOPICS.contactsChat, before);
    assertThat(chat).extracting(ConsumerRecord::key)
        .containsExactly("chat-9", "intercom-1911149811");
    assertThat(chat.get(0).value()).isEqualTo(ANALYZED);
    String jan = new Pseudonymizer(SECRET).keyFor("cust-42");
    assertThat(chat.get(1).value().getCustomerKey()).isEqualTo(jan);
    assertThat(chat.get(1).value().getTurns().get(0).getText())
        .startsWith("Hoi, ik ben [NAME].").endsWith("IBAN [IBAN]");
    assertThat(records.since(TOPICS.contactsEmail, before)).extracting(ConsumerRecord::value)
        .containsExactly(Contact.newBuilder().setContactId("mail-1").setChannel(Channel.EMAIL)
            .setOccurredAt(Instant.parse("2025-11-24T10:00:00Z"))
            .setCustomerKey(new Pseudonymizer(SECRET).keyFor("cust-7"))
            .setTurns(List.of(new Turn(Speaker.CUSTOMER, "[NAME] hier, bel [PHONE]", 0L)))
            .build());
    assertThat(records.since(TOPICS.deadLetters, before)).as("nothing new is dead-lettered")
        .isEmpty();
  }

  @Test
  void replayOfOneAddressTouchesOnlyThatLetter() {
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.all());
    Run run = replay(new DeadLetterFilter(null, null, List.of("0:1")), false);
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().toList()).containsExactly(
        "0:1\treplay\treplayed\tdlq-it.contacts.email", "replayed=1 still_dead=0 ignored=0");
    assertThat(records.since(TOPICS.contactsEmail, before)).hasSize(1);
    assertThat(records.since(TOPICS.contactsChat, before)).isEmpty();
  }
}
