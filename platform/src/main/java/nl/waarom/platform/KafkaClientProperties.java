package nl.waarom.platform;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client properties an operator passes through to every Kafka client of a service or
 * command: security (TLS, SASL) and any other standard client setting Waarom does not declare
 * itself. Two sources, the second winning per property:
 *
 * <ol>
 *   <li>a standard client properties file named by {@code WAAROM_KAFKA_CLIENT_PROPERTIES};
 *   <li>every environment variable {@code WAAROM_KAFKA_<NAME>} that is not one of Waarom's own
 *       settings ({@link #WAAROM_SETTINGS}), as property {@code <name>} in lower case with
 *       {@code _} read as {@code .}: {@code WAAROM_KAFKA_SECURITY_PROTOCOL=SASL_SSL} is
 *       {@code security.protocol=SASL_SSL}. (No client property name holds a {@code _} or
 *       {@code -}, so the mapping needs no escapes.)
 * </ol>
 *
 * <p>Every name must be a producer, consumer or admin client property; a typo is an error naming
 * the variable (or the file). Properties Waarom sets itself for correctness, or reads from a
 * setting of its own, are refused ({@link #REFUSED}). {@link #describe()} masks the values of
 * secrets. Immutable.
 */
public final class KafkaClientProperties {
  /** The environment variable prefix of passed-through properties. */
  public static final String PREFIX = "WAAROM_KAFKA_";

  /**
   * Waarom's own settings that share the prefix: never read as client properties. A test of the
   * configuration reference keeps this in step with the catalogues.
   */
  public static final Set<String> WAAROM_SETTINGS = Set.of(
      "WAAROM_KAFKA_BOOTSTRAP_SERVERS", "WAAROM_KAFKA_SESSION_TIMEOUT",
      "WAAROM_KAFKA_CLIENT_PROPERTIES",
      // the local stack's embedded broker (nl.waarom.local.LocalSettings)
      "WAAROM_KAFKA_PORT", "WAAROM_KAFKA_CONTROLLER_PORT");

  /** Properties that may not be passed through, and why. */
  public static final Map<String, String> REFUSED = Collections.unmodifiableMap(new TreeMap<>(
      Map.ofEntries(
          Map.entry("bootstrap.servers", "set WAAROM_KAFKA_BOOTSTRAP_SERVERS"),
          Map.entry("session.timeout.ms", "set WAAROM_KAFKA_SESSION_TIMEOUT"),
          Map.entry("group.id", "the sink's group is WAAROM_SINK_GROUP_ID, the analyzer's "
              + "WAAROM_ANALYZER_APPLICATION_ID"),
          Map.entry("client.id", "Waarom names each client, so the broker can tell them apart"),
          Map.entry("group.instance.id", "one id for every instance would fence them off each "
              + "other"),
          Map.entry("isolation.level", "Waarom reads committed records only"),
          Map.entry("enable.auto.commit", "Waarom commits after its work is stored"),
          Map.entry("auto.offset.reset", "Waarom decides where each consumer starts"),
          Map.entry("enable.idempotence", "Waarom's producers are idempotent"),
          Map.entry("acks", "Waarom waits for all in-sync replicas"),
          Map.entry("transactional.id", "the analyzer's transactions are managed by Kafka "
              + "Streams"),
          Map.entry("key.serializer", "each topic has its own serdes"),
          Map.entry("value.serializer", "each topic has its own serdes"),
          Map.entry("key.deserializer", "each topic has its own serdes"),
          Map.entry("value.deserializer", "each topic has its own serdes"))));

  /** Name fragments of properties whose values are masked in {@link #describe()}. */
  private static final List<String> SECRET_WORDS =
      List.of("password", "passphrase", "secret", "jaas", "credentials", "key");
  /** Suffixes of properties that name a file, a type or a class rather than hold a secret. */
  private static final List<String> NOT_SECRET_SUFFIXES =
      List.of(".location", ".type", ".file", ".algorithm", ".class");
  static final String MASK = "****";

  private static final Set<String> PRODUCER = ProducerConfig.configNames();
  private static final Set<String> CONSUMER = ConsumerConfig.configNames();
  private static final Set<String> ADMIN = AdminClientConfig.configNames();

  private static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of(), null);

  private final Map<String, String> properties;
  private final String file;

  private KafkaClientProperties(Map<String, String> properties, String file) {
    this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    this.file = file;
  }

  /** No passed-through properties: a plaintext cluster without authentication. */
  public static KafkaClientProperties none() {
    return NONE;
  }

  /**
   * Reads the file named by {@code file} (blank: none) and the {@code WAAROM_KAFKA_*} variables of
   * {@code env}.
   *
   * @throws Config.ConfigException listing every unknown, refused or unreadable property
   */
  public static KafkaClientProperties load(String file, Map<String, String> env) {
    List<String> errors = new ArrayList<>();
    KafkaClientProperties p = load(file, env, errors);
    if (!errors.isEmpty()) {
      throw new Config.ConfigException(errors);
    }
    return p;
  }

  /** As {@link #load(String, Map)}, adding the problems to {@code errors} instead of throwing. */
  static KafkaClientProperties load(String file, Map<String, String> env, List<String> errors) {
    Map<String, String> properties = new HashMap<>();
    String fileName = file == null || file.isBlank() ? null : file.strip();
    if (fileName != null) {
      readFile(fileName, properties, errors);
    }
    for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
      if (isPassThrough(e.getKey()) && e.getValue() != null) {
        String name = propertyName(e.getKey());
        String problem = problem(name);
        if (problem != null) {
          errors.add(e.getKey() + ": " + problem);
        } else {
          properties.put(name, e.getValue());
        }
      }
    }
    return properties.isEmpty() && fileName == null ? NONE
        : new KafkaClientProperties(properties, fileName);
  }

  private static void readFile(String file, Map<String, String> into, List<String> errors) {
    Properties loaded = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      loaded.load(in);
    } catch (IOException | RuntimeException e) {
      errors.add("WAAROM_KAFKA_CLIENT_PROPERTIES: cannot read " + file + ": " + e);
      return;
    }
    for (String name : new TreeSet<>(loaded.stringPropertyNames())) {
      String problem = problem(name);
      if (problem != null) {
        errors.add("WAAROM_KAFKA_CLIENT_PROPERTIES: " + file + ": " + name + ": " + problem);
      } else {
        into.put(name, loaded.getProperty(name));
      }
    }
  }

  /** Whether {@code variable} is read as a client property. */
  public static boolean isPassThrough(String variable) {
    return variable.startsWith(PREFIX) && variable.length() > PREFIX.length()
        && !WAAROM_SETTINGS.contains(variable);
  }

  /** {@code WAAROM_KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}. */
  static String propertyName(String variable) {
    return variable.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** Why {@code name} may not be passed through; null when it may. */
  private static String problem(String name) {
    String refused = REFUSED.get(name);
    if (refused != null) {
      return name + " is controlled by Waarom (" + refused + ")";
    }
    if (!PRODUCER.contains(name) && !CONSUMER.contains(name) && !ADMIN.contains(name)) {
      return name + " is not a Kafka producer, consumer or admin client property";
    }
    return null;
  }

  /**
   * A producer's configuration: {@code own} (the client's own properties) with the passed-through
   * producer properties added; a property in both takes the passed-through value.
   */
  public Map<String, Object> producer(Map<String, Object> own) {
    return overlay(own, PRODUCER);
  }

  /** A consumer's configuration: as {@link #producer(Map)}, with the consumer properties. */
  public Map<String, Object> consumer(Map<String, Object> own) {
    return overlay(own, CONSUMER);
  }

  /** An admin client's configuration: as {@link #producer(Map)}, with the admin properties. */
  public Map<String, Object> admin(Map<String, Object> own) {
    return overlay(own, ADMIN);
  }

  /**
   * A Kafka Streams configuration: {@code own} with every passed-through property added (Kafka
   * Streams hands them on to its producers, consumers and admin client).
   */
  public Properties streams(Properties own) {
    Properties p = new Properties();
    p.putAll(own);
    p.putAll(properties);
    return p;
  }

  private Map<String, Object> overlay(Map<String, Object> own, Set<String> known) {
    Map<String, Object> m = new HashMap<>(own);
    properties.forEach((k, v) -> {
      if (known.contains(k)) {
        m.put(k, v);
      }
    });
    return m;
  }

  /** Whether nothing is passed through. */
  public boolean isEmpty() {
    return properties.isEmpty();
  }

  /** The names of the properties passed through, sorted; never null. */
  public Set<String> names() {
    return properties.keySet();
  }

  /**
   * One line per property with secrets masked, for the start-up log; says so when there are
   * none.
   */
  public String describe() {
    StringJoiner lines = new StringJoiner("\n");
    lines.add("  Kafka client properties" + (file == null ? "" : " (file " + file + ", then "
        + PREFIX + "*)") + (properties.isEmpty() ? ": none (plaintext, no authentication)" : ":"));
    properties.forEach((k, v) -> lines.add("    " + k + "=" + (isSecret(k) ? MASK : v)));
    return lines.toString();
  }

  /** Whether the value of {@code property} is masked in logs. */
  public static boolean isSecret(String property) {
    String name = property.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(name::contains)
        && NOT_SECRET_SUFFIXES.stream().noneMatch(name::endsWith);
  }

  @Override
  public String toString() {
    return describe();
  }
}
