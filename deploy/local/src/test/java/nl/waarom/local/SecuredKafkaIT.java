package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.ingest.gateway.Gateway;
import nl.waarom.local.kafka.EmbeddedKafka;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Gateway, analyzer and sink reach a broker that takes clients only over TLS with SCRAM
 * authentication (a SASL_SSL listener; the certificate authority and the broker's certificate are
 * made by the test), configured the documented way: a client properties file
 * ({@code WAAROM_KAFKA_CLIENT_PROPERTIES}) for TLS, {@code WAAROM_KAFKA_SASL_*} variables for
 * SASL. Contacts posted over HTTP are classified and counted in the sink's PostgreSQL, and no log
 * line holds the password. With a wrong password every service says "Kafka authentication
 * failed" within seconds: the gateway and the sink answer 503 on {@code /ready}, the analyzer
 * refuses to start; nothing hangs.
 *
 * <p>The broker keeps a plaintext listener for its own broker-controller traffic; the test uses
 * it to create the SCRAM user and to read the results. The services are only given the secured
 * one.
 */
class SecuredKafkaIT {
  private static final String API_KEY = ApiKey.generate();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();
  private static final String USER = "waarom-services";
  private static final String PASSWORD = "s3cret-scram-pa55word";
  private static final String STORE_PASSWORD = "store-pa55word";
  private static final List<String> TEXTS = List.of(
      "Mijn betaling is mislukt maar het geld is wel afgeschreven.",
      "Where is my parcel? It was supposed to arrive yesterday.",
      "De betaallink in jullie mail van vanochtend werkt niet.");
  private static final int CONTACTS = 6;

  @TempDir Path dataDir;
  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final LogCapture log = new LogCapture();
  private EmbeddedKafka broker;
  private String securedBootstrap;
  private TestCertificates certificates;

