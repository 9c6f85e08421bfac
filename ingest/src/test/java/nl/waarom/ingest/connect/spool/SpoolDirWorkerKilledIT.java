package nl.waarom.ingest.connect.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import nl.waarom.ingest.connect.ConnectWorkerProcess;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Connect worker running the spool connector in its own JVM is killed with SIGKILL
 * twice — once in the middle of a large chat export, once in the middle of a folder of call
 * transcripts — and a new worker is started on the same offsets file each time. At the end every
 * file and every line is on its contacts topic (read with {@code read_committed}); records
 * produced again after a kill (at-least-once: they were in Kafka, their offset was not yet
 * flushed) carry the same key, the same contactId and byte-for-byte the same value as their first
 * delivery, so the analyzer's deduplication by (topic, contactId) counts each contact once.
 */
class SpoolDirWorkerKilledIT {
  private static final Logger LOG = LoggerFactory.getLogger(SpoolDirWorkerKilledIT.class);
  private static final Topics TOPICS = Topics.defaults();
  private static final int LINES = 8_000;
  private static final int TRANSCRIPTS = 300;
  private static KafkaBroker broker;

  @TempDir
  Path tmp;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 2);
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aWorkerKilledHardLosesNothingAndEveryRepeatIsTheSameContact() throws Exception {
    Path in = Files.createDirectories(tmp.resolve("in"));
    Path done = tmp.resolve("done");
    Path offsets = tmp.resolve("offsets.dat");
    Set<String> expectedChats = writeChatExport(in.resolve("chats.jsonl"));
    Set<String> expectedCalls = writeTranscripts(in);
    Map<String, String> config = config(in, done, tmp.resolve("error"));

    try (ConnectWorkerProcess first = worker(offsets, config, 1)) {
      awaitAtLeast(TOPICS.contactsChat, LINES / 10);
      first.kill();
    }
    assertThat(in.resolve("chats.jsonl")).as("killed in the middle of the chat export").exists();

    try (ConnectWorkerProcess second = worker(offsets, config, 2)) {
      awaitAtLeast(TOPICS.contactsCall, TRANSCRIPTS / 10);
      second.kill();
    }
    try (Stream<Path> left = Files.list(in)) {
      assertThat(left.count()).as("killed in the middle of the transcripts").isPositive();
    }

    try (ConnectWorkerProcess third = worker(offsets, config, 3)) {
      Awaitility.await("every file moved to done").atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(200)).until(() -> isEmpty(in));
    }

    Delivered chats = readCommitted(TOPICS.contactsChat);
    Delivered calls = readCommitted(TOPICS.contactsCall);
    LOG.info("after two kills: chats {} records for {} contacts, calls {} records for {} contacts",
        chats.total, chats.byKey.size(), calls.total, calls.byKey.size());
    assertThat(chats.byKey.keySet()).as("no chat lost, no stranger").isEqualTo(expectedChats);
    assertThat(calls.byKey.keySet()).as("no transcript lost, no stranger")
        .isEqualTo(expectedCalls);
    assertThat(chats.mismatched).as("a chat delivered again differs from its first delivery")
        .isEmpty();
    assertThat(calls.mismatched).as("a call delivered again differs from its first delivery")
        .isEmpty();
    assertThat(readCommitted(TOPICS.deadLetters).total).as("nothing dead-lettered").isZero();
    try (Stream<Path> moved = Files.list(done)) {
      assertThat(moved.count()).isEqualTo(1 + TRANSCRIPTS);
    }
  }

  private ConnectWorkerProcess worker(Path offsets, Map<String, String> config, int n) {
    return ConnectWorkerProcess.start(broker.bootstrapServers(), offsets, "spool", config,
        tmp.resolve("worker-" + n + ".log"));
  }

  /** The chat export, older than every transcript so it is read first. */
  private static Set<String> writeChatExport(Path file) throws Exception {
    List<String> ids = IntStream.rangeClosed(1, LINES).mapToObj(i -> "chat-" + i).toList();
    Instant occurredAt = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.SECONDS);
    Files.writeString(file, ids.stream()
        .map(id -> "{\"contactId\": \"" + id + "\", \"channel\": \"CHAT\", \"occurredAt\": "
            + "\"" + occurredAt + "\", \"customerId\": \"c-" + id + "\", \"turns\": "
            + "[{\"speaker\": \"CUSTOMER\", \"text\": \"Waar blijft bestelling " + id + "?\"}]}")
        .collect(Collectors.joining("\n")));
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
    return new HashSet<>(ids);
  }

  /** Call transcripts named by their contactId, with a customer to pseudonymise. */
  private static Set<String> writeTranscripts(Path in) throws Exception {
    Set<String> ids = new HashSet<>();
    Instant base = Instant.now().minus(Duration.ofHours(1));
    for (int i = 1; i <= TRANSCRIPTS; i++) {
      String id = "call-%04d".formatted(i);
      Path f = Files.writeString(in.resolve(id + ".vtt"), """
          WEBVTT

          NOTE
          customerId: cust-%d

          00:00.000 --> 00:02.000
          <v Agent>Goedemorgen, waarmee kan ik helpen?

          00:02.500 --> 00:05.000
          <v Klant>Mijn factuur %d klopt niet, bel me op 06-12345678.
          """.formatted(i, i));
      Files.setLastModifiedTime(f, FileTime.from(base.plusSeconds(i)));
      ids.add(id);
    }
    return ids;
  }

  private static void awaitAtLeast(Topic<?, ?> topic, long records) {
    try (KafkaConsumer<byte[], byte[]> c = consumer()) {
      List<TopicPartition> partitions = partitions(c, topic);
      c.assign(partitions);
      Awaitility.await(records + " records on " + topic.name()).atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> c.endOffsets(partitions).values().stream().mapToLong(Long::longValue).sum()
              >= records);
    }
  }

  /** Every record of a topic, as a transactional consumer downstream sees it. */
  private static Delivered readCommitted(Topic<?, ?> topic) {
    Delivered d = new Delivered();
    try (KafkaConsumer<byte[], byte[]> c = consumer()) {
      List<TopicPartition> partitions = partitions(c, topic);
      c.assign(partitions);
      c.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = c.endOffsets(partitions);
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (partitions.stream().anyMatch(p -> c.position(p) < end.get(p))) {
        assertThat(System.nanoTime()).as("read %s up to %s", topic.name(), end).isLessThan(deadline);
        for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
          d.add(topic, r);
        }
      }
    }
    return d;
  }

  /** Records by key: the first delivery of each, and every later one that differs from it. */
  private static final class Delivered {
    final Map<String, byte[]> byKey = new HashMap<>();
    final List<String> mismatched = new ArrayList<>();
    long total;

    void add(Topic<?, ?> topic, ConsumerRecord<byte[], byte[]> r) {
      total++;
      if (!topic.name().equals(TOPICS.deadLetters.name())) {
        String key = new StringDeserializer().deserialize(r.topic(), r.key());
        Contact contact = (Contact) topic.valueSerde().deserializer().deserialize(r.topic(), r.value());
        if (!contact.getContactId().equals(key)) {
          mismatched.add(key + " carries contactId " + contact.getContactId());
        }
        byte[] first = byKey.putIfAbsent(key, r.value());
        if (first != null && !Arrays.equals(first, r.value())) {
          mismatched.add(key + " at offset " + r.offset() + " differs from its first delivery");
        }
      }
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> c, Topic<?, ?> topic) {
    return c.partitionsFor(topic.name()).stream()
        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
  }

  private static KafkaConsumer<byte[], byte[]> consumer() {
    return new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static boolean isEmpty(Path dir) throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findAny().isEmpty();
    }
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
    c.put("spool.batch.size", "20");
    c.put("pseudonym.secret", "killed-worker-secret");
    c.put("language", "nl");
    return c;
  }
}
