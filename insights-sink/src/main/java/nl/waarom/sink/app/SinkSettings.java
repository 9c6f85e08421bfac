package nl.waarom.sink.app;

import java.time.Duration;
import java.util.List;
import nl.waarom.common.CommonSettings;
import nl.waarom.common.Setting;

/**
 * The configuration catalogue of the insights sink: every environment variable it reads, with its
 * type, default and description. {@link SinkApp#start} loads and logs it (secrets masked).
 */
public final class SinkSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS;
  public static final Setting<String> TOPIC_PREFIX = CommonSettings.TOPIC_PREFIX;
  public static final Setting<String> GROUP_ID = Setting.string(
      "WAAROM_SINK_GROUP_ID", "waarom-insights-sink",
      "Kafka consumer group of the sink; instances with the same group share the partitions.");
  public static final Setting<Integer> PORT = Setting.integer(
      "WAAROM_SINK_PORT", 8080, 0, 65535,
      "HTTP port of the board, the REST API and /healthy, /ready, /metrics; 0 picks a free port.");
  public static final Setting<String> DATA_DIR = CommonSettings.DATA_DIR;
  public static final Setting<Integer> PG_PORT = Setting.integer(
      "WAAROM_PG_PORT", 0, 0, 65535,
      "Port of the embedded PostgreSQL server; 0 picks a free port. Unused with WAAROM_JDBC_URL.");
  public static final Setting<String> JDBC_URL = Setting.string(
      "WAAROM_JDBC_URL", "",
      "JDBC URL of an external PostgreSQL database, e.g. jdbc:postgresql://db:5432/waarom; "
          + "empty starts an embedded PostgreSQL instead.");
  public static final Setting<String> JDBC_USER = Setting.string(
      "WAAROM_JDBC_USER", "",
      "User for WAAROM_JDBC_URL; empty leaves it to the URL or the driver default.");
  public static final Setting<String> JDBC_PASSWORD = Setting.secret(
      "WAAROM_JDBC_PASSWORD", "",
      "Password for WAAROM_JDBC_URL; empty leaves it to the URL or the driver default.");
  public static final Setting<Integer> POOL_SIZE = Setting.integer(
      "WAAROM_SINK_POOL_SIZE", 4, 1, 100,
      "Maximum number of database connections (one writes, the rest serve the board and API).");
  public static final Setting<Duration> RETRY_BACKOFF_MAX = Setting.duration(
      "WAAROM_SINK_RETRY_BACKOFF_MAX", "30s",
      "Longest wait between retries of a batch while the database is unavailable "
          + "(the wait starts at 250ms and doubles).");

  private SinkSettings() {}

  /** Every setting, in the order they are logged. */
  public static List<Setting<?>> all() {
    return List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, GROUP_ID, PORT, DATA_DIR, PG_PORT, JDBC_URL,
        JDBC_USER, JDBC_PASSWORD, POOL_SIZE, RETRY_BACKOFF_MAX);
  }
}
