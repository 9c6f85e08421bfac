package nl.waarom.ingest.connect.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.connect.ConnectWorker;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.ArrivalHeader;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spool-directory connector end to end on a real standalone Connect worker and the embedded
 * broker: good VTT, JSON and JSONL files become contacts and move to done; a bad transcript and
 * an unsupported file move to error with the reason and are dead-lettered; a bad JSONL line is
 * dead-lettered by line while the good lines go on; a worker stopped in the middle of a large
 * JSONL file resumes without loss or duplicates.
 */
class SpoolDirConnectorIT {
  private static final Topics TOPICS = Topics.defaults();
  private static final String SECRET = "spool-secret";
  private static KafkaBroker broker;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void goodFilesProducedBadFilesRejectedAndARestartMidFileLosesAndRepeatsNothing()
      throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path done = tmp.resolve("done");
    Path error = tmp.resolve("error");
    TopicRecords topics = new TopicRecords(broker);
    Map<TopicPartition, Long> before = topics.snapshot(TOPICS.all());
    long started = System.currentTimeMillis();

    Files.writeString(in.resolve("call-1.vtt"), """
        WEBVTT

        NOTE
        occurredAt: 2026-11-24T09:00:00Z
        customerId: cust-1

        00:00.000 --> 00:02.000
        <v Agent>Goedemorgen, waarmee kan ik helpen?

        00:02.500 --> 00:05.000
        <v Klant>Bel me terug op 06-12345678 over mijn factuur.
        """);
    Files.writeString(in.resolve("call-2.json"), """
        {"contactId": "call-2", "occurredAt": "2026-11-24T09:30:00Z",
         "segments": [{"speaker": "klant", "start": 1.5, "text": "IBAN NL91ABNA0417164300 klopt niet"}]}
        """);
    Files.writeString(in.resolve("chats.jsonl"), chatLine("chat-1", "Mijn mail is jan@example.nl")
        + "\n" + "{\"contactId\": \"chat-bad\", \"channel\": \"CHAT\"}\n\n"
        + chatLine("chat-2", "Waar is mijn pakket?") + "\n");
    Files.writeString(in.resolve("broken.vtt"), "WEBVTT\n\n00:00.000 --> 00:01.000\ngeen spreker\n");
    Files.writeString(in.resolve("notes.txt"), "not a transcript");
    Files.writeString(in.resolve("upload.jsonl.tmp"), "half a file");
    // modified "just now" as far as the settle time can tell: still being written, not picked up
    Path unsettled = Files.writeString(in.resolve("unsettled.vtt"), "WEBVTT\n");
    Files.setLastModifiedTime(unsettled, FileTime.from(Instant.now().plus(Duration.ofHours(1))));
    Path offsets = tmp.resolve("offsets.dat");
    Map<String, String> config = config(in, done, error);

    try (ConnectWorker worker = ConnectWorker.standalone(broker.bootstrapServers(), offsets)) {
      worker.putConnector("spool", config);
      awaitFiles(done, "call-1.vtt", "call-2.json", "chats.jsonl");
      awaitFiles(error, "broken.vtt", "broken.vtt.error.txt", "notes.txt", "notes.txt.error.txt");
    }
    assertThat(in.resolve("upload.jsonl.tmp")).as("in-progress uploads are left alone").exists();
    assertThat(unsettled).as("a file that has not settled is left alone").exists();
    assertThat(Files.readString(error.resolve("broken.vtt.error.txt")))
        .contains("line 4: cue has no speaker");
    assertThat(Files.readString(error.resolve("notes.txt.error.txt")))
        .contains("unsupported file type");

    Map<String, Contact> calls = byId(topics.since(TOPICS.contactsCall, before));
    assertThat(calls).containsOnlyKeys("call-1", "call-2");
    // stamped with when the connector read them, for the analyzer's judgement of lateness
    assertThat(topics.since(TOPICS.contactsCall, before)).allSatisfy(r -> assertThat(
        ArrivalHeader.read(r.headers()).orElseThrow()).isGreaterThanOrEqualTo(started));
    Contact call1 = calls.get("call-1");
    assertThat(call1.getCustomerKey()).isEqualTo(new Pseudonymizer(SECRET).keyFor("cust-1"));
    assertThat(call1.getTurns()).extracting(t -> t.getSpeaker() + ":" + t.getText())
        .containsExactly("AGENT:Goedemorgen, waarmee kan ik helpen?",
            "CUSTOMER:Bel me terug op [PHONE] over mijn factuur.");
    assertThat(call1.getTurns().get(1).getOffsetMillis()).isEqualTo(2_500);
    assertThat(calls.get("call-2").getTurns().get(0).getText()).isEqualTo("IBAN [IBAN] klopt niet");