  @BeforeEach
  void startSecuredBroker() throws Exception {
    log.start();
    certificates = TestCertificates.generate(Files.createDirectories(dataDir.resolve("tls")),
        STORE_PASSWORD);
    int plaintext = StackProcess.freePort();
    int secured = StackProcess.freePort();
    int controller = StackProcess.freePort();
    securedBootstrap = "localhost:" + secured;
    broker = EmbeddedKafka.start(dataDir.resolve("kafka"), plaintext, controller, Map.ofEntries(
        Map.entry("listeners", "PLAINTEXT://localhost:" + plaintext + ",SASL_SSL://localhost:"
            + secured + ",CONTROLLER://localhost:" + controller),
        Map.entry("advertised.listeners", "PLAINTEXT://localhost:" + plaintext
            + ",SASL_SSL://localhost:" + secured),
        Map.entry("listener.security.protocol.map",
            "PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT"),
        Map.entry("sasl.enabled.mechanisms", "SCRAM-SHA-512"),
        Map.entry("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
            "org.apache.kafka.common.security.scram.ScramLoginModule required;"),
        Map.entry("listener.name.sasl_ssl.ssl.keystore.type", "PKCS12"),
        Map.entry("listener.name.sasl_ssl.ssl.keystore.location",
            certificates.brokerKeyStore().toString()),
        Map.entry("listener.name.sasl_ssl.ssl.keystore.password", STORE_PASSWORD),
        Map.entry("listener.name.sasl_ssl.ssl.key.password", STORE_PASSWORD)));
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers()))) {
      admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
          new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 8192), PASSWORD)))
          .all().get(30, TimeUnit.SECONDS);
      await().atMost(Duration.ofSeconds(30)).alias("the broker knows the SCRAM user")
          .until(() -> admin.describeUserScramCredentials(List.of(USER)).all()
              .get(5, TimeUnit.SECONDS).containsKey(USER));
    }
  }

  @AfterEach
  void stopAll() throws Exception {
    while (!running.isEmpty()) {
      running.pop().close();
    }
    if (broker != null) {
      broker.close();
    }
    log.stop();
  }

  @Test
  void contactsFlowThroughASaslSslListenerAndThePasswordIsNeverLogged() throws Exception {
    Map<String, String> env = servicesEnv(PASSWORD);
    AnalyzerApp analyzer = started(AnalyzerApp.start(env));
    SinkApp sink = started(SinkApp.start(env));
    Gateway gateway = started(Gateway.start(env));
    URI gatewayUri = URI.create("http://localhost:" + gateway.port());
    URI analyzerUri = URI.create("http://localhost:" + analyzer.port());
    URI sinkUri = URI.create("http://localhost:" + sink.port());
    await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
        .alias("every service is ready over SASL_SSL")
        .until(() -> ready(gatewayUri) == 200 && ready(analyzerUri) == 200
            && ready(sinkUri) == 200);

    Instant now = Instant.now();
    for (int i = 0; i < CONTACTS; i++) {
      assertThat(post(gatewayUri, StackProcess.contact("secured-" + i, now.minusSeconds(i),
          TEXTS.get(i % TEXTS.size())))).as("contact %d accepted", i).isEqualTo(202);
    }

    Map<String, ClassifiedContact> classified = classified(CONTACTS);
    assertThat(classified.keySet()).containsExactlyInAnyOrder(
        "secured-0", "secured-1", "secured-2", "secured-3", "secured-4", "secured-5");
    String jdbcUrl = sink.jdbcUrl();
    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
        .alias("the sink counts every contact in its trends")
        .until(() -> trendTotal(jdbcUrl) >= CONTACTS);
    assertThat(trendTotal(jdbcUrl)).isEqualTo(CONTACTS);

    assertThat(log.lines()).as("the start-up logs show the passed-through properties, masked")
        .anySatisfy(l -> assertThat(l).contains("security.protocol=SASL_SSL")
            .contains("sasl.jaas.config=****").contains("ssl.truststore.password=****"));
    assertThat(log.lines()).as("log lines holding the SCRAM or the store password")
        .noneMatch(l -> l.contains(PASSWORD) || l.contains(STORE_PASSWORD));
  }

  @Test
  void aWrongPasswordFailsFastWithAClearMessage() throws Exception {
    Map<String, String> env = servicesEnv("not-the-password");

    long t0 = System.nanoTime();
    Gateway gateway = started(Gateway.start(env));
    URI gatewayUri = URI.create("http://localhost:" + gateway.port());
    await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
        .alias("the gateway logs the refused authentication")
        .until(() -> log.contains("ClusterProbe", "Kafka authentication failed"));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .alias("the gateway's /ready stays 503").until(() -> ready(gatewayUri) == 503);
    long posted = System.nanoTime();
    assertThat(post(gatewayUri, StackProcess.contact("refused-1", Instant.now(), TEXTS.get(0))))
        .as("a contact is refused").isEqualTo(503);
    assertThat(Duration.ofNanos(System.nanoTime() - posted)).as("answered within its timeout")
        .isLessThan(Duration.ofSeconds(10));

    CompletableFuture<AnalyzerApp> analyzer = CompletableFuture.supplyAsync(
        () -> AnalyzerApp.start(env));
    assertThatThrownBy(() -> analyzer.get(60, TimeUnit.SECONDS))
        .as("the analyzer refuses to start, quickly")
        .hasRootCauseInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class)
        .hasMessageContaining("Kafka authentication failed");

    SinkApp sink = started(SinkApp.start(env));
    URI sinkUri = URI.create("http://localhost:" + sink.port());
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .alias("the sink logs the refused authentication")
        .until(() -> log.contains("SinkConsumer", "Kafka authentication failed"));
    await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
        .alias("the sink's /ready stays 503").until(() -> ready(sinkUri) == 503);
    System.out.printf("wrong password: every service told within %d s%n",
        Duration.ofNanos(System.nanoTime() - t0).toSeconds());
  }

  private <T extends AutoCloseable> T started(T service) {
    running.push(service);
    return service;
  }

  /**
   * What {@link LocalStack} gives its services, pointed at the secured listener: TLS from a
   * client properties file, SASL from the environment.
   */
  private Map<String, String> servicesEnv(String password) throws IOException {
    Path clientProperties = dataDir.resolve("client.properties");
    Files.writeString(clientProperties, String.join("\n",
        "security.protocol=SASL_SSL",
        "ssl.truststore.type=PKCS12",
        "ssl.truststore.location=" + certificates.trustStore(),
        "ssl.truststore.password=" + STORE_PASSWORD, ""), StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", securedBootstrap);
    env.put("WAAROM_KAFKA_CLIENT_PROPERTIES", clientProperties.toString());
    env.put("WAAROM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    env.put("WAAROM_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram."
        + "ScramLoginModule required username=\"" + USER + "\" password=\"" + password + "\";");
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_ANALYZER_STATE_DIR", dataDir.resolve("analyzer-state").toString());
    env.put("WAAROM_GATEWAY_PORT", "0");
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_SINK_PORT", "0");
    env.put("WAAROM_PG_PORT", "0");
    env.put("WAAROM_GATEWAY_PRODUCE_TIMEOUT", "5s");
    env.put("WAAROM_GATEWAY_API_KEYS",
        ApiKey.of("secured-client", API_KEY, RateLimit.UNLIMITED).settingEntry());
    env.put("WAAROM_ANALYZER_DISORDER_TOLERANCE", "2s");
    env.put("WAAROM_ANALYZER_IDLE_TIMEOUT", "2s");
    env.put("WAAROM_KAFKA_SESSION_TIMEOUT", "10s");
    return env;
  }

  /** Reads contacts.classified (over the plaintext listener) until {@code expected} were seen. */
  private Map<String, ClassifiedContact> classified(int expected) {
    Map<String, ClassifiedContact> seen = new HashMap<>();
    try (KafkaConsumer<String, ClassifiedContact> consumer =
        KafkaBroker.consumer(broker.bootstrapServers(), Topics.defaults().classified)) {
      await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO)
          .alias("every contact classified").until(() -> {
            for (ConsumerRecord<String, ClassifiedContact> r :
                consumer.poll(Duration.ofMillis(300))) {
              seen.put(r.key(), r.value());
            }
            return seen.size() >= expected;
          });
    }
    return seen;
  }

  private static long trendTotal(String jdbcUrl) throws SQLException {
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT coalesce(sum(count), 0) FROM reason_trends WHERE window_minutes = 1")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static int post(URI gateway, ObjectNode contact)
      throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(gateway.resolve("/v1/contacts"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + API_KEY)
        .POST(HttpRequest.BodyPublishers.ofString(contact.toString())).build(),
        HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** Status of {@code service}'s /ready; 0 when it does not answer. */
  private static int ready(URI service) {
    return StackProcess.status(service.getPort(), "/ready");
  }

  /**
   * Every log event of this JVM while started, as "logger message throwable…" lines, from the
   * logging backend the services really use.
   */
  private static final class LogCapture extends AppenderBase<ILoggingEvent> {
    private final Queue<String> lines = new ConcurrentLinkedQueue<>();

    @Override
    public void start() {
      setContext((ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory());
      root().addAppender(this);
      super.start();
    }

    @Override
    public void stop() {
      root().detachAppender(this);
      super.stop();
    }

    private static Logger root() {
      return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @Override
    protected void append(ILoggingEvent event) {
      StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
          .append(event.getFormattedMessage());
      for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
        line.append(" | ").append(t.getClassName()).append(": ").append(t.getMessage());
      }
      lines.add(line.toString());
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    boolean contains(String logger, String text) {
      return lines.stream().anyMatch(l -> l.contains(logger) && l.contains(text));
    }
  }
}
