package nl.waarom.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.avro.Schema;
import org.apache.avro.data.Json;
import org.apache.kafka.common.errors.SerializationException;

/**
 * A client of a schema registry's Confluent-compatible REST API (Confluent Schema Registry,
 * Apicurio Registry's {@code /apis/ccompat/v7}, Karapace, Redpanda): it registers or looks up a
 * writer schema under a subject, and fetches a schema by its id. Answers are cached for the life of
 * the client (a registered schema's id never changes), so the registry is asked once per subject and
 * schema, and once per schema id. Thread-safe; one client is shared by every serde of a
 * {@link Topics} catalogue.
 *
 * <p>Errors that are the record's own (a schema the registry refuses as incompatible, an unknown
 * schema id) are {@link SerializationException}s; errors that are not (the registry is down,
 * refuses the credentials, answers 5xx) are {@link SchemaRegistryException}s, so a consumer
 * retries instead of dead-lettering a good record.
 */
public final class SchemaRegistryClient {
  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private final Options options;
  private final URI base;
  private final HttpClient http;
  private final String authorization; // null: no credentials
  private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();
  private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();

  /**
   * How to reach the registry.
   *
   * @param url base URL, e.g. {@code http://registry:8081} or
   *     {@code https://registry/apis/ccompat/v7}; never null
   * @param user basic-auth user; empty for none, never null
   * @param password basic-auth password; never null
   * @param autoRegister whether a writer registers its schema (true) or only looks it up, failing
   *     when it was not registered beforehand (false)
   * @param timeout how long one request may take, connecting included
   * @param trustedCertificates a PEM file of the certificate authorities to trust for HTTPS
   *     instead of the JVM's trust store; null for the JVM's
   * @param bearerTokenFile a file holding a bearer token, read again for every request (so a
   *     token refreshed by a side-car or a projected Kubernetes token is picked up); null for none.
   *     Not together with {@code user}.
   */
  public record Options(URI url, String user, String password, boolean autoRegister,
      Duration timeout, Path trustedCertificates, Path bearerTokenFile) {
    public Options {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(timeout, "timeout");
      String scheme = url.getScheme();
      if (!"http".equals(scheme) && !"https".equals(scheme) || url.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL: " + url);
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("timeout must be positive: " + timeout);
      }
      if (!user.isEmpty() && bearerTokenFile != null) {
        throw new IllegalArgumentException(
            "a schema registry takes basic authentication or a bearer token, not both");
      }
    }

    /** Options with basic authentication (or none) and the JVM's trust store. */
    public Options(URI url, String user, String password, boolean autoRegister,
        Duration timeout) {
      this(url, user, password, autoRegister, timeout, null, null);
    }

    /** Options for {@code url} without credentials, registering schemas, 10 s per request. */
    public static Options of(String url) {
      return new Options(URI.create(url), "", "", true, Duration.ofSeconds(10));
    }

    @Override
    public String toString() {
      return "Options[url=" + url + ", user=" + user + ", password=******, autoRegister="
          + autoRegister + ", timeout=" + timeout + ", trustedCertificates=" + trustedCertificates
          + ", bearerTokenFile=" + bearerTokenFile + "]";
    }
  }

  /**
   * A client for the registry at {@code options.url()}; connects lazily, at the first request.
   *
   * @throws IllegalArgumentException when the trusted certificates cannot be read
   */
  public SchemaRegistryClient(Options options) {
    this.options = Objects.requireNonNull(options, "options");
    String url = options.url().toString();
    this.base = URI.create(url.endsWith("/") ? url : url + "/");
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(options.timeout());
    if (options.trustedCertificates() != null) {
      builder.sslContext(trusting(options.trustedCertificates()));
    }
    this.http = builder.build();
    this.authorization = options.user().isEmpty() ? null : "Basic " + Base64.getEncoder()
        .encodeToString((options.user() + ":" + options.password()).getBytes(StandardCharsets.UTF_8));
  }

