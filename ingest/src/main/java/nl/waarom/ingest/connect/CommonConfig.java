package nl.waarom.ingest.connect;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import nl.waarom.ingest.privacy.Pseudonymizer;

/**
 * The configuration keys every Waarom connector has (topic prefix, pseudonym secret, language
 * hint, schema registry) and how to read them. Each connector's {@code ConfigDef} starts from {@link #define}.
 * Stateless and thread-safe.
 */
public final class CommonConfig {
  public static final String TOPIC_PREFIX = "topic.prefix";
  public static final String PSEUDONYM_SECRET = "pseudonym.secret";
  public static final String LANGUAGE = "language";
  public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
  public static final String SCHEMA_REGISTRY_USER = "schema.registry.user";
  public static final String SCHEMA_REGISTRY_PASSWORD = "schema.registry.password";
  public static final String SCHEMA_REGISTRY_AUTO_REGISTER = "schema.registry.auto.register";
  public static final String SCHEMA_REGISTRY_TOKEN_FILE = "schema.registry.token.file";
  public static final String SCHEMA_REGISTRY_CA = "schema.registry.ca.file";
  public static final String SCHEMA_REGISTRY_TIMEOUT_MS = "schema.registry.timeout.ms";
  public static final String GROUP = "Waarom";

  private CommonConfig() {}

  /** A new ConfigDef holding the common keys. */
  public static ConfigDef define() {
    return new ConfigDef()
        .define(TOPIC_PREFIX, Type.STRING, Topics.DEFAULT_PREFIX, new Described("letters, digits, '.', '_', '-'; may be empty",
            CommonConfig::validatePrefix),
            Importance.MEDIUM, "Prefix of every Waarom topic (the contacts topics and the dlq "
                + "topic); must match the analyzer's WAAROM_TOPIC_PREFIX. Letters, digits, '.', "
                + "'_' and '-'; may be empty.", GROUP, 1, ConfigDef.Width.MEDIUM, "Topic prefix")
        .define(PSEUDONYM_SECRET, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE,
            new Described("non-empty", CommonConfig::validateSecret), Importance.HIGH,
            "HMAC-SHA256 key that turns customer identifiers (sender address, customerId) into "
                + "the customerKey pseudonym. Use the same secret as the gateway "
                + "(WAAROM_PSEUDONYM_SECRET) so repeat contacts join across channels; keep it "
                + "secret (e.g. via a config provider).", GROUP, 2, ConfigDef.Width.MEDIUM,
            "Pseudonym secret")
        .define(LANGUAGE, Type.STRING, "", new Described("empty or a 2-letter code",
            CommonConfig::validateLanguage), Importance.LOW,
            "ISO 639-1 language hint (e.g. nl or en) set on every contact that does not carry "
                + "its own; empty for unknown.", GROUP, 3, ConfigDef.Width.SHORT, "Language hint")
        .define(SCHEMA_REGISTRY_URL, Type.STRING, "", new Described("empty or an http(s) URL",
            CommonConfig::validateRegistryUrl), Importance.MEDIUM,
            "Schema registry (Confluent-compatible REST API): when set, records are written in "
                + "the registry wire format under the subject <topic>-value, as the analyzer's "
                + "WAAROM_SCHEMA_REGISTRY_URL; empty: Avro single-object encoding.", GROUP, 4,
            ConfigDef.Width.LONG, "Schema registry URL")
        .define(SCHEMA_REGISTRY_USER, Type.STRING, "", Importance.LOW,
            "User for the schema registry's basic authentication; empty for none.", GROUP, 5,
            ConfigDef.Width.MEDIUM, "Schema registry user")
        .define(SCHEMA_REGISTRY_PASSWORD, Type.PASSWORD, "", Importance.LOW,
            "Password for the schema registry's basic authentication.", GROUP, 6,
            ConfigDef.Width.MEDIUM, "Schema registry password")
        .define(SCHEMA_REGISTRY_AUTO_REGISTER, Type.BOOLEAN, true, Importance.LOW,
            "Whether the connector registers its schema at its first record (true) or only "
                + "looks it up, failing until it was registered beforehand (false).", GROUP, 7,
            ConfigDef.Width.SHORT, "Register schemas")
        .define(SCHEMA_REGISTRY_TOKEN_FILE, Type.STRING, "", Importance.LOW,
            "File holding a bearer token for the schema registry, read again for every request; "
                + "not together with schema.registry.user; empty for none.", GROUP, 8,
            ConfigDef.Width.LONG, "Schema registry token file")
        .define(SCHEMA_REGISTRY_CA, Type.STRING, "", Importance.LOW,
            "PEM file of the certificate authorities to trust for an https schema registry "
                + "instead of the JVM's trust store; empty for the JVM's.", GROUP, 9,
            ConfigDef.Width.LONG, "Schema registry CA file")
        .define(SCHEMA_REGISTRY_TIMEOUT_MS, Type.LONG, 10_000L, ConfigDef.Range.between(1_000L,
            300_000L), Importance.LOW, "How long one request to the schema registry may take, in "
                + "milliseconds, connecting included.", GROUP, 10, ConfigDef.Width.SHORT,
            "Schema registry timeout");
  }

