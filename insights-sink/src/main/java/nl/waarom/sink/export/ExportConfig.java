package nl.waarom.sink.export;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.platform.Config;

/**
 * The exporter's settings, checked together: which tracker, which items, how to reach the tracker.
 * Built by {@link #from(Config)}, which fails with an {@link ExportConfigException} naming every
 * missing or invalid key for the chosen tracker (the settings of other trackers are ignored).
 * Immutable.
 *
 * @param tracker never null
 * @param interval time between runs; positive
 * @param statuses backlog statuses to export, lower case; empty means every status but dismissed
 * @param minCost minimum estimated cost per week; 0 also admits unknown cost
 * @param topN at most this many items per run
 * @param boardUrl board address ending in '/'; never null
 * @param jira Jira settings; null unless tracker is JIRA
 * @param github GitHub settings; null unless tracker is GITHUB
 * @param webhook webhook settings; null unless tracker is WEBHOOK
 */
public record ExportConfig(TrackerKind tracker, Duration interval, Set<String> statuses,
    double minCost, int topN, String boardUrl, Jira jira, GitHub github, Webhook webhook) {

  public ExportConfig {
    statuses = Set.copyOf(statuses);
  }

  /**
   * Jira connection.
   *
   * @param baseUrl without trailing '/'
   * @param apiVersion 2 or 3
   * @param user Cloud account e-mail for basic auth; blank for a Data Center bearer token
   */
  public record Jira(String baseUrl, int apiVersion, String project, String issueType,
      String user, String token) {
    /** Cloud (basic auth with e-mail and API token) rather than Data Center (bearer PAT). */
    public boolean cloud() {
      return !user.isBlank();
    }

    @Override
    public String toString() {
      return "Jira[" + baseUrl + ", v" + apiVersion + ", " + project + "]";
    }
  }

  /** GitHub connection: API base URL without trailing '/', repository owner/name, token. */
  public record GitHub(String apiUrl, String repo, String token) {
    @Override
    public String toString() {
      return "GitHub[" + apiUrl + ", " + repo + "]";
    }
  }

  /** Webhook endpoint and signing secret. */
  public record Webhook(String url, String secret) {
    @Override
    public String toString() {
      return "Webhook[" + url + "]";
    }
  }

  /**
   * Reads and cross-checks the export settings.
   *
   * @throws ExportConfigException naming each key that is missing or invalid for the tracker
   */
  public static ExportConfig from(Config c) {
    List<String> errors = new ArrayList<>();
    TrackerKind tracker = c.get(ExportSettings.EXPORT_TRACKER);
    Duration interval = c.get(ExportSettings.EXPORT_INTERVAL);
    if (interval.isNegative() || interval.isZero()) {
      errors.add(ExportSettings.EXPORT_INTERVAL.env() + ": must be positive, was " + interval);
    }
    Set<String> statuses = Arrays.stream(c.get(ExportSettings.EXPORT_STATUSES).split(","))
        .map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    String board = c.get(ExportSettings.BOARD_URL).strip();
    url(ExportSettings.BOARD_URL.env(), board, errors);
    board = board.endsWith("/") ? board : board + "/";
    Jira jira = null;
    GitHub github = null;
    Webhook webhook = null;
    switch (tracker) {
      case JIRA -> {
        String base = required(c, ExportSettings.JIRA_URL.env(), c.get(ExportSettings.JIRA_URL), errors);
        url(ExportSettings.JIRA_URL.env(), base, errors);
        String project = required(c, ExportSettings.JIRA_PROJECT.env(),
            c.get(ExportSettings.JIRA_PROJECT), errors);
        if (!project.isEmpty() && !project.matches("[A-Za-z][A-Za-z0-9_]*")) {
          errors.add(ExportSettings.JIRA_PROJECT.env() + ": not a Jira project key: '" + project + "'");
        }
        String type = required(c, ExportSettings.JIRA_ISSUE_TYPE.env(),
            c.get(ExportSettings.JIRA_ISSUE_TYPE), errors);
        String token = required(c, ExportSettings.JIRA_TOKEN.env(), c.get(ExportSettings.JIRA_TOKEN),
            errors);
        jira = new Jira(trimSlash(base), c.get(ExportSettings.JIRA_API_VERSION), project, type,
            c.get(ExportSettings.JIRA_USER).strip(), token);
      }
      case GITHUB -> {
        String api = required(c, ExportSettings.GITHUB_API_URL.env(),
            c.get(ExportSettings.GITHUB_API_URL), errors);
        url(ExportSettings.GITHUB_API_URL.env(), api, errors);
        String repo = required(c, ExportSettings.GITHUB_REPO.env(), c.get(ExportSettings.GITHUB_REPO),
            errors);
        if (!repo.isEmpty() && !repo.matches("[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+")) {
          errors.add(ExportSettings.GITHUB_REPO.env() + ": expected owner/name, was '" + repo + "'");
        }
        String token = required(c, ExportSettings.GITHUB_TOKEN.env(),
            c.get(ExportSettings.GITHUB_TOKEN), errors);
        github = new GitHub(trimSlash(api), repo, token);
      }
      case WEBHOOK -> {
        String url = required(c, ExportSettings.WEBHOOK_URL.env(), c.get(ExportSettings.WEBHOOK_URL),
            errors);
        url(ExportSettings.WEBHOOK_URL.env(), url, errors);
        String secret = required(c, ExportSettings.WEBHOOK_SECRET.env(),
            c.get(ExportSettings.WEBHOOK_SECRET), errors);
        if (!secret.isEmpty() && secret.length() < 16) {
          errors.add(ExportSettings.WEBHOOK_SECRET.env() + ": at least 16 characters");
        }
        webhook = new Webhook(url, secret);
      }
      case NONE -> { }
    }
    if (!errors.isEmpty()) {
      throw new ExportConfigException(tracker, errors);
    }
    return new ExportConfig(tracker, interval, statuses, c.get(ExportSettings.EXPORT_MIN_COST),
        c.get(ExportSettings.EXPORT_TOP_N), board, jira, github, webhook);
  }

  private static String required(Config c, String key, String value, List<String> errors) {
    String v = value.strip();
    if (v.isEmpty()) {
      errors.add(key + ": required with " + ExportSettings.EXPORT_TRACKER.env() + "="
          + c.get(ExportSettings.EXPORT_TRACKER).id());
    }
    return v;
  }

  private static void url(String key, String value, List<String> errors) {
    if (value.isEmpty()) {
      return;
    }
    try {
      URI uri = URI.create(value);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        errors.add(key + ": not an http(s) URL: '" + value + "'");
      }
    } catch (IllegalArgumentException e) {
      errors.add(key + ": not a URL: '" + value + "'");
    }
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** Export settings that do not fit together; the message names every offending key. */
  public static final class ExportConfigException extends IllegalArgumentException {
    private final List<String> errors;

    ExportConfigException(TrackerKind tracker, List<String> errors) {
      super("invalid export configuration for tracker " + tracker.id() + ":\n  "
          + String.join("\n  ", errors));
      this.errors = List.copyOf(errors);
    }

    /** One line per problem, each starting with the environment variable; never null. */
    public List<String> errors() {
      return errors;
    }
  }
}