    Map<String, Contact> chats = byId(topics.since(TOPICS.contactsChat, before));
    assertThat(chats).containsOnlyKeys("chat-1", "chat-2");
    assertThat(chats.get("chat-1").getTurns().get(0).getText()).isEqualTo("Mijn mail is [EMAIL]");
    assertThat(chats.get("chat-1").getLanguage()).as("language hint").isEqualTo("nl");

    Map<String, DeadLetter> dead = topics.since(TOPICS.deadLetters, before).stream()
        .map(ConsumerRecord::value)
        .collect(Collectors.toMap(DeadLetter::getRequest, Function.identity()));
    assertThat(dead).containsOnlyKeys("broken.vtt", "notes.txt", "chats.jsonl:2");
    assertThat(dead.values()).allSatisfy(d -> assertThat(d.getSource()).isEqualTo("spool-connector"));
    assertThat(dead.get("chats.jsonl:2").getError()).startsWith("line 2: ").contains("turns");
    assertThat(StandardCharsets.UTF_8.decode(dead.get("chats.jsonl:2").getValue()).toString())
        .isEqualTo("{\"contactId\": \"chat-bad\", \"channel\": \"CHAT\"}");
    assertThat(StandardCharsets.UTF_8.decode(dead.get("notes.txt").getValue()).toString())
        .isEqualTo("not a transcript");

    // a large export, the worker stopped as soon as its first lines are in Kafka
    Map<TopicPartition, Long> beforeBig = topics.snapshot(List.of(TOPICS.contactsChat));
    int lines = 3000;
    Files.writeString(in.resolve("big.jsonl"), IntStream.rangeClosed(1, lines)
        .mapToObj(i -> chatLine("big-" + i, "bericht " + i)).collect(Collectors.joining("\n")));
    config.put("spool.batch.size", "5");
    try (ConnectWorker worker = ConnectWorker.standalone(broker.bootstrapServers(), offsets)) {
      worker.putConnector("spool", config);
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
          .until(() -> !topics.since(TOPICS.contactsChat, beforeBig).isEmpty());
    }
    int producedBeforeRestart = topics.since(TOPICS.contactsChat, beforeBig).size();
    assertThat(producedBeforeRestart).as("the first worker stopped in the middle of the file")
        .isBetween(1, lines - 1);
    assertThat(in.resolve("big.jsonl")).exists();
    try (ConnectWorker worker = ConnectWorker.standalone(broker.bootstrapServers(), offsets)) {
      worker.putConnector("spool", config);
      awaitFiles(done, "big.jsonl");
    }
    List<String> ids = topics.since(TOPICS.contactsChat, beforeBig).stream()
        .map(r -> r.value().getContactId()).toList();
    assertThat(ids).hasSize(lines).doesNotHaveDuplicates();
    try (var left = Files.list(in)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("upload.jsonl.tmp", "unsettled.vtt");
    }
  }

  private static Map<String, Contact> byId(List<ConsumerRecord<String, Contact>> records) {
    return records.stream().map(ConsumerRecord::value)
        .collect(Collectors.toMap(Contact::getContactId, Function.identity()));
  }

  private static String chatLine(String id, String text) {
    return "{\"contactId\": \"" + id + "\", \"channel\": \"CHAT\", \"occurredAt\": "
        + "\"2026-11-24T10:00:00Z\", \"customerId\": \"c-" + id + "\", \"turns\": [{\"speaker\": "
        + "\"CUSTOMER\", \"text\": \"" + text + "\"}]}";
  }

  private static void awaitFiles(Path dir, String... names) {
    Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
        .until(() -> List.of(names).stream().allMatch(n -> Files.exists(dir.resolve(n))));
  }

  private static Map<String, String> config(Path in, Path done, Path error) {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", WaaromSpoolDirSourceConnector.class.getName());
    c.put("tasks.max", "1");
    c.put("spool.input.dir", in.toString());
    c.put("spool.done.dir", done.toString());
    c.put("spool.error.dir", error.toString());
    c.put("spool.settle.ms", "0");
    c.put("spool.poll.interval.ms", "100");
    c.put("pseudonym.secret", SECRET);
    c.put("language", "nl");
    return c;
  }
}
