package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.SourceHeader;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import nl.waarom.testing.TestCertificates;
import nl.waarom.testing.TestCertificates.Issued;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway over HTTPS from PEM files, with mutual TLS beside API keys, against a real broker:
 * certificates are made in the test (a server CA, a client CA, and a stranger's CA), written as
 * PEM, and real TLS clients connect. Its health and metrics are on a management port of their
 * own, off the public listener.
 */
class GatewayTlsIT {
  private static final Topics TOPICS = Topics.withPrefix("gw-tls.");
  private static final String KEY = ApiKey.generate();
  @TempDir static Path dir;
  private static KafkaBroker broker;
  private static Gateway gateway;
  private static Issued serverCa;
  private static Issued clientCa;
  private static Issued client;
  private static Issued stranger;

  @BeforeAll
  static void start() throws Exception {
    serverCa = TestCertificates.authority("CN=Waarom test server CA");
    Issued server = TestCertificates.leaf("CN=localhost", serverCa, "localhost");
    clientCa = TestCertificates.authority("CN=Waarom test client CA");
    client = TestCertificates.leaf("CN=crm-system,O=Example", clientCa, null);
    Issued strangerCa = TestCertificates.authority("CN=Someone else's CA");
    stranger = TestCertificates.leaf("CN=crm-system", strangerCa, null);
    Path cert = TestCertificates.pem(dir.resolve("server.crt"), server.certificate(),
        serverCa.certificate());
    Path key = TestCertificates.keyPem(dir.resolve("server.key"), server);
    Path cas = TestCertificates.pem(dir.resolve("client-ca.crt"), clientCa.certificate());

    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    gateway = Gateway.start(Map.of(
        "WAAROM_GATEWAY_API_KEYS", ApiKey.of("key-client", KEY, RateLimit.UNLIMITED).settingEntry(),
        "WAAROM_GATEWAY_TLS_CERT", cert.toString(),
        "WAAROM_GATEWAY_TLS_KEY", key.toString(),
        "WAAROM_GATEWAY_TLS_CLIENT_CA", cas.toString(),
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix(),
        "WAAROM_PSEUDONYM_SECRET", "gateway-tls-it",
        "WAAROM_GATEWAY_PORT", "0",
        "WAAROM_GATEWAY_MANAGEMENT_PORT", "0"));
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aClientCertificateFromTheClientCaIsACredentialAndNamesTheSource() throws Exception {
    HttpResponse<String> r = post(https(client), "tls-cert-1", null);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(sourceOf("tls-cert-1")).contains("crm-system");
  }

  @Test
  void anApiKeyStillWorksOverHttpsWithoutACertificate() throws Exception {
    HttpResponse<String> r = post(https(null), "tls-key-1", KEY);

    assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
    assertThat(sourceOf("tls-key-1")).contains("key-client");
  }

  @Test
  void neitherCertificateNorKeyIs401NamingBoth() throws Exception {
    HttpResponse<String> r = post(https(null), "tls-none-1", null);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).contains("API key", "or a client certificate from an accepted CA");
  }

  @Test
  void aCertificateFromAnotherCaIsRefusedInTheHandshake() {
    // the client insists on presenting it, although the server named the CAs it accepts
    assertThatThrownBy(() -> post(https(stranger, true), "tls-stranger-1", null))
        .isInstanceOf(IOException.class);
  }

  @Test
  void aClientThatHasNoCertificateFromTheAcceptedCasSendsNoneAndIsUnauthenticated()
      throws Exception {
    HttpResponse<String> r = post(https(stranger), "tls-stranger-2", null);

    assertThat(r.statusCode()).isEqualTo(401);
  }

  @Test
  void healthAndMetricsAreOnTheManagementPortOnly() throws Exception {
    HttpClient plain = HttpClient.newHttpClient();
    URI management = URI.create("http://localhost:" + gateway.managementPort());
    assertThat(gateway.managementPort()).isNotEqualTo(gateway.port());
    assertThat(plain.send(HttpRequest.newBuilder(management.resolve("/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).contains("waarom_gateway_");
    assertThat(plain.send(HttpRequest.newBuilder(management.resolve("/healthy")).build(),
        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    HttpResponse<String> onPublic = https(null).send(HttpRequest.newBuilder(
            URI.create("https://localhost:" + gateway.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(onPublic.statusCode()).isEqualTo(404);
  }

  @Test
  void thePortSpeaksNoPlainHttp() {
    HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    int status;
    try {
      status = plain.send(HttpRequest.newBuilder(
              URI.create("http://localhost:" + gateway.port() + "/v1/contacts"))
          .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + KEY)
          .POST(HttpRequest.BodyPublishers.ofString(GatewayIT.contact("plain-1", "CHAT", "hoi")
              .toString())).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    } catch (IOException | InterruptedException e) {
      status = -1; // the TLS listener closed the connection
    }
    assertThat(status).isNotEqualTo(202);
  }

  private static HttpResponse<String> post(HttpClient http, String id, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
            URI.create("https://localhost:" + gateway.port() + "/v1/contacts"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            GatewayIT.contact(id, "CHAT", "Mijn betaling is mislukt").toString()));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The waarom.source header of contact {@code id} on the chat topic. */
  private static Optional<String> sourceOf(String id) {
    List<Optional<String>> found = new ArrayList<>();
    try (KafkaConsumer<String, Contact> consumer =
        KafkaBroker.consumer(broker.bootstrapServers(), TOPICS.contactsChat)) {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
        for (ConsumerRecord<String, Contact> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.key().equals(id)) {
            found.add(SourceHeader.read(r.headers()));
          }
        }
        return !found.isEmpty();
      });
    }
    return found.getFirst();
  }

  private static HttpClient https(Issued certificate) throws Exception {
    return https(certificate, false);
  }

  /**
   * A client that trusts the server CA and, when given one, presents {@code certificate}: only to
   * a server that accepts its issuer, or, when {@code insist}, to any server that asks.
   */
  private static HttpClient https(Issued certificate, boolean insist) throws Exception {
    if (!insist || certificate == null) {
      return HttpClient.newBuilder().sslContext(TestCertificates.client(serverCa, certificate))
          .connectTimeout(Duration.ofSeconds(5)).build();
    }
    X509ExtendedKeyManager inner =
        (X509ExtendedKeyManager) TestCertificates.keyManagers(certificate)[0];
    KeyManager[] keyManagers = new KeyManager[] {new X509ExtendedKeyManager() {
      @Override
      public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return "client";
      }

      @Override
      public String chooseEngineClientAlias(String[] keyType, Principal[] issuers,
          SSLEngine engine) {
        return "client";
      }

      @Override
      public String[] getClientAliases(String keyType, Principal[] issuers) {
        return new String[] {"client"};
      }

      @Override
      public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
      }

      @Override
      public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
      }

      @Override
      public X509Certificate[] getCertificateChain(String alias) {
        return inner.getCertificateChain(alias);
      }

      @Override
      public PrivateKey getPrivateKey(String alias) {
        return inner.getPrivateKey(alias);
      }
    }};
    return HttpClient.newBuilder()
        .sslContext(TestCertificates.context(TestCertificates.trusting(serverCa), keyManagers))
        .connectTimeout(Duration.ofSeconds(5)).build();
  }
}
