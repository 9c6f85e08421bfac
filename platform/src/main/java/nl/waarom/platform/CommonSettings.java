package nl.waarom.platform;

import java.time.Duration;
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

  private static Duration sessionTimeout(String text) {
    Duration d = Parsers.duration(text);
    if (d.compareTo(Duration.ofSeconds(6)) < 0 || d.compareTo(Duration.ofMinutes(5)) > 0) {
      throw new IllegalArgumentException("must be between 6s and 5m (the broker's limits by "
          + "default): " + text);
    }
    return d;
  }

  /** The topic catalogue for the configured prefix; the config must hold {@link #TOPIC_PREFIX}. */
  public static Topics topics(Config config) {
    return Topics.withPrefix(config.get(TOPIC_PREFIX));
  }
}
