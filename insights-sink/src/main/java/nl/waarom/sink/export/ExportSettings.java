package nl.waarom.sink.export;

import java.time.Duration;
import java.util.List;
import nl.waarom.platform.Setting;

/**
 * The exporter's part of the sink's configuration catalogue: which tracker, which items, how to
 * reach it. {@link ExportConfig#from} reads and cross-checks them; the sink's catalogue lists them
 * after its own settings.
 */
public final class ExportSettings {
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

  private ExportSettings() {}

  /** The exporter's settings, in the order they are logged. */
  public static List<Setting<?>> all() {
    return List.of(EXPORT_TRACKER, EXPORT_INTERVAL, EXPORT_STATUSES, EXPORT_MIN_COST, EXPORT_TOP_N,
        BOARD_URL, JIRA_URL, JIRA_API_VERSION, JIRA_PROJECT, JIRA_ISSUE_TYPE, JIRA_USER, JIRA_TOKEN,
        GITHUB_API_URL, GITHUB_REPO, GITHUB_TOKEN, WEBHOOK_URL, WEBHOOK_SECRET);
  }
}
