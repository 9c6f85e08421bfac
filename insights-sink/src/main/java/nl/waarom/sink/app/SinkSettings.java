package nl.waarom.sink.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.access.AccessSettings;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Setting;
import nl.waarom.sink.export.ExportSettings;

/**
 * The configuration catalogue of the insights sink: every environment variable it reads, with its
 * type, default and description. {@link SinkApp#start} loads and logs it (secrets masked). The
 * sign-in settings ({@link AccessSettings}) and the exporter's ({@link ExportSettings}) are
 * declared next to it.
 */
public final class SinkSettings {
  public static final Setting<String> BOOTSTRAP_SERVERS = CommonSettings.KAFKA_BOOTSTRAP_SERVERS;
  public static final Setting<String> KAFKA_CLIENT_PROPERTIES = CommonSettings.KAFKA_CLIENT_PROPERTIES;
  public static final Setting<String> TOPIC_PREFIX = CommonSettings.TOPIC_PREFIX;
  public static final Setting<Duration> SESSION_TIMEOUT = CommonSettings.KAFKA_SESSION_TIMEOUT;
  public static final Setting<String> GROUP_ID = Setting.string(
      "WAAROM_SINK_GROUP_ID", "waarom-insights-sink",
      "Kafka consumer group of the sink; instances with the same group share the partitions.");
  public static final Setting<Integer> PORT = Setting.integer(
      "WAAROM_SINK_PORT", 8080, 0, 65535,
      "HTTP port of the board, the REST API and /healthy, /ready, /metrics; 0 picks a free port.");
  public static final Setting<String> BIND = Setting.string(
      "WAAROM_SINK_BIND", "127.0.0.1",
      "Address the board and the REST API listen on: 127.0.0.1 (default) serves this machine "
          + "only; 0.0.0.0 every network interface (the container image sets this).");
  public static final Setting<Integer> MANAGEMENT_PORT = Setting.integer(
      "WAAROM_SINK_MANAGEMENT_PORT", -1, -1, 65535,
      "Port of a separate plain HTTP listener for /healthy, /ready and /metrics, which then leave "
          + "WAAROM_SINK_PORT (keep them off the public listener); -1: served on WAAROM_SINK_PORT; "
          + "0 picks a free port.");
  public static final Setting<String> TLS_CERT = Setting.string(
      "WAAROM_SINK_TLS_CERT", "",
      "PEM file with the board's certificate chain (leaf first). Set with WAAROM_SINK_TLS_KEY, "
          + "WAAROM_SINK_PORT serves HTTPS only and session cookies are marked Secure; empty: plain "
          + "HTTP (behind a TLS-terminating proxy that sets X-Forwarded-Proto).");
  public static final Setting<String> TLS_KEY = Setting.string(
      "WAAROM_SINK_TLS_KEY", "",
      "PEM file with the private key of WAAROM_SINK_TLS_CERT (PKCS#8 or PKCS#1, unencrypted; keep "
          + "it readable by the sink only).");
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
      "Maximum number of pooled database connections (one writes, the rest serve the board and "
          + "API); each leadership lock holds one more connection of its own.");
  public static final Setting<Duration> RETRY_BACKOFF_MAX = Setting.duration(
      "WAAROM_SINK_RETRY_BACKOFF_MAX", "30s",
      "Longest wait between retries of a batch while the database is unavailable "
          + "(the wait starts at 250ms and doubles).");

  public static final Setting<Map<Ranking.Preventability, Double>> BACKLOG_WEIGHTS = new Setting<>(
      "WAAROM_BACKLOG_WEIGHTS", "weights", Ranking.DEFAULT_WEIGHTS, false,
      "Weight of each preventability class in the backlog's value at stake (cost × weight × "
          + "(1 + repeat rate); the cost of a spike's episode, or a structural insight's weekly "
          + "cost); classes not named keep their default.",
      Ranking::parseWeights);
  public static final Setting<Double> BACKLOG_DEFAULT_HANDLE_MINUTES = Setting.decimal(
      "WAAROM_BACKLOG_DEFAULT_HANDLE_MINUTES", 6.0, 0.0, 1440.0,
      "Handle time assumed for the value at stake of an item whose insights carry none "
          + "(e.g. chat and email without timing fields).");
  public static final Setting<Double> COST_PER_MINUTE = Setting.decimal(
      "WAAROM_SINK_COST_PER_MINUTE", 1.0, 0.0, 1_000_000.0,
      "Cost of one minute of handling time for the cost per reason on the explore pages "
          + "(handle minutes × this); set it to the analyzer's WAAROM_COST_PER_MINUTE, which values "
          + "the insights.");
  public static final Setting<java.util.Currency> CURRENCY = new Setting<>(
      "WAAROM_SINK_CURRENCY", "currency", "EUR", false,
      "ISO 4217 code of the currency every amount on the board is written in (EUR, USD, GBP, "
          + "...); the costs themselves are in whatever unit the cost per minute is.",
      nl.waarom.sink.board.Money::parseCurrency);
  public static final Setting<Duration> VERIFY_AFTER = Setting.duration(
      "WAAROM_VERIFY_AFTER", "7d",
      "Impact verification: how much data after an item is marked done is compared with the "
          + "weeks before (whole days; whole weeks keep the weekly rhythm balanced).");
  public static final Setting<Integer> VERIFY_WEEKS_BEFORE = Setting.integer(
      "WAAROM_VERIFY_WEEKS_BEFORE", 4, 1, 52,
      "Impact verification: how many weeks before the change form the comparison.");
  public static final Setting<Double> VERIFY_ALPHA = Setting.decimal(
      "WAAROM_VERIFY_ALPHA", 0.05, 0.0001, 0.5,
      "Impact verification: significance level of the one-sided test that the reason's share "
          + "of contacts fell.");
  public static final Setting<Double> VERIFY_MIN_DROP = Setting.decimal(
      "WAAROM_VERIFY_MIN_DROP", 0.10, 0.0, 0.99,
      "Impact verification: the smallest relative drop of the reason's share that counts as an "
          + "effect (0.10 = 10%).");
  public static final Setting<Duration> VERIFY_INTERVAL = Setting.duration(
      "WAAROM_VERIFY_INTERVAL", "1m",
      "How often the sink looks for done items whose verification period is complete.");
  public static final Setting<Duration> LEADER_CHECK_INTERVAL = Setting.duration(
      "WAAROM_SINK_LEADER_CHECK_INTERVAL", "10s",
      "How often an instance checks that it still leads the export, the impact verification "
          + "and the contact purge "
          + "(each runs on one instance at a time, by a PostgreSQL advisory lock), and how often "
          + "a standby tries to take over.");

  public static final Setting<Duration> CONTACT_RETENTION = Setting.duration(
      "WAAROM_SINK_CONTACT_RETENTION", "30d",
      "How long the sink keeps a classified contact (its redacted words, reasons and evidence) "
          + "for the contact search, counted from when it occurred; older contacts are deleted "
          + "(corrections are kept). E.g. 30d, 720h, P30D.");
  public static final Setting<Duration> CONTACT_PURGE_INTERVAL = Setting.duration(
      "WAAROM_SINK_CONTACT_PURGE_INTERVAL", "1h",
      "How often the sink deletes the contacts older than WAAROM_SINK_CONTACT_RETENTION "
          + "(one instance at a time, by a PostgreSQL advisory lock).");
  public static final Setting<Integer> BACKTEST_MAX_CONTACTS = Setting.integer(
      "WAAROM_SINK_BACKTEST_MAX_CONTACTS", 50_000, 1, 1_000_000,
      "At most this many contacts, the newest of the retention window, are classified when the "
          + "board backtests an emerging reason's drafted rule before it is promoted.");
  public static final Setting<Duration> RESCORE_INTERVAL = Setting.duration(
      "WAAROM_SINK_RESCORE_INTERVAL", "10s",
      "How often the instance that leads the re-score job looks for a re-score an editor "
          + "queued on the board (one instance at a time, by a PostgreSQL advisory lock).");
  public static final Setting<Duration> REPEAT_WINDOW = Setting.duration(
      "WAAROM_SINK_REPEAT_WINDOW", "7d",
      "The analyzer's WAAROM_REPEAT_WINDOW, which a re-score applies to count repeats as the "
          + "analyzer does: set both to the same value.");
  public static final Setting<Duration> REPEAT_TRANSFER_GAP = Setting.duration(
      "WAAROM_SINK_REPEAT_TRANSFER_GAP", "15m",
      "The analyzer's WAAROM_REPEAT_TRANSFER_GAP, which a re-score applies to count repeats as "
          + "the analyzer does: set both to the same value. Shorter than "
          + "WAAROM_SINK_REPEAT_WINDOW.");

  private SinkSettings() {}

  /** Every setting, in the order they are logged. */
  public static List<Setting<?>> all() {
    List<Setting<?>> all = new ArrayList<>(List.of(BOOTSTRAP_SERVERS, KAFKA_CLIENT_PROPERTIES, TOPIC_PREFIX, GROUP_ID, SESSION_TIMEOUT, PORT, BIND, MANAGEMENT_PORT, TLS_CERT, TLS_KEY, DATA_DIR, PG_PORT, JDBC_URL,
        JDBC_USER, JDBC_PASSWORD, POOL_SIZE, RETRY_BACKOFF_MAX, BACKLOG_WEIGHTS,
        BACKLOG_DEFAULT_HANDLE_MINUTES, COST_PER_MINUTE, CURRENCY, VERIFY_AFTER,
        VERIFY_WEEKS_BEFORE, VERIFY_ALPHA, VERIFY_MIN_DROP, VERIFY_INTERVAL, LEADER_CHECK_INTERVAL,
        CONTACT_RETENTION, CONTACT_PURGE_INTERVAL, BACKTEST_MAX_CONTACTS, RESCORE_INTERVAL,
        REPEAT_WINDOW, REPEAT_TRANSFER_GAP));
    all.addAll(3, CommonSettings.schemaRegistry());
    all.addAll(AccessSettings.all());
    all.addAll(ExportSettings.all());
    return List.copyOf(all);
  }
}
