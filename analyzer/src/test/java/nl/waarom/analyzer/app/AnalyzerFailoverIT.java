package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two analyzer instances, each its own JVM, on 6 partitions per contact topic: both get tasks;
 * one is killed hard (SIGKILL: no close, its transaction left open) in the middle of a stream; the
 * other takes its tasks over; the killed one is started again on its state folder and rejoins;
 * and, in the end, every contact is classified exactly once (a
 * read_committed reader sees each contactId once) and counted exactly once in the explained-share
 * windows of every size, and the trends count every contact once.
 */
class AnalyzerFailoverIT {
  private static final String APP = "analyzer-failover-it";
  private static final int PARTITIONS = 6;
  private static final int CONTACTS = 1_200;
  private static final int PER_SECOND = 60;
  private static final List<String> TEXTS = List.of("de betaallink werkt niet",
      "waar is mijn pakket, het is nog niet bezorgd", "ik ga verhuizen naar een nieuw adres",
      "I want to cancel my subscription", "hoe laat is het nu eigenlijk",
      "my parcel has not arrived yet");

  @TempDir Path dir;
  private final List<Process> processes = new ArrayList<>();

  @AfterEach
  void killAll() {
    processes.forEach(Process::destroyForcibly);
  }

  @Test
  void anInstanceKilledHardMidStreamLosesAndDuplicatesNothing() throws Exception {
    Topics topics = Topics.withPrefix("failover.");
    try (KafkaBroker broker = KafkaBroker.start();
        Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers()))) {
      int portA = freePort();
      int portB = freePort();
      Process a = analyzer(broker, "a", portA);
      await().atMost(Duration.ofSeconds(120)).until(() -> ready(portA));
      Process b = analyzer(broker, "b", portB);
      await().atMost(Duration.ofSeconds(120)).until(() -> ready(portB)
          && membersWithContactPartitions(admin, topics) == 2);

      // A live stream: contacts occurring now, sent at a steady rate.
      Properties p = new Properties();
      p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
      p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
      Set<String> sent = new HashSet<>();
      Process restarted = null;
      try (KafkaProducer<String, Contact> producer = new KafkaProducer<>(p,
          topics.contactsChat.keySerde().serializer(),
          topics.contactsChat.valueSerde().serializer())) {
        long start = System.nanoTime();
        for (int i = 0; i < CONTACTS; i++) {
          long due = start + i * 1_000_000_000L / PER_SECOND;
          long wait = due - System.nanoTime();
          if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
          }
          if (i == CONTACTS / 3) {
            a.destroyForcibly(); // SIGKILL: no clean close, an open transaction left behind
            a.waitFor();
          }
          if (i == 2 * CONTACTS / 3) {
            restarted = analyzer(broker, "a", portA); // the same state folder, as a restart
          }
          Channel channel = Channel.values()[i % 3];
          Contact c = customerSays("c-" + i, channel, Instant.now(), TEXTS.get(i % TEXTS.size()));
          producer.send(new ProducerRecord<>(topics.contactsFor(channel).name(), c.getContactId(),
              c));
          sent.add(c.getContactId());
        }
        producer.flush();
      }

      // Every contact classified once, by what is left of the group.
      List<String> classified = new ArrayList<>();
      Map<String, ExplainedShare> shares = new HashMap<>();
      try (KafkaConsumer<String, ClassifiedContact> out = broker.consumer(topics.classified);
          KafkaConsumer<String, ExplainedShare> explained =
              broker.consumer(topics.explainedShare)) {
        await().atMost(Duration.ofSeconds(180)).until(() -> {
          out.poll(Duration.ofMillis(300)).forEach(r -> firstRecords(r, classified));
          for (ConsumerRecord<String, ExplainedShare> r : explained.poll(Duration.ofMillis(300))) {
            shares.put(r.key(), r.value());
          }
          return classified.size() >= CONTACTS && total(shares, 60) >= CONTACTS
              && total(shares, 1) >= CONTACTS && total(shares, 15) >= CONTACTS;
        });
        // and nothing more arrives after a while
        Thread.sleep(5_000);
        out.poll(Duration.ofMillis(500)).forEach(r -> firstRecords(r, classified));
        explained.poll(Duration.ofMillis(500)).forEach(r -> shares.put(r.key(), r.value()));
      }
      assertThat(a.isAlive()).isFalse();
      assertThat(b.isAlive()).as("the surviving instance").isTrue();
      assertThat(restarted.isAlive()).as("the restarted instance").isTrue();
      await().atMost(Duration.ofSeconds(60)).alias("both share the work again")
          .until(() -> membersWithContactPartitions(admin, topics) == 2);
      assertThat(classified).hasSize(CONTACTS).doesNotHaveDuplicates();
      assertThat(new HashSet<>(classified)).isEqualTo(sent);
      assertThat(total(shares, 1)).isEqualTo(CONTACTS);
      assertThat(total(shares, 15)).isEqualTo(CONTACTS);
      assertThat(total(shares, 60)).isEqualTo(CONTACTS);
    }
  }

  private static long total(Map<String, ExplainedShare> shares, int minutes) {
    return shares.values().stream().filter(s -> s.getWindowMinutes() == minutes)
        .mapToLong(ExplainedShare::getTotal).sum();
  }

  /** How many members of the analyzer's group own at least one contact topic partition. */
  private static long membersWithContactPartitions(Admin admin, Topics topics)
      throws InterruptedException {
    try {
      ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(APP))
          .describedGroups().get(APP).get();
      return group.members().stream().map(MemberDescription::assignment)
          .filter(as -> as.topicPartitions().stream()
              .anyMatch(tp -> tp.topic().equals(topics.contactsChat.name())))
          .count();
    } catch (ExecutionException e) {
      return 0;
    }
  }

  private Process analyzer(KafkaBroker broker, String name, int port) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), AnalyzerMain.class.getName());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("WAAROM_"));
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", "failover.");
    env.put("WAAROM_TOPIC_PARTITIONS", String.valueOf(PARTITIONS));
    env.put("WAAROM_ANALYZER_APPLICATION_ID", APP);
    env.put("WAAROM_ANALYZER_STATE_DIR", dir.resolve("state-" + name).toString());
    env.put("WAAROM_ANALYZER_PORT", String.valueOf(port));
    // short, so the test does not wait two minutes for the ordering to release the last minute
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
    env.put("WAAROM_ANALYZER_IDLE_TIMEOUT", "3s");
    // the group notices the killed instance after 6 s instead of 45 s
    env.put("WAAROM_KAFKA_SESSION_TIMEOUT", "6s");
    pb.redirectErrorStream(true);
    pb.redirectOutput(dir.resolve("analyzer-" + name + ".log").toFile());
    Process process = pb.start();
    processes.add(process);
    return process;
  }

  private static boolean ready(int port) {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/ready"))
              .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * Notes the contact of a record published straight after classification; a repeat's second
   * record (repeatOf set, after the ordering) is not a second classification.
   */
  private static void firstRecords(ConsumerRecord<String, ClassifiedContact> r,
      List<String> classified) {
    if (r.value().getRepeatOf() == null) {
      classified.add(r.key());
    }
  }
}
