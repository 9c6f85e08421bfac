package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.RegisteredSchema;
import nl.waarom.schemas.ReleasedSchemas;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.testing.KafkaBroker;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateway → analyzer → sink switched to the schema-registry wire format on a running deployment,
 * without a flag day: contacts posted while every service writes single-object encoding, then the
 * services restarted one by one with {@code WAAROM_SCHEMA_REGISTRY_URL} (consumers first: sink,
 * analyzer, gateway), then more contacts. Every contact is classified and counted once; the topics
 * hold both encodings, the new records in the registry format that any Confluent-compatible reader
 * decodes from the bytes and the registry alone; only the catalogue's topics have subjects; and the
 * registry refuses an incompatible change of the Contact schema.
 *
 * <p>The registry is the one {@code WAAROM_TEST_SCHEMA_REGISTRY_URL} names (a real registry with
 * the Confluent-compatible API), else the stand-in from test-support with basic authentication.
 */
class SchemaRegistryIT {
  private static final String API_KEY = ApiKey.generate();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final String REGISTRY_USER = "waarom";
  private static final String REGISTRY_PASSWORD = "registry-pa55word";
  private static final String TEXT = "Mijn betaling is mislukt maar het geld is wel afgeschreven.";

  @TempDir Path dataDir;
  private final List<AutoCloseable> running = new ArrayList<>();
  private KafkaBroker broker;
  private SchemaRegistryStandIn standIn; // null when a real registry is used
  private String registryUrl;
  private String prefix;

