package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Jira over REST API v2 or v3 ({@code /rest/api/{version}}).
 * <ul>
 *   <li>auth: Cloud — basic auth with the account e-mail and an API token
 *       (https://developer.atlassian.com/cloud/jira/platform/basic-auth-for-rest-apis/); Data
 *       Center — {@code Authorization: Bearer} with a personal access token
 *       (https://confluence.atlassian.com/enterprise/using-personal-access-tokens-1026032365.html)</li>
 *   <li>create: {@code POST /rest/api/{v}/issue} with {@code fields.project.key},
 *       {@code fields.issuetype.name}, {@code fields.summary}, {@code fields.description} and
 *       {@code fields.labels} —
 *       https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post;
 *       v3 descriptions are Atlassian Document Format
 *       (https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/), v2
 *       descriptions wiki markup
 *       (https://developer.atlassian.com/server/jira/platform/jira-rest-api-example-create-issue-7897248/)</li>
 *   <li>update: {@code PUT /rest/api/{v}/issue/{key}} with {@code fields.summary} and
 *       {@code fields.description} only; labels, assignee and workflow stay the team's —
 *       https://developer.atlassian.com/server/jira/platform/updating-an-issue-via-the-jira-rest-apis-6848604/</li>
 *   <li>find: JQL {@code project = KEY AND labels = "waarom:<item>"}; Cloud through
 *       {@code GET /rest/api/{v}/search/jql} (the old {@code /search} was removed from Cloud,
 *       https://developer.atlassian.com/changelog/#CHANGE-2046), Data Center through
 *       {@code GET /rest/api/2/search}</li>
 *   <li>status: {@code GET /rest/api/{v}/issue/{key}?fields=status}: {@code fields.status.name}
 *       and {@code fields.status.statusCategory.key} (new, indeterminate, done)</li>
 * </ul>
 * External id: the issue {@code id}; key: the issue key (e.g. OPS-12); URL: {@code /browse/KEY}.
 * Stateless; thread-safe.
 */
public final class JiraTracker implements Tracker {
  private final ExportConfig.Jira config;
  private final TrackerHttp http = new TrackerHttp("jira");
  private final Map<String, String> headers;

  public JiraTracker(ExportConfig.Jira config) {
    this.config = config;
    String auth = config.cloud()
        ? "Basic " + Base64.getEncoder().encodeToString(
            (config.user() + ":" + config.token()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + config.token();
    this.headers = Map.of("Authorization", auth);
  }

  @Override
  public TrackerKind kind() {
    return TrackerKind.JIRA;
  }

  @Override
  public Optional<RemoteIssue> find(IssueContent content) throws TrackerException {
    String jql = "project = \"" + config.project() + "\" AND labels = \"" + content.label() + "\"";
    String url = api() + (config.cloud() ? "/search/jql" : "/search") + "?jql="
        + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&fields=status&maxResults=2";
    JsonNode issues = http.send("GET", url, headers, null).json().path("issues");
    return issues.isEmpty() ? Optional.empty() : Optional.of(read(issues.get(0)));
  }

  @Override
  public RemoteIssue create(IssueContent content) throws TrackerException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("project", Map.of("key", config.project()));
    fields.put("issuetype", Map.of("name", config.issueType()));
    fields.put("summary", summary(content));
    fields.put("description", description(content));
    fields.put("labels", List.of(IssueContent.COMMON_LABEL, content.label()));
    JsonNode created = http.send("POST", api() + "/issue", headers, Map.of("fields", fields)).json();
    String id = TrackerHttp.text(created, "id");
    String key = TrackerHttp.text(created, "key");
    if (id == null || key == null) {
      throw new TrackerException("jira answered a created issue without id or key: " + created, 0,
          null);
    }
    return new RemoteIssue(id, key, browse(key), null, null);
  }

  @Override
  public RemoteIssue update(RemoteIssue issue, IssueContent content) throws TrackerException {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("summary", summary(content));
    fields.put("description", description(content));
    http.send("PUT", api() + "/issue/" + issue.key(), headers, Map.of("fields", fields));
    return issue;
  }

  @Override
  public Optional<RemoteIssue> status(RemoteIssue issue) throws TrackerException {
    JsonNode json = http.send("GET", api() + "/issue/" + issue.key() + "?fields=status", headers,
        null).json();
    return Optional.of(read(json));
  }

  private RemoteIssue read(JsonNode issue) throws TrackerException {
    String id = TrackerHttp.text(issue, "id");
    String key = TrackerHttp.text(issue, "key");
    if (id == null || key == null) {
      throw new TrackerException("jira answered an issue without id or key: " + issue, 0, null);
    }
    JsonNode status = issue.path("fields").path("status");
    return new RemoteIssue(id, key, browse(key), TrackerHttp.text(status, "name"),
        TrackerHttp.text(status.path("statusCategory"), "key"));
  }

  private Object description(IssueContent content) {
    return config.apiVersion() >= 3 ? content.adf() : content.wikiMarkup();
  }

  private static String summary(IssueContent content) {
    String s = content.title().replaceAll("[\\r\\n]+", " ");
    return s.length() <= 255 ? s : s.substring(0, 254) + "…"; // Jira's summary limit
  }

  private String api() {
    return config.baseUrl() + "/rest/api/" + config.apiVersion();
  }

  private String browse(String key) {
    return config.baseUrl() + "/browse/" + key;
  }
}