  /** The topic catalogue for the configured prefix and schema registry. */
  public static Topics topics(AbstractConfig config) {
    String url = config.getString(SCHEMA_REGISTRY_URL).strip();
    if (url.isEmpty()) {
      return Topics.withPrefix(config.getString(TOPIC_PREFIX));
    }
    String tokenFile = config.getString(SCHEMA_REGISTRY_TOKEN_FILE).strip();
    String ca = config.getString(SCHEMA_REGISTRY_CA).strip();
    SchemaRegistryClient registry;
    try {
      registry = new SchemaRegistryClient(new SchemaRegistryClient.Options(URI.create(url),
          config.getString(SCHEMA_REGISTRY_USER), config.getPassword(SCHEMA_REGISTRY_PASSWORD)
              .value(), config.getBoolean(SCHEMA_REGISTRY_AUTO_REGISTER),
          Duration.ofMillis(config.getLong(SCHEMA_REGISTRY_TIMEOUT_MS)),
          ca.isEmpty() ? null : Path.of(ca), tokenFile.isEmpty() ? null : Path.of(tokenFile)));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(tokenFile.isEmpty() ? SCHEMA_REGISTRY_CA
          : SCHEMA_REGISTRY_TOKEN_FILE, tokenFile.isEmpty() ? ca : tokenFile, e.getMessage());
    }
    return Topics.withPrefix(config.getString(TOPIC_PREFIX), registry);
  }

  public static Pseudonymizer pseudonymizer(AbstractConfig config) {
    return new Pseudonymizer(config.getPassword(PSEUDONYM_SECRET).value());
  }

  /** The language hint in lower case, or null when not set. */
  public static String language(AbstractConfig config) {
    String l = config.getString(LANGUAGE);
    return l == null || l.isBlank() ? null : l.strip().toLowerCase(Locale.ROOT);
  }

  private static void validatePrefix(String name, Object value) {
    try {
      Topics.withPrefix(value == null ? "" : (String) value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, value, e.getMessage());
    }
  }

  private static void validateRegistryUrl(String name, Object value) {
    String url = value == null ? "" : ((String) value).strip();
    if (!url.isEmpty()) {
      try {
        SchemaRegistryClient.Options.of(url);
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, value, "must be empty or an http(s) URL");
      }
    }
  }

  private static void validateSecret(String name, Object value) {
    if (value == null || ((Password) value).value().isEmpty()) {
      throw new ConfigException(name, value, "must not be empty");
    }
  }

  private static void validateLanguage(String name, Object value) {
    String s = value == null ? "" : ((String) value).strip();
    if (!s.isEmpty() && !s.matches("[A-Za-z]{2}")) {
      throw new ConfigException(name, value, "must be empty or a 2-letter ISO 639-1 code such as nl");
    }
  }
}
