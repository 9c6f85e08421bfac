package nl.waarom.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away certificate authority and a broker certificate for {@code localhost} it signed,
 * made with the {@code keytool} of the running JDK (so the test needs no other tool or library):
 * a PKCS12 key store for the broker and a PKCS12 trust store holding only the CA, for clients.
 *
 * @param brokerKeyStore the broker's key and certificate chain
 * @param trustStore the CA certificate, for clients
 * @param password of both stores and of the broker's key
 */
record TestCertificates(Path brokerKeyStore, Path trustStore, String password) {
  private static final String SAN = "SAN=dns:localhost,ip:127.0.0.1";

  /** Generates the CA, the broker's key and signed certificate, and the stores, in {@code dir}. */
  static TestCertificates generate(Path dir, String password) throws IOException {
    Path ca = dir.resolve("ca.p12");
    Path caCert = dir.resolve("ca.pem");
    Path broker = dir.resolve("broker.p12");
    Path request = dir.resolve("broker.csr");
    Path signed = dir.resolve("broker.pem");
    Path trust = dir.resolve("truststore.p12");
    keytool("-genkeypair", "-alias", "ca", "-dname", "CN=Waarom test CA", "-ext", "bc:c",
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", ca.toString(), "-storepass", password);
    keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass",
        password, "-file", caCert.toString());
    keytool("-genkeypair", "-alias", "broker", "-dname", "CN=localhost", "-ext", SAN,
        "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", broker.toString(), "-storepass", password);
    keytool("-certreq", "-alias", "broker", "-keystore", broker.toString(), "-storepass",
        password, "-file", request.toString());
    keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", password,
        "-infile", request.toString(), "-outfile", signed.toString(), "-rfc", "-ext", SAN,
        "-validity", "2");
    // the chain: the CA first, so keytool accepts the signed certificate as the key's reply
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(),
        "-keystore", broker.toString(), "-storepass", password);
    keytool("-importcert", "-alias", "broker", "-file", signed.toString(), "-keystore",
        broker.toString(), "-storepass", password);
    keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caCert.toString(),
        "-storetype", "PKCS12", "-keystore", trust.toString(), "-storepass", password);
    return new TestCertificates(broker, trust, password);
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool did not finish within 60 s: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running keytool", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("keytool " + args[0] + " failed (" + p.exitValue() + "): " + output);
    }
  }
}