  @BeforeEach
  void start() {
    broker = KafkaBroker.start();
    String real = System.getenv(SchemaRegistryStandIn.REAL_REGISTRY_ENV);
    if (real == null || real.isBlank()) {
      standIn = SchemaRegistryStandIn.start(REGISTRY_USER, REGISTRY_PASSWORD);
      registryUrl = standIn.url();
    } else {
      registryUrl = real.strip();
    }
    // a real registry keeps its subjects between runs: each run has topics of its own
    prefix = "reg" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36)
        .toLowerCase(Locale.ROOT) + ".";
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    if (standIn != null) {
      standIn.close();
    }
    broker.close();
  }

  @Test
  void aRunningPipelineSwitchesToTheRegistryWithoutAFlagDay() throws Exception {
    long t0 = System.nanoTime();
    Map<String, String> plain = servicesEnv(false);
    SinkApp sink = started(SinkApp.start(plain));
    AnalyzerApp analyzer = started(AnalyzerApp.start(plain));
    Gateway gateway = started(Gateway.start(plain));
    awaitReady(gateway.port(), analyzer.port(), sink.port());
    Instant now = Instant.now();
    for (int i = 0; i < 3; i++) {
      assertThat(post(gateway.port(), StackProcess.contact("before-" + i, now.minusSeconds(60 - i), TEXT)))
          .isEqualTo(202);
    }
    String firstJdbcUrl = sink.jdbcUrl();
    await().atMost(Duration.ofSeconds(90)).alias("the first contacts are counted")
        .until(() -> trendTotal(firstJdbcUrl) >= 3);

    System.out.printf("registry-free: 3 contacts counted after %d s%n", seconds(t0));
    // the switch, consumers before producers, one service at a time
    Map<String, String> registry = servicesEnv(true);
    sink = restarted(sink, () -> SinkApp.start(registry));
    analyzer = restarted(analyzer, () -> AnalyzerApp.start(registry));
    gateway = restarted(gateway, () -> Gateway.start(registry));
    awaitReady(gateway.port(), analyzer.port(), sink.port());
    for (int i = 0; i < 3; i++) {
      assertThat(post(gateway.port(), StackProcess.contact("after-" + i, now.minusSeconds(30 - i), TEXT)))
          .isEqualTo(202);
    }
    String jdbcUrl = sink.jdbcUrl();
    await().atMost(Duration.ofSeconds(90)).alias("every contact is counted")
        .until(() -> trendTotal(jdbcUrl) >= 6);
    assertThat(trendTotal(jdbcUrl)).as("each contact counted once").isEqualTo(6);
    System.out.printf("switched to the registry: 6 contacts counted after %d s%n", seconds(t0));

    Topics topics = Topics.withPrefix(prefix);
    Map<String, byte[]> contacts = rawValues(topics.contactsChat, 6);
    assertThat(contacts.keySet()).containsExactlyInAnyOrder("before-0", "before-1", "before-2",
        "after-0", "after-1", "after-2");
    contacts.forEach((id, bytes) -> assertThat(bytes[0]).as(id)
        .isEqualTo(id.startsWith("before") ? (byte) 0xC3 : (byte) 0));
    Map<String, byte[]> classified = rawValues(topics.classified, 6);
    for (int i = 0; i < 3; i++) {
      GenericRecord r = readAsAnyRegistryClient(classified.get("after-" + i));
      assertThat(r.get("contactId")).hasToString("after-" + i);
      assertThat(((List<?>) r.get("reasons"))).isNotEmpty();
    }

    if (standIn != null) {
      assertThat(standIn.subjects()).allSatisfy(subject -> assertThat(subject)
          .startsWith(prefix).endsWith("-value").doesNotContain("changelog", "repartition"));
      assertThat(standIn.subjects()).contains(prefix + "contacts.chat-value",
          prefix + "contacts.classified-value", prefix + "reason-trends-value",
          prefix + "explained-share-value");
    }
    assertThatThrownBy(() -> client().register(prefix + "contacts.chat-value",
        withNewRequiredField(contactSchema())))
        .as("the registry refuses an incompatible change of Contact")
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("409");
  }

  private static long seconds(long since) {
    return Duration.ofNanos(System.nanoTime() - since).toSeconds();
  }

  private Map<String, String> servicesEnv(boolean registry) {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", prefix);
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
    env.put("WAAROM_ANALYZER_APPLICATION_ID", prefix + "analyzer");
    env.put("WAAROM_SINK_GROUP_ID", prefix + "sink");
    env.put("WAAROM_GATEWAY_PORT", "0");
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_SINK_PORT", "0");
    env.put("WAAROM_PG_PORT", "0");
    env.put("WAAROM_GATEWAY_API_KEYS",
        ApiKey.of("registry-it", API_KEY, RateLimit.UNLIMITED).settingEntry());
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "2s");
    env.put("WAAROM_ANALYZER_IDLE_TIMEOUT", "2s");
    env.put("WAAROM_KAFKA_SESSION_TIMEOUT", "10s");
    if (registry) {
      env.put("WAAROM_SCHEMA_REGISTRY_URL", registryUrl);
      if (standIn != null) {
        env.put("WAAROM_SCHEMA_REGISTRY_USER", REGISTRY_USER);
        env.put("WAAROM_SCHEMA_REGISTRY_PASSWORD", REGISTRY_PASSWORD);
      }
    }
    return env;
  }

  private SchemaRegistryClient client() {
    return new SchemaRegistryClient(new SchemaRegistryClient.Options(URI.create(registryUrl),
        standIn == null ? "" : REGISTRY_USER, standIn == null ? "" : REGISTRY_PASSWORD, true,
        Duration.ofSeconds(10)));
  }

  /** What a consumer that knows only the wire format does: magic byte, schema id, plain Avro. */
  private GenericRecord readAsAnyRegistryClient(byte[] bytes) throws IOException {
    assertThat(bytes[0]).isZero();
    Schema writer = client().schema(ByteBuffer.wrap(bytes, 1, 4).getInt());
    return new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
  }

  private static Schema contactSchema() {
    List<Schema> released = ReleasedSchemas.versionsOf(Contact.class.getName());
    return RegisteredSchema.of(released.get(released.size() - 1));
  }

  private static Schema withNewRequiredField(Schema schema) {
    return new Schema.Parser().parse(schema.toString().replaceFirst("\"fields\":\\[",
        "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},"));
  }

  /** The latest value of each key on {@code topic}, as bytes, once {@code keys} keys were seen. */
  private Map<String, byte[]> rawValues(Topic<String, ?> topic, int keys) {
    Map<String, byte[]> seen = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, prefix + "reader-" + topic.name(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
        new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic.name()));
      await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
          .alias(keys + " keys on " + topic).until(() -> {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
              seen.put(r.key(), r.value());
            }
            return seen.size() >= keys;
          });
    }
    return seen;
  }

  private <T extends AutoCloseable> T started(T service) {
    running.add(service);
    return service;
  }

  private <T extends AutoCloseable> T restarted(T old, java.util.function.Supplier<T> start)
      throws Exception {
    old.close();
    running.remove(old);
    return started(start.get());
  }

  private static void awaitReady(int... ports) {
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .alias("every service is ready").until(() -> {
          for (int port : ports) {
            if (StackProcess.status(port, "/ready") != 200) {
              return false;
            }
          }
          return true;
        });
  }

  private static long trendTotal(String jdbcUrl) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT coalesce(sum(count), 0) FROM reason_trends WHERE window_minutes = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int post(int port, ObjectNode contact) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v1/contacts"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(contact.toString())).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
