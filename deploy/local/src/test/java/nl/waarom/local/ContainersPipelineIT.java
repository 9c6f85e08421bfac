package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.ingest.connect.ConnectorVersion;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.MountableFile;

/**
 * The pipeline against the container images it is deployed with instead of the embedded broker and
 * PostgreSQL: an {@code apache/kafka} broker, a {@code postgres} database, and a Kafka Connect
 * worker ({@code apache/kafka} running {@code connect-standalone.sh}) with the connector plugin zip
 * that the ingest module builds. Gateway, analyzer and sink run in the test JVM, configured only
 * through their environment keys, as {@link LocalStack} runs them.
 *
 * <p>Needs a Docker engine. Without one the whole class is reported as skipped (disabled: "Docker
 * is not available"), never as passed. The plugin zip must be built first: run with {@code -am} or
 * after {@code ./mvnw package -pl ingest}.
 */
@Testcontainers(disabledWithoutDocker = true)
class ContainersPipelineIT {
  /** The same Kafka as the build's clients and compose.yaml. */
  private static final String KAFKA_IMAGE = "apache/kafka:" + AppInfoParser.getVersion();
  private static final String POSTGRES_IMAGE = "postgres:17";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Topics TOPICS = Topics.defaults();
  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE)
      .withNetwork(NETWORK)
      // the Connect worker container reaches the broker as kafka:19092
      .withListener("kafka:19092");

  @Container
  static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer(POSTGRES_IMAGE)
      .withDatabaseName("waarom").withUsername("waarom").withPassword("waarom");

  @TempDir static Path dataDir;
  private static final Deque<AutoCloseable> SERVICES = new ArrayDeque<>();
  private static Gateway gateway;
  /** The test's API key; the gateway is given only its hash. */
  private static final String API_KEY = ApiKey.generate();

  @BeforeAll
  static void startServices() {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", KAFKA.getBootstrapServers());
    env.put("WAAROM_JDBC_URL", POSTGRES.getJdbcUrl());
    env.put("WAAROM_JDBC_USER", POSTGRES.getUsername());
    env.put("WAAROM_JDBC_PASSWORD", POSTGRES.getPassword());
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", LocalStack.LOCAL_DISORDER_TOLERANCE);
    env.put("WAAROM_GATEWAY_PORT", "0");
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_SINK_PORT", "0");
    env.put("WAAROM_GATEWAY_API_KEYS", ApiKey.of("containers-it", API_KEY, null).settingEntry());
    // the analyzer creates the topics, so it starts first
    SERVICES.push(AnalyzerApp.start(env));
    SERVICES.push(SinkApp.start(env));
    gateway = Gateway.start(env);
    SERVICES.push(gateway);
  }

  @AfterAll
  static void stopServices() throws Exception {
    while (!SERVICES.isEmpty()) {
      SERVICES.pop().close();
    }
  }

  @Test
  void contactsPostedToTheGatewayAreCountedInPostgres() throws Exception {
    Instant base = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
    ArrayNode body = JSON.createArrayNode();
    int n = 0;
    for (int minute = 0; minute < 5; minute++) {
      for (int i = 0; i < 3; i++) {
        body.add(StackProcess.contact("chat-" + n++, base.plus(Duration.ofMinutes(minute)).plusSeconds(i),
            "Mijn betaling is mislukt maar het geld is wel afgeschreven."));
      }
    }
    // contacts of now, on every partition, move event time on past the contacts above
    for (int i = 0; i < 12; i++) {
      body.add(StackProcess.contact("chat-now-" + i, Instant.now(), "Waar blijft mijn pakket?"));
    }
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + gateway.port() + "/v1/contacts"))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);

    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(countedInPostgres("payment-problem")).isEqualTo(15));
  }

  @Test
  void aTranscriptInAConnectWorkerContainersSpoolIsClassified(@TempDir Path tmp) throws Exception {
    Path zip = Path.of("..", "..", "ingest", "target",
        "waarom-connect-plugin-" + ConnectorVersion.get() + ".zip");
    assertThat(zip).as("the plugin zip; build with -am or run ./mvnw package -pl ingest first")
        .exists();
    Path plugins = unzip(zip, Files.createDirectories(tmp.resolve("plugins")));
    Path config = Files.createDirectories(tmp.resolve("config"));
    Files.writeString(config.resolve("worker.properties"), """
        bootstrap.servers=kafka:19092
        key.converter=org.apache.kafka.connect.storage.StringConverter
        value.converter=org.apache.kafka.connect.converters.ByteArrayConverter
        offset.storage.file.filename=/tmp/connect.offsets
        offset.flush.interval.ms=1000
        plugin.path=/opt/waarom/plugins
        listeners=http://0.0.0.0:8083
        """);
    Files.writeString(config.resolve("spool.properties"), """
        name=spool
        connector.class=nl.waarom.ingest.connect.spool.WaaromSpoolDirSourceConnector
        tasks.max=1
        spool.input.dir=/tmp/spool/in
        spool.done.dir=/tmp/spool/done
        spool.error.dir=/tmp/spool/error
        spool.settle.ms=0
        spool.poll.interval.ms=500
        pseudonym.secret=containers-secret
        language=nl
        """);
    Path staging = Files.createDirectories(tmp.resolve("staging"));
    Set<String> ids = new HashSet<>();
    for (int i = 1; i <= 3; i++) {
      String id = "container-call-" + i;
      Files.writeString(staging.resolve(id + ".vtt"), """
          WEBVTT

          NOTE
          occurredAt: %s

          00:00.000 --> 00:04.000
          <v Klant>Mijn betaling is mislukt maar het geld is wel afgeschreven.
          """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS)));
      ids.add(id);
    }

    try (GenericContainer<?> connect = new GenericContainer<>(KAFKA_IMAGE)
        .withNetwork(NETWORK)
        .withCopyFileToContainer(MountableFile.forHostPath(plugins), "/opt/waarom/plugins")
        .withCopyFileToContainer(MountableFile.forHostPath(config), "/opt/waarom/config")
        .withCopyFileToContainer(MountableFile.forHostPath(staging), "/opt/waarom/staging")
        // copied as the image's own user, so the connector may move the files to done
        .withCommand("sh", "-c", "mkdir -p /tmp/spool/in && cp /opt/waarom/staging/* /tmp/spool/in/"
            + " && exec /opt/kafka/bin/connect-standalone.sh /opt/waarom/config/worker.properties"
            + " /opt/waarom/config/spool.properties")
        .withExposedPorts(8083)
        .waitingFor(Wait.forHttp("/connectors").forPort(8083).forStatusCode(200)
            .withStartupTimeout(Duration.ofMinutes(2)))) {
      connect.start();
      try (KafkaConsumer<String, ClassifiedContact> consumer =
          KafkaBroker.consumer(KAFKA.getBootstrapServers(), TOPICS.classified)) {
        Set<String> classified = new HashSet<>();
        await().atMost(Duration.ofSeconds(90)).until(() -> {
          consumer.poll(Duration.ofMillis(500))
              .forEach(rec -> classified.add(rec.value().getContactId()));
          return classified.containsAll(ids);
        });
      }
    }
  }

  /** The contacts of a reason counted in the hourly trend windows the sink wrote. */
  private static long countedInPostgres(String reasonId) throws Exception {
    try (Connection db = DriverManager.getConnection(POSTGRES.getJdbcUrl(),
            POSTGRES.getUsername(), POSTGRES.getPassword());
        ResultSet rs = db.createStatement().executeQuery(
            "select coalesce(sum(count), 0) from reason_trends where reason_id = '" + reasonId
                + "' and window_end - window_start = interval '1 hour'")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static Path unzip(Path zip, Path into) throws IOException {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      for (ZipEntry e : List.copyOf(z.stream().toList())) {
        Path target = into.resolve(e.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the target folder: " + e.getName());
        }
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          try (InputStream in = z.getInputStream(e)) {
            Files.copy(in, target);
          }
        }
      }
    }
    return into;
  }
}
