package nl.waarom.ingest.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.ArrivalHeader;
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
import org.junit.jupiter.api.io.TempDir;

/** The replay against a real broker. */
class ReplayIT {
  private static final String SECRET = "replay-it-secret";
  private static final Topics TOPICS = Topics.withPrefix("replay-it.");
  private static KafkaBroker broker;
  private static TopicRecords records;
  private static Map<String, String> env;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    records = new TopicRecords(broker);
    env = Map.of("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(), "WAAROM_PSEUDONYM_SECRET", SECRET);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  private static String line(String id, String channel, String text) {
    return "{\"contactId\":\"" + id + "\",\"channel\":\"" + channel + "\",\"occurredAt\":"
        + "\"2026-11-24T10:15:30Z\",\"customerId\":\"cust-7\",\"turns\":[{\"speaker\":\"CUSTOMER\","
        + "\"text\":\"" + text + "\"}]}";
  }

  private static Contact expected(String id, Channel channel, String text) {
    return Contact.newBuilder().setContactId(id).setChannel(channel)
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setCustomerKey(new Pseudonymizer(SECRET).keyFor("cust-7"))
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L))).build();
  }

  private static <V> List<Map.Entry<String, V>> keyValues(List<ConsumerRecord<String, V>> list) {
    return list.stream().map(r -> Map.entry(r.key(), r.value())).toList();
  }

  @Test
  void goodLinesGoToTheChannelTopicsAndBadOnesToTheDeadLetterTopic() throws Exception {
    String missingId = "{\"channel\":\"CHAT\",\"occurredAt\":\"2026-11-24T10:15:30Z\","
        + "\"turns\":[{\"speaker\":\"BOT\",\"text\":\"hoi\"}]}";
    byte[] notJson = "dit is geen json \u20ac".getBytes(UTF_8);
    Path file = dir.resolve("corpus.jsonl");
    try (var out = Files.newOutputStream(file)) {
      out.write((line("chat-r1", "CHAT", "bel 06-12345678") + "\n").getBytes(UTF_8));
      out.write((missingId + "\r\n").getBytes(UTF_8));
      out.write(notJson);
      out.write("\n\n".getBytes(UTF_8)); // and a blank line, skipped
      out.write(line("call-r1", "CALL", "mail a@b.nl").getBytes(UTF_8)); // no final newline
    }
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.all());

    Summary summary = Replay.run(file, 0, env);

    assertThat(summary.replayed()).isEqualTo(2);
    assertThat(summary.deadLettered()).isEqualTo(2);
    assertThat(keyValues(records.since(TOPICS.contactsChat, before))).containsExactly(
        Map.entry("chat-r1", expected("chat-r1", Channel.CHAT, "bel [PHONE]")));
    // history arrives as it happened: the analyzer must not judge a replayed day a day late
    assertThat(records.since(TOPICS.contactsChat, before)).extracting(
            r -> ArrivalHeader.read(r.headers()).orElseThrow())
        .containsExactly(expected("chat-r1", Channel.CHAT, "").getOccurredAt().toEpochMilli());
    assertThat(keyValues(records.since(TOPICS.contactsCall, before))).containsExactly(
        Map.entry("call-r1", expected("call-r1", Channel.CALL, "mail [EMAIL]")));
    assertThat(records.since(TOPICS.contactsEmail, before)).isEmpty();
    List<ConsumerRecord<String, DeadLetter>> dead = records.since(TOPICS.deadLetters, before);
    assertThat(dead).extracting(ConsumerRecord::key).containsExactly("replay", "replay");
    assertThat(dead).extracting(r -> r.value().getSource(), r -> r.value().getRequest(),
            r -> r.value().getValue(), r -> r.value().getError())
        .containsExactly(
            tuple("replay", file + ":2",
                ByteBuffer.wrap(missingId.getBytes(UTF_8)), "contactId: is required"),
            tuple("replay", file + ":3", ByteBuffer.wrap(notJson),
                dead.get(1).value().getError()));
    assertThat(dead.get(1).value().getError()).startsWith("line: not valid JSON: ");
    assertThat(dead).allSatisfy(r -> assertThat(r.value().getFailedAt()).isNotNull());
  }

  @Test
  void mainPacesTheReplayAndPrintsTheSummary() throws Exception {
    StringBuilder corpus = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      corpus.append(line("email-p" + i, "EMAIL", "mail " + i)).append('\n');
    }
    Path file = Files.writeString(dir.resolve("paced.jsonl"), corpus);
    Map<TopicPartition, Long> before = records.snapshot(TOPICS.all());
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    int code = ReplayMain.run(new ReplayOptions(file, 20), env,
        new PrintStream(out, true, UTF_8), new PrintStream(new ByteArrayOutputStream(), true, UTF_8));

    assertThat(code).isZero();
    // Five lines at 20/s: the fifth is due 200 ms after the first.
    String summary = out.toString(UTF_8).trim();
    assertThat(summary).matches("replayed=5 dead_lettered=0 elapsed_s=\\d+\\.\\d{3}");
    assertThat(Double.parseDouble(summary.substring(summary.indexOf("elapsed_s=") + 10)))
        .isGreaterThanOrEqualTo(0.2);
    assertThat(records.since(TOPICS.contactsEmail, before)).extracting(ConsumerRecord::key)
        .containsExactly("email-p1", "email-p2", "email-p3", "email-p4", "email-p5");
    assertThat(records.since(TOPICS.deadLetters, before)).isEmpty();
  }
}
