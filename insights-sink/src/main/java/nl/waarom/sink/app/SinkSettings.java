package nl.waarom.sink.app;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Setting;
import nl.waarom.sink.export.TrackerKind;

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

  public static final Setting<Map<Ranking.Preventability, Double>> BACKLOG_WEIGHTS = new Setting<>(
      "WAAROM_BACKLOG_WEIGHTS", "weights", Ranking.DEFAULT_WEIGHTS, false,
      "Weight of each preventability class in the backlog's value at stake (weekly cost × weight "
          + "× (1 + repeat rate)); classes not named keep their default.",
      Ranking::parseWeights);
  public static final Setting<Double> BACKLOG_DEFAULT_HANDLE_MINUTES = Setting.decimal(
      "WAAROM_BACKLOG_DEFAULT_HANDLE_MINUTES", 6.0, 0.0, 1440.0,
      "Handle time assumed for the value at stake of an item whose insights carry none "
          + "(e.g. chat and email without timing fields).");
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
  public static final Setting<TrackerKind> EXPORT_TRACKER = new Setting<>(
      "WAAROM_EXPORT_TRACKER", "enum", "none", false,
      "Tracker the backlog is exported to: none (default), jira, github or webhook. One tracker "
          + "issue per backlog item, created once and updated when its content changes.",
      TrackerKind::parse);
  public static final Setting<Duration> EXPORT_INTERVAL = Setting.duration(
      "WAAROM_EXPORT_INTERVAL", "5m",
      "How often the exporter creates and updates tracker issues and reads their status back; "
          + "a tracker outage is retried at the next interval.");
  public static final Setting<String> EXPORT_STATUSES = Setting.string(
      "WAAROM_EXPORT_STATUSES", "",
      "Comma-separated backlog statuses to export (e.g. triaged,in_progress); empty exports "
          + "items of every status except dismissed.");
  public static final Setting<Double> EXPORT_MIN_COST = Setting.decimal(
      "WAAROM_EXPORT_MIN_COST", 0.0, 0.0, 1e15,
      "Export only items whose estimated cost per week is at least this; with 0 items of "
          + "unknown cost are exported too.");
  public static final Setting<Integer> EXPORT_TOP_N = Setting.integer(
      "WAAROM_EXPORT_TOP_N", 50, 1, 10_000,
      "Export at most this many items per run: the highest value at stake first (the board's "
          + "ranking).");
  public static final Setting<String> BOARD_URL = Setting.string(
      "WAAROM_BOARD_URL", "http://localhost:8080/",
      "Address of the board as the team reaches it; exported issues link back to it.");
  public static final Setting<String> JIRA_URL = Setting.string(
      "WAAROM_JIRA_URL", "",
      "Base URL of Jira, e.g. https://example.atlassian.net or https://jira.example.com; "
          + "required with WAAROM_EXPORT_TRACKER=jira.");
  public static final Setting<Integer> JIRA_API_VERSION = Setting.integer(
      "WAAROM_JIRA_API_VERSION", 3, 2, 3,
      "Jira REST API version: 3 (Cloud; descriptions in Atlassian Document Format) or 2 "
          + "(Data Center and Cloud; descriptions in wiki markup).");
  public static final Setting<String> JIRA_PROJECT = Setting.string(
      "WAAROM_JIRA_PROJECT", "",
      "Key of the Jira project issues are created in, e.g. OPS; required for jira.");
  public static final Setting<String> JIRA_ISSUE_TYPE = Setting.string(
      "WAAROM_JIRA_ISSUE_TYPE", "Task",
      "Name of the Jira issue type of created issues, e.g. Task or Story.");
  public static final Setting<String> JIRA_USER = Setting.string(
      "WAAROM_JIRA_USER", "",
      "Jira Cloud: the account e-mail for basic authentication with an API token. Empty: the "
          + "token is a Data Center personal access token sent as a bearer token.");
  public static final Setting<String> JIRA_TOKEN = Setting.secret(
      "WAAROM_JIRA_TOKEN", "",
      "Jira Cloud API token (with WAAROM_JIRA_USER) or Data Center personal access token; "
          + "required for jira.");
  public static final Setting<String> GITHUB_API_URL = Setting.string(
      "WAAROM_GITHUB_API_URL", "https://api.github.com",
      "GitHub REST API base URL; for GitHub Enterprise Server https://HOST/api/v3.");
  public static final Setting<String> GITHUB_REPO = Setting.string(
      "WAAROM_GITHUB_REPO", "",
      "Repository issues are created in, as owner/name; required with "
          + "WAAROM_EXPORT_TRACKER=github.");
  public static final Setting<String> GITHUB_TOKEN = Setting.secret(
      "WAAROM_GITHUB_TOKEN", "",
      "GitHub token with Issues read and write permission on WAAROM_GITHUB_REPO; required for "
          + "github.");
  public static final Setting<String> WEBHOOK_URL = Setting.string(
      "WAAROM_WEBHOOK_URL", "",
      "Endpoint receiving each new or changed backlog item as signed JSON (POST); required "
          + "with WAAROM_EXPORT_TRACKER=webhook.");
  public static final Setting<String> WEBHOOK_SECRET = Setting.secret(
      "WAAROM_WEBHOOK_SECRET", "",
      "Shared secret of the HMAC-SHA256 signature in X-Waarom-Signature (see "
          + "insights-sink/EXPORTERS.md); required for webhook, at least 16 characters.");

  private SinkSettings() {}

  /** Every setting, in the order they are logged. */
  public static List<Setting<?>> all() {
    return List.of(BOOTSTRAP_SERVERS, TOPIC_PREFIX, GROUP_ID, PORT, DATA_DIR, PG_PORT, JDBC_URL,
        JDBC_USER, JDBC_PASSWORD, POOL_SIZE, RETRY_BACKOFF_MAX, BACKLOG_WEIGHTS,
        BACKLOG_DEFAULT_HANDLE_MINUTES, VERIFY_AFTER, VERIFY_WEEKS_BEFORE, VERIFY_ALPHA,
        VERIFY_MIN_DROP, VERIFY_INTERVAL, EXPORT_TRACKER, EXPORT_INTERVAL,
        EXPORT_STATUSES, EXPORT_MIN_COST, EXPORT_TOP_N, BOARD_URL, JIRA_URL, JIRA_API_VERSION,
        JIRA_PROJECT, JIRA_ISSUE_TYPE, JIRA_USER, JIRA_TOKEN, GITHUB_API_URL, GITHUB_REPO,
        GITHUB_TOKEN, WEBHOOK_URL, WEBHOOK_SECRET);
  }
}
