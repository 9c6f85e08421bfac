package nl.waarom.platform;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * Serves a Javalin app over HTTPS from PEM files, as certificates come from cert-manager, an ACME
 * client or a company CA: a certificate chain, its private key (PKCS#8 or PKCS#1, unencrypted),
 * and optionally the CA certificates of clients. With client CAs the listener asks every client
 * for a certificate and verifies the ones it is given against them (mutual TLS); a client without
 * one is still served, so API keys keep working beside certificates, and {@link #clientName}
 * tells the two apart. The PEM parsing is BouncyCastle's; the TLS is Jetty's.
 */
public final class HttpsListener {
  private static final String CERTIFICATES = "jakarta.servlet.request.X509Certificate";

  /** The PEM files of one listener; {@code clientCa} null without mutual TLS. */
  public record Pem(Path certificate, Path privateKey, Path clientCa) {}

  private HttpsListener() {}

  /**
   * The PEM files a service's settings name, when HTTPS is configured.
   *
   * @param clientCa the setting of the client CAs, or null where mutual TLS is not offered
   * @throws Config.ConfigException when only one of certificate and key is set, or client CAs
   *     without them
   */
  public static Optional<Pem> configured(Config config, Setting<String> certificate,
      Setting<String> key, Setting<String> clientCa) {
    String cert = config.get(certificate).strip();
    String privateKey = config.get(key).strip();
    String cas = clientCa == null ? "" : config.get(clientCa).strip();
    if (cert.isEmpty() != privateKey.isEmpty()) {
      throw new Config.ConfigException(List.of(certificate.env() + " and " + key.env()
          + " go together: set both or neither"));
    }
    if (cert.isEmpty()) {
      if (!cas.isEmpty()) {
        throw new Config.ConfigException(List.of(clientCa.env() + " needs HTTPS: set "
            + certificate.env() + " and " + key.env()));
      }
      return Optional.empty();
    }
    return Optional.of(new Pem(Path.of(cert), Path.of(privateKey),
        cas.isEmpty() ? null : Path.of(cas)));
  }

  /**
   * Replaces the app's plain HTTP listener by HTTPS on {@code cfg.jetty.port} (and host).
   *
   * @throws IllegalArgumentException naming the file when a PEM file cannot be read or holds no
   *     certificate or key
   */
  public static void install(JavalinConfig cfg, Pem pem) {
    SslContextFactory.Server tls = context(pem);
    int port = cfg.jetty.port;
    String host = cfg.jetty.host;
    cfg.jetty.addConnector((server, http) -> {
      HttpConfiguration https = new HttpConfiguration(http);
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false); // one certificate per listener: no virtual hosts to pick
      https.addCustomizer(secure);
      ServerConnector connector = new ServerConnector(server,
          new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
          new HttpConnectionFactory(https));
      connector.setPort(port);
      connector.setHost(host);
      return connector;
    });
  }

  /** The TLS set-up of {@code pem}: its key store in memory, and the client CAs if any. */
  static SslContextFactory.Server context(Pem pem) {
    try {
      List<X509Certificate> chain = certificates(pem.certificate());
      if (chain.isEmpty()) {
        throw new IllegalArgumentException(pem.certificate() + " holds no PEM certificate");
      }
      PrivateKey key = privateKey(pem.privateKey());
      char[] password = HexFormat.of().formatHex(new SecureRandom().generateSeed(16)).toCharArray();
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("server", key, password, chain.toArray(X509Certificate[]::new));
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(keys);
      tls.setKeyStorePassword(new String(password));
      if (pem.clientCa() != null) {
        List<X509Certificate> cas = certificates(pem.clientCa());
        if (cas.isEmpty()) {
          throw new IllegalArgumentException(pem.clientCa() + " holds no PEM certificate");
        }
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
          trust.setCertificateEntry("client-ca-" + i, cas.get(i));
        }
        tls.setTrustStore(trust);
        tls.setWantClientAuth(true);
      }
      return tls;
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalArgumentException("cannot set up TLS from " + pem.certificate() + " and "
          + pem.privateKey() + ": " + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> certificates(Path file) throws IOException,
      GeneralSecurityException {
    List<X509Certificate> out = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object o : pemObjects(file)) {
      if (o instanceof X509CertificateHolder holder) {
        out.add(converter.getCertificate(holder));
      }
    }
    return out;
  }

  private static PrivateKey privateKey(Path file) throws IOException {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    for (Object o : pemObjects(file)) {
      if (o instanceof PEMKeyPair pair) { // PKCS#1 (RSA) or SEC1 (EC), as OpenSSL writes them
        return pair.getPublicKeyInfo() != null ? converter.getKeyPair(pair).getPrivate()
            : converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (o instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    }
    throw new IllegalArgumentException(file + " holds no unencrypted PEM private key"
        + " (PKCS#8 'PRIVATE KEY' or PKCS#1 'RSA/EC PRIVATE KEY')");
  }

  private static List<Object> pemObjects(Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException("cannot read " + file);
    }
    List<Object> objects = new ArrayList<>();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser parser = new PEMParser(reader)) {
      for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
        objects.add(o);
      }
    }
    return objects;
  }

  /**
   * The common name of the verified client certificate the request came with, if any: on a
   * mutual-TLS listener, Jetty only passes on certificates that chain to a configured client CA.
   */
  public static Optional<String> clientName(Context ctx) {
    if (!(ctx.req().getAttribute(CERTIFICATES) instanceof X509Certificate[] chain)
        || chain.length == 0) {
      return Optional.empty();
    }
    try {
      for (Rdn rdn : new LdapName(chain[0].getSubjectX500Principal().getName()).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
