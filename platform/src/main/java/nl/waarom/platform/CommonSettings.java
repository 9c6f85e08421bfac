package nl.waarom.platform;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.Topics;

/**
 * Settings every Waarom service reads the same way. Declared once here so each service's catalogue
 * lists the same {@link Setting} object (same name, default, validation and description).
 */
public final class CommonSettings {
  public static final Setting<String> KAFKA_BOOTSTRAP_SERVERS = Setting.string(
      "WAAROM_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092",
      "Kafka bootstrap servers, comma-separated host:port pairs.");
  public static final Setting<String> KAFKA_CLIENT_PROPERTIES = Setting.string(
      "WAAROM_KAFKA_CLIENT_PROPERTIES", "",
      "Path of a Kafka client properties file (security.protocol, ssl.*, sasl.*, ...) applied to "
          + "every Kafka client; any other WAAROM_KAFKA_<NAME> variable sets client property "
          + "<name> (lower case, _ as .) and wins over the file. See docs/kafka-security.md.");
  public static final Setting<String> TOPIC_PREFIX = new Setting<>(
      "WAAROM_TOPIC_PREFIX", "string", Topics.DEFAULT_PREFIX, false,
      "Prefix of every Waarom topic name, so several installations can share one cluster.",
      prefix -> Topics.withPrefix(prefix).prefix());
  public static final Setting<String> SCHEMA_REGISTRY_URL = new Setting<>(
      "WAAROM_SCHEMA_REGISTRY_URL", "url", "", false,
      "Schema registry (Confluent-compatible REST API, e.g. http://registry:8081 or Apicurio's "
          + ".../apis/ccompat/v7): when set, every record is written in the registry wire format "
          + "(byte 0, schema id, Avro binary) under the subject <topic>-value; empty: Avro "
          + "single-object encoding, no registry. Readers take both either way, but only read "
          + "registry records with this set. HTTPS trusts the JVM's trust store unless "
          + "WAAROM_SCHEMA_REGISTRY_CA is set. See docs/topics-and-schemas.md.",
      CommonSettings::registryUrl);
  public static final Setting<String> SCHEMA_REGISTRY_USER = Setting.string(
      "WAAROM_SCHEMA_REGISTRY_USER", "",
      "User for the schema registry's basic authentication; empty for none.");
  public static final Setting<String> SCHEMA_REGISTRY_PASSWORD = Setting.secret(
      "WAAROM_SCHEMA_REGISTRY_PASSWORD", "",
      "Password for the schema registry's basic authentication.");
  public static final Setting<String> SCHEMA_REGISTRY_TOKEN_FILE = Setting.string(
      "WAAROM_SCHEMA_REGISTRY_TOKEN_FILE", "",
      "File holding a bearer token for the schema registry (an OAuth access token kept fresh by "
          + "a side-car, or a projected Kubernetes service-account token); read again for every "
          + "request, so a renewed token is used without a restart. Not together with "
          + "WAAROM_SCHEMA_REGISTRY_USER; empty for none.");
  public static final Setting<String> SCHEMA_REGISTRY_CA = Setting.string(
      "WAAROM_SCHEMA_REGISTRY_CA", "",
      "PEM file of the certificate authorities to trust for an https schema registry instead "
          + "of the JVM's trust store (e.g. a company CA, or the registry's own certificate); "
          + "empty: the JVM's trust store.");
  public static final Setting<Duration> SCHEMA_REGISTRY_TIMEOUT = new Setting<>(
      "WAAROM_SCHEMA_REGISTRY_TIMEOUT", "duration", "10s", false,
      "How long one request to the schema registry may take, connecting included (1s to 5m). "
          + "A registry that does not answer in time is treated as unreachable: the record is "
          + "retried, not dead-lettered.",
      CommonSettings::registryTimeout);
  public static final Setting<Boolean> SCHEMA_REGISTRY_AUTO_REGISTER = Setting.bool(
      "WAAROM_SCHEMA_REGISTRY_AUTO_REGISTER", true,
      "Whether a writer registers its schema (the latest released version) at its first record, "
          + "the registry refusing an incompatible one; false: it only looks the schema up and "
          + "fails until it was registered beforehand (`./waarom schemas register`).");
  public static final Setting<String> DATA_DIR = Setting.string("WAAROM_DATA_DIR", ".waarom",
      "Folder for persistent local data: the embedded PostgreSQL (<dir>/postgres) and, in the "
          + "local stack, Kafka's logs and the analyzer's state; `./waarom run --reset` "
          + "(or `demo --reset`) wipes it.");

