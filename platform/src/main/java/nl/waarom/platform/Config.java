package nl.waarom.platform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Values of a service's {@link Setting}s, read from a map of environment variables (usually
 * {@link System#getenv()}, optionally overlaid with explicit values). All settings are parsed up
 * front, so a bad value fails the start with every error at once rather than later at first use.
 */
public final class Config {
  private final Map<Setting<?>, Object> values;
  private final KafkaClientProperties kafkaClients; // null: the catalogue has no Kafka clients

  private Config(Map<Setting<?>, Object> values, KafkaClientProperties kafkaClients) {
    this.values = values;
    this.kafkaClients = kafkaClients;
  }

  /**
   * Parses every setting of a catalogue. When the catalogue holds
   * {@link CommonSettings#KAFKA_CLIENT_PROPERTIES}, also reads the Kafka client properties passed
   * through ({@link KafkaClientProperties}), and reports their problems with the others.
   *
   * @throws ConfigException listing every missing or invalid value
   */
  public static Config load(List<Setting<?>> catalogue, Map<String, String> env) {
    Map<Setting<?>, Object> values = new LinkedHashMap<>();
    List<String> errors = new ArrayList<>();
    for (Setting<?> s : catalogue) {
      String raw = env.get(s.env());
      if (raw == null || raw.isBlank()) {
        raw = s.defaultValue();
      }
      if (raw == null) {
        errors.add(s.env() + ": required (" + s.description() + ")");
        continue;
      }
      try {
        values.put(s, s.parser().apply(raw));
      } catch (IllegalArgumentException e) {
        errors.add(s.env() + ": " + e.getMessage());
      }
    }
    KafkaClientProperties kafka = null;
    if (catalogue.contains(CommonSettings.KAFKA_CLIENT_PROPERTIES)) {
      Object file = values.get(CommonSettings.KAFKA_CLIENT_PROPERTIES);
      kafka = KafkaClientProperties.load(file == null ? "" : file.toString(), env, errors);
    }
    if (!errors.isEmpty()) {
      throw new ConfigException(errors);
    }
    return new Config(values, kafka);
  }

  /** The environment of this process overlaid with explicit values (explicit wins). */
  public static Map<String, String> environment(Map<String, String> overrides) {
    Map<String, String> env = new HashMap<>(System.getenv());
    env.putAll(overrides);
    return env;
  }

  /** The parsed value of a setting of this catalogue; never null. */
  @SuppressWarnings("unchecked")
  public <T> T get(Setting<T> setting) {
    Object v = values.get(setting);
    if (v == null) {
      throw new IllegalArgumentException(setting.env() + " is not part of this configuration");
    }
    return (T) v;
  }

  /**
   * The Kafka client properties passed through to every Kafka client; never null.
   *
   * @throws IllegalArgumentException when the catalogue has no
   *     {@link CommonSettings#KAFKA_CLIENT_PROPERTIES}
   */
  public KafkaClientProperties kafkaClients() {
    if (kafkaClients == null) {
      throw new IllegalArgumentException(CommonSettings.KAFKA_CLIENT_PROPERTIES.env()
          + " is not part of this configuration");
    }
    return kafkaClients;
  }

  /**
   * One line per setting, then the Kafka client properties passed through (if the catalogue has
   * Kafka clients), with secrets masked; for the start-up log.
   */
  public String describe() {
    StringJoiner lines = new StringJoiner("\n");
    values.forEach((s, v) -> lines.add("  " + s.env() + "=" + (s.secret() ? "******" : v)));
    if (kafkaClients != null) {
      lines.add(kafkaClients.describe());
    }
    return lines.toString();
  }

  /** A configuration that failed to load; the message lists every problem. */
  public static final class ConfigException extends IllegalArgumentException {
    private final List<String> errors;

    /** @param errors one line per problem, each naming the variable */
    public ConfigException(List<String> errors) {
      super("invalid configuration:\n  " + String.join("\n  ", errors));
      this.errors = List.copyOf(Objects.requireNonNull(errors));
    }

    public List<String> errors() {
      return errors;
    }
  }
}
