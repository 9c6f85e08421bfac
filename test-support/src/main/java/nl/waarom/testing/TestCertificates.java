package nl.waarom.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates made in a test, as a company CA or cert-manager would issue them: EC P-256, valid
 * from an hour ago for a day, written as PEM files the services read. Real TLS clients are built
 * on them with {@link #client}.
 */
public final class TestCertificates {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  private TestCertificates() {}

  /** A certificate with its key pair. */
  public record Issued(X509Certificate certificate, KeyPair keys) {}

  /** A self-signed certificate authority. */
  public static Issued authority(String subject) {
    return issue(subject, null, true, null);
  }

  /**
   * A certificate for {@code subject} signed by {@code issuer}.
   *
   * @param dnsName the host name it serves (a subject alternative name), or null for a client
   */
  public static Issued leaf(String subject, Issued issuer, String dnsName) {
    return issue(subject, issuer, false, dnsName);
  }

  private static Issued issue(String subject, Issued issuer, boolean ca, String dnsName) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      KeyPair keys = generator.generateKeyPair();
      X500Name name = new X500Name(subject);
      X500Name issuerName = issuer == null ? name
          : new X500Name(issuer.certificate().getSubjectX500Principal().getName());
      Instant now = Instant.now();
      JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuerName,
          BigInteger.valueOf(SERIAL.incrementAndGet()),
          Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(1))),
          name, keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (dnsName != null) {
        builder.addExtension(Extension.subjectAlternativeName, false,
            new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
      }
      KeyPair signer = issuer == null ? keys : issuer.keys();
      X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
              .build(signer.getPrivate())));
      return new Issued(certificate, keys);
    } catch (GeneralSecurityException | IOException | OperatorCreationException e) {
      throw new IllegalStateException("could not issue a test certificate for " + subject, e);
    }
  }

  /** Writes the certificates (leaf first) or other PEM objects to {@code file}. */
  public static Path pem(Path file, Object... objects) throws IOException {
    StringWriter text = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
      for (Object o : objects) {
        writer.writeObject(o);
      }
    }
    return Files.writeString(file, text.toString());
  }

  /** Writes the private key as an unencrypted PKCS#8 "PRIVATE KEY", as cert-manager does. */
  public static Path keyPem(Path file, Issued issued) throws IOException {
    return pem(file, new JcaPKCS8Generator(issued.keys().getPrivate(), null));
  }

  /** A TLS context that trusts {@code authority} and, when given, presents {@code certificate}. */
  public static SSLContext client(Issued authority, Issued certificate) {
    return context(trusting(authority), certificate == null ? null : keyManagers(certificate));
  }

  /** A TLS context from the given managers (null key managers: no client certificate). */
  public static SSLContext context(TrustManager[] trust, KeyManager[] keys) {
    try {
      SSLContext tls = SSLContext.getInstance("TLS");
      tls.init(keys, trust, null);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("could not build a test TLS context", e);
    }
  }

  /** Trust managers that trust {@code authority} only. */
  public static TrustManager[] trusting(Issued authority) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("ca", authority.certificate());
      TrustManagerFactory tmf = TrustManagerFactory.getInstance(
          TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      return tmf.getTrustManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not build test trust managers", e);
    }
  }

  /** Key managers that present {@code certificate} under the alias {@code client}. */
  public static KeyManager[] keyManagers(Issued certificate) {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("client", certificate.keys().getPrivate(), "x".toCharArray(),
          new X509Certificate[] {certificate.certificate()});
      KeyManagerFactory kmf = KeyManagerFactory.getInstance(
          KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keys, "x".toCharArray());
      return kmf.getKeyManagers();
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("could not build test key managers", e);
    }
  }
}