  public static final Setting<Duration> KAFKA_SESSION_TIMEOUT = new Setting<>(
      "WAAROM_KAFKA_SESSION_TIMEOUT", "duration", "45s", false,
      "How long Kafka waits for a consumer that vanished without leaving its group (a process "
          + "killed hard) before giving its partitions to another: a restarted analyzer or sink "
          + "resumes after at most this long. 6s to 5m; the local stack uses 10s unless set.",
      CommonSettings::sessionTimeout);

  private CommonSettings() {}

  /** The schema-registry settings, for every catalogue that has Kafka clients. */
  public static List<Setting<?>> schemaRegistry() {
    return List.of(SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_USER, SCHEMA_REGISTRY_PASSWORD,
        SCHEMA_REGISTRY_TOKEN_FILE, SCHEMA_REGISTRY_CA, SCHEMA_REGISTRY_TIMEOUT,
        SCHEMA_REGISTRY_AUTO_REGISTER);
  }

  private static String registryUrl(String text) {
    String url = text.strip();
    if (!url.isEmpty()) {
      try {
        SchemaRegistryClient.Options.of(url);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("must be empty or an http(s) URL: " + text);
      }
    }
    return url;
  }

  private static Duration registryTimeout(String text) {
    Duration d = Parsers.duration(text);
    if (d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("must be between 1s and 5m: " + text);
    }
    return d;
  }

  private static Duration sessionTimeout(String text) {
    Duration d = Parsers.duration(text);
    if (d.compareTo(Duration.ofSeconds(6)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("must be between 6s and 5m (the broker's limits by "
          + "default): " + text);
    }
    return d;
  }

  /**
   * The topic catalogue for the configured prefix, in the registry wire format when
   * {@link #SCHEMA_REGISTRY_URL} is set; the config must hold {@link #TOPIC_PREFIX} and
   * {@link #schemaRegistry()}.
   */
  public static Topics topics(Config config) {
    return Topics.withPrefix(config.get(TOPIC_PREFIX), schemaRegistry(config));
  }

  /**
   * The schema-registry client the configuration asks for; null when none is configured.
   *
   * @throws IllegalArgumentException when the settings contradict each other (a user and a token
   *     file) or the trusted certificates cannot be read; the message names the setting
   */
  public static SchemaRegistryClient schemaRegistry(Config config) {
    String url = config.get(SCHEMA_REGISTRY_URL);
    if (url.isEmpty()) {
      return null;
    }
    String tokenFile = config.get(SCHEMA_REGISTRY_TOKEN_FILE).strip();
    String ca = config.get(SCHEMA_REGISTRY_CA).strip();
    if (!tokenFile.isEmpty() && !config.get(SCHEMA_REGISTRY_USER).isEmpty()) {
      throw new IllegalArgumentException(SCHEMA_REGISTRY_USER.env() + " and "
          + SCHEMA_REGISTRY_TOKEN_FILE.env() + " are both set: the schema registry takes basic "
          + "authentication or a bearer token, not both");
    }
    try {
      return new SchemaRegistryClient(new SchemaRegistryClient.Options(URI.create(url),
          config.get(SCHEMA_REGISTRY_USER), config.get(SCHEMA_REGISTRY_PASSWORD),
          config.get(SCHEMA_REGISTRY_AUTO_REGISTER), config.get(SCHEMA_REGISTRY_TIMEOUT),
          ca.isEmpty() ? null : Path.of(ca), tokenFile.isEmpty() ? null : Path.of(tokenFile)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(SCHEMA_REGISTRY_CA.env() + ": " + e.getMessage(), e);
    }
  }
}
