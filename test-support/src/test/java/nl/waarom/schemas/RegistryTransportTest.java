package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.testing.SchemaRegistryStandIn;
import nl.waarom.testing.TestCertificates;
import nl.waarom.testing.TestCertificates.Issued;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the client reaches a registry: HTTPS with a PEM trust file, a bearer token file, timeouts. */
class RegistryTransportTest {
  private static final Schema SCHEMA = Contact.getClassSchema();
  private static final Issued CA = TestCertificates.authority("CN=Registry Test CA");

  @TempDir
  Path dir;

  private SchemaRegistryStandIn https(String authorization) {
    Issued server = TestCertificates.leaf("CN=localhost", CA, "localhost");
    return SchemaRegistryStandIn.requiring(authorization,
        TestCertificates.context(TestCertificates.trusting(CA),
            TestCertificates.keyManagers(server)));
  }

  private static SchemaRegistryClient.Options options(String url, Path ca, Path token) {
    return new SchemaRegistryClient.Options(URI.create(url), "", "", true,
        Duration.ofSeconds(5), ca, token);
  }

  @Test
  void anHttpsRegistryIsTrustedThroughThePemFileAndOnlyThroughIt() throws Exception {
    try (SchemaRegistryStandIn registry = https(null)) {
      Path ca = TestCertificates.pem(dir.resolve("ca.pem"), CA.certificate());
      int id = new SchemaRegistryClient(options(registry.url(), ca, null))
          .register("waarom.contacts.chat-value", SCHEMA);
      assertThat(registry.versions("waarom.contacts.chat-value")).containsExactly(id);

      assertThatThrownBy(() -> new SchemaRegistryClient(options(registry.url(), null, null))
          .register("waarom.contacts.chat-value", SCHEMA))
          .as("the JVM's trust store does not know the test CA")
          .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("unreachable");
      Issued other = TestCertificates.authority("CN=Another CA");
      Path wrong = TestCertificates.pem(dir.resolve("other.pem"), other.certificate());
      assertThatThrownBy(() -> new SchemaRegistryClient(options(registry.url(), wrong, null))
          .register("waarom.contacts.chat-value", SCHEMA))
          .isInstanceOf(SchemaRegistryException.class);
    }
  }

  @Test
  void aPemFileWithoutCertificatesIsRefusedAtOnce() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "not a certificate\n");
    assertThatThrownBy(() -> new SchemaRegistryClient(options("https://localhost:1", empty, null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("empty.pem");
    assertThatThrownBy(() -> new SchemaRegistryClient(
        options("https://localhost:1", dir.resolve("missing.pem"), null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.pem");
  }

  @Test
  void theBearerTokenFileIsReadForEveryRequestSoARenewedTokenIsUsed() throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "first-token\n");
    try (SchemaRegistryStandIn registry = SchemaRegistryStandIn.requiring("Bearer first-token",
        null)) {
      SchemaRegistryClient client = new SchemaRegistryClient(
          options(registry.url(), null, token));
      client.register("a-value", SCHEMA);

      registry.requireAuthorization("Bearer second-token");
      Files.writeString(token, "second-token");
      assertThat(client.register("b-value", SCHEMA)).isPositive();
      assertThat(registry.subjects()).containsExactly("a-value", "b-value");

      Files.writeString(token, "  \n");
      assertThatThrownBy(() -> client.register("c-value", SCHEMA))
          .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("is empty");
      Files.delete(token);
      assertThatThrownBy(() -> client.register("c-value", SCHEMA))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("cannot read the schema registry's bearer token file");
    }
    assertThatThrownBy(() -> new SchemaRegistryClient.Options(URI.create("http://r:8081"),
        "ops", "pw", true, Duration.ofSeconds(1), null, token))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not both");
  }

  @Test
  void aRegistryThatAcceptsButNeverAnswersFailsWithinTheTimeoutAsUnreachable() throws Exception {
    List<Socket> accepted = new ArrayList<>();
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread acceptor = Thread.ofVirtual().start(() -> {
        try {
          while (true) {
            accepted.add(silent.accept());
          }
        } catch (Exception e) {
          // closed
        }
      });
      SchemaRegistryClient client = new SchemaRegistryClient(new SchemaRegistryClient.Options(
          URI.create("http://127.0.0.1:" + silent.getLocalPort()), "", "", true,
          Duration.ofSeconds(1)));
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.register("a-value", SCHEMA))
          .isInstanceOf(SchemaRegistryException.class).hasMessageContaining("unreachable");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      acceptor.interrupt();
    } finally {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
