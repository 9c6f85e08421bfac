package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Issues over the REST API, with a token ({@code Authorization: Bearer}),
 * {@code Accept: application/vnd.github+json} and {@code X-GitHub-Api-Version: 2022-11-28}.
 * <ul>
 *   <li>create: {@code POST /repos/{owner}/{repo}/issues} with {@code title}, {@code body}
 *       (Markdown) and {@code labels} [waarom, waarom:&lt;item id&gt;] —
 *       https://docs.github.com/en/rest/issues/issues#create-an-issue</li>
 *   <li>update: {@code PATCH /repos/{owner}/{repo}/issues/{number}} with {@code title} and
 *       {@code body}; labels, assignees and state stay the team's —
 *       https://docs.github.com/en/rest/issues/issues#update-an-issue</li>
 *   <li>find: {@code GET /repos/{owner}/{repo}/issues?labels=...&state=all} (not the search API,
 *       whose index lags) — https://docs.github.com/en/rest/issues/issues#list-repository-issues</li>
 *   <li>status: {@code GET /repos/{owner}/{repo}/issues/{number}}: {@code state} open/closed and
 *       {@code state_reason} (completed, not_planned, reopened) —
 *       https://docs.github.com/en/rest/issues/issues#get-an-issue</li>
 * </ul>
 * External id: the issue's {@code id}; key: its {@code number}. Stateless; thread-safe.
 */
public final class GitHubTracker implements Tracker {
  /** The REST API version this exporter was written against. */
  public static final String API_VERSION = "2022-11-28";

  private final ExportConfig.GitHub config;
  private final TrackerHttp http = new TrackerHttp("github");
  private final Map<String, String> headers;

  public GitHubTracker(ExportConfig.GitHub config) {
    this.config = config;
    this.headers = Map.of("Authorization", "Bearer " + config.token(),
        "Accept", "application/vnd.github+json", "X-GitHub-Api-Version", API_VERSION,
        "User-Agent", "waarom-insights-sink");
  }

  @Override
  public TrackerKind kind() {
    return TrackerKind.GITHUB;
  }

  @Override
  public Optional<RemoteIssue> find(IssueContent content) throws TrackerException {
    String url = issuesUrl() + "?state=all&per_page=5&labels="
        + URLEncoder.encode(content.label(), StandardCharsets.UTF_8);
    for (JsonNode issue : http.send("GET", url, headers, null).json()) {
      if (!issue.has("pull_request")) {
        return Optional.of(read(issue));
      }
    }
    return Optional.empty();
  }

  @Override
  public RemoteIssue create(IssueContent content) throws TrackerException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", content.title());
    body.put("body", content.markdown());
    body.put("labels", List.of(IssueContent.COMMON_LABEL, content.label()));
    return read(http.send("POST", issuesUrl(), headers, body).json());
  }

  @Override
  public RemoteIssue update(RemoteIssue issue, IssueContent content) throws TrackerException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("title", content.title());
    body.put("body", content.markdown());
    return read(http.send("PATCH", issuesUrl() + "/" + issue.key(), headers, body).json());
  }

  @Override
  public Optional<RemoteIssue> status(RemoteIssue issue) throws TrackerException {
    return Optional.of(read(http.send("GET", issuesUrl() + "/" + issue.key(), headers, null).json()));
  }

  private String issuesUrl() {
    return config.apiUrl() + "/repos/" + config.repo() + "/issues";
  }

  private static RemoteIssue read(JsonNode issue) throws TrackerException {
    String id = TrackerHttp.text(issue, "id");
    String number = TrackerHttp.text(issue, "number");
    if (id == null || number == null) {
      throw new TrackerException("github answered an issue without id or number: " + issue, 0, null);
    }
    String state = TrackerHttp.text(issue, "state");
    String reason = TrackerHttp.text(issue, "state_reason");
    String category = "closed".equals(state) && reason != null ? reason : state;
    return new RemoteIssue(id, number, TrackerHttp.text(issue, "html_url"), state, category);
  }
}