  /** A TLS context that trusts exactly the certificates in a PEM file. */
  private static SSLContext trusting(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("no certificate in " + pem);
      }
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        trust.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read the schema registry's trusted certificates "
          + pem + ": " + e.getMessage(), e);
    }
  }

  /** The Authorization header of the next request; null for none. */
  private String authorization(String what) {
    Path tokenFile = options.bearerTokenFile();
    if (tokenFile == null) {
      return authorization;
    }
    String token;
    try {
      token = Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot " + what + ": cannot read the schema registry's "
          + "bearer token file " + tokenFile + ": " + e, e);
    }
    if (token.isEmpty()) {
      throw new SchemaRegistryException("cannot " + what + ": the schema registry's bearer token "
          + "file " + tokenFile + " is empty", null);
    }
    return "Bearer " + token;
  }

  public Options options() {
    return options;
  }

  /**
   * The id under which a writer's records of {@code schema} go to {@code subject}: registered as
   * the subject's newest version when {@link Options#autoRegister()}, else looked up.
   *
   * @throws SerializationException when the registry refuses the schema (incompatible with the
   *     subject's versions, or invalid) or, without auto-registration, does not have it
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public int idFor(String subject, Schema schema) {
    return options.autoRegister() ? register(subject, schema) : lookUp(subject, schema);
  }

  /**
   * Registers {@code schema} under {@code subject} (a no-op answering the existing id when the
   * subject has it already); the registry checks it against the subject's compatibility setting.
   *
   * @return the schema's id, never negative
   * @throws SerializationException when the registry refuses the schema
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public int register(String subject, Schema schema) {
    return idsBySubjectAndSchema.computeIfAbsent(subject + "\n" + schema, key -> {
      Map<?, ?> answer = send("subjects/" + encode(subject) + "/versions", body(schema),
          "register " + schema.getFullName() + " under subject " + subject);
      int id = id(answer);
      schemasById.putIfAbsent(id, schema); // a reader of this id need not ask again
      return id;
    });
  }

  /**
   * The id of {@code schema} as already registered under {@code subject}.
   *
   * @throws SerializationException when the subject does not have the schema
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public int lookUp(String subject, Schema schema) {
    return find(subject, schema).orElseThrow(() -> new SerializationException("the schema "
        + "registry " + options.url() + " has no " + schema.getFullName() + " like this one under "
        + "subject " + subject + ", and automatic registration is off: register it beforehand"));
  }

  /**
   * The id of {@code schema} under {@code subject}; empty when the subject (or the schema under
   * it) is not there.
   *
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public OptionalInt find(String subject, Schema schema) {
    String key = subject + "\n" + schema;
    Integer known = idsBySubjectAndSchema.get(key);
    if (known != null) {
      return OptionalInt.of(known);
    }
    try {
      int id = id(send("subjects/" + encode(subject), body(schema),
          "look up " + schema.getFullName() + " under subject " + subject));
      idsBySubjectAndSchema.put(key, id);
      return OptionalInt.of(id);
    } catch (NotFound e) {
      return OptionalInt.empty();
    }
  }

  /**
   * The Avro schema with this id.
   *
   * @throws SerializationException when the registry has no schema with this id, or it is not Avro
   * @throws SchemaRegistryException when the registry cannot be asked
   */
  public Schema schema(int id) {
    return schemasById.computeIfAbsent(id, key -> {
      Map<?, ?> answer = send("schemas/ids/" + id, null, "fetch schema id " + id);
      Object type = answer.get("schemaType") == null ? "AVRO" : answer.get("schemaType");
      if (!"AVRO".equals(type)) {
        throw new SerializationException("schema id " + id + " is " + type + ", not Avro");
      }
      try {
        return new Schema.Parser().parse(String.valueOf(answer.get("schema")));
      } catch (RuntimeException e) {
        throw new SerializationException("schema id " + id + " is not a valid Avro schema: "
            + e.getMessage(), e);
      }
    });
  }

  private static String body(Schema schema) {
    return Json.toString(Map.of("schema", schema.toString()));
  }

  private static int id(Map<?, ?> answer) {
    if (!(answer.get("id") instanceof Number id) || id.longValue() < 0
        || id.longValue() > Integer.MAX_VALUE) {
      throw new SchemaRegistryException("the schema registry answered without an id: " + answer);
    }
    return id.intValue();
  }

  private static String encode(String subject) {
    return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** POSTs {@code body} (GET when null) and returns the JSON object of a 2xx response. */
  private Map<?, ?> send(String path, String body, String what) {
    HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
        .timeout(options.timeout())
        .header("Accept", CONTENT_TYPE + ", application/json");
    String credentials = authorization(what);
    if (credentials != null) {
      request.header("Authorization", credentials);
    }
    if (body == null) {
      request.GET();
    } else {
      request.header("Content-Type", CONTENT_TYPE)
          .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new SchemaRegistryException("cannot " + what + ": schema registry " + options.url()
          + " unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException("interrupted while asked to " + what, e);
    }
    int status = response.statusCode();
    Map<?, ?> answer = parse(response.body());
    if (status / 100 == 2) {
      return answer;
    }
    Object said = answer.get("message");
    String message = "cannot " + what + ": schema registry " + options.url() + " answered "
        + status + " " + (said == null ? response.body() : said);
    if (status == 401 || status == 403 || status == 429 || status >= 500 || status == 408) {
      throw new SchemaRegistryException(message, null);
    }
    if (status == 404) {
      throw new NotFound(message);
    }
    throw new SerializationException(message); // 409 incompatible, 422 invalid: the record's
  }

  /** The registry answered 404: no such subject, schema or id. */
  private static final class NotFound extends SerializationException {
    NotFound(String message) {
      super(message);
    }
  }

  /** The JSON object of an answer; an answer that is not one becomes its message. */
  private static Map<?, ?> parse(String body) {
    if (body == null || body.isBlank()) {
      return Map.of();
    }
    try {
      return Json.parseJson(body) instanceof Map<?, ?> object ? object : Map.of("message", body);
    } catch (RuntimeException e) {
      return Map.of("message", body);
    }
  }

  @Override
  public String toString() {
    return "SchemaRegistryClient[" + options.url() + "]";
  }
}
