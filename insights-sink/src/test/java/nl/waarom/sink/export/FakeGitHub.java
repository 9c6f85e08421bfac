package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GitHub Issues REST API for one repository, as documented: token in {@code Authorization:
 * Bearer}, {@code Accept: application/vnd.github+json}, {@code X-GitHub-Api-Version}; create
 * (POST, title required, body, labels as strings), update (PATCH), get, and list by label.
 */
final class FakeGitHub extends FakeServer {
  final String repo;
  final String token;
  final Map<Integer, Map<String, Object>> issues = new ConcurrentHashMap<>();
  private final AtomicInteger numbers = new AtomicInteger();
  volatile long createDelayMillis;

  FakeGitHub(String repo, String token) {
    this.repo = repo;
    this.token = token;
  }

  @Override
  Object handle(HttpExchange ex, Request r) {
    if (!("Bearer " + token).equals(r.authorization())) {
      throw new Reject(401, "{\"message\":\"Bad credentials\"}");
    }
    require("application/vnd.github+json".equals(ex.getRequestHeaders().getFirst("Accept")),
        "Accept must be application/vnd.github+json");
    require(ex.getRequestHeaders().getFirst("X-GitHub-Api-Version") != null,
        "X-GitHub-Api-Version missing");
    String base = "/repos/" + repo + "/issues";
    if (r.path().equals(base) && r.method().equals("POST")) {
      return create(json(r.body()));
    }
    if (r.path().equals(base) && r.method().equals("GET")) {
      String label = query(r, "labels");
      require("all".equals(query(r, "state")), "expected state=all");
      return issues.values().stream().filter(i -> labels(i).contains(label)).toList();
    }
    if (r.path().startsWith(base + "/")) {
      Map<String, Object> issue = issues.get(Integer.parseInt(r.path().substring(base.length() + 1)));
      if (issue == null) {
        throw new Reject(404, "{\"message\":\"Not Found\"}");
      }
      if (r.method().equals("PATCH")) {
        JsonNode b = json(r.body());
        require(b.path("title").isTextual() && b.path("body").isTextual(), "title and body");
        issue.put("title", b.get("title").asText());
        issue.put("body", b.get("body").asText());
        return issue;
      }
      require(r.method().equals("GET"), "method " + r.method());
      return issue;
    }
    throw new Reject(404, "{\"message\":\"Not Found\"}");
  }

  private synchronized Map<String, Object> create(JsonNode b) {
    require(b.path("title").isTextual() && !b.get("title").asText().isBlank(), "title is required");
    require(b.path("body").isTextual(), "body must be a string");
    require(b.path("labels").isArray(), "labels must be an array");
    List<String> labels = new ArrayList<>();
    b.get("labels").forEach(l -> {
      require(l.isTextual() && l.asText().length() <= 50, "labels are names of at most 50 chars");
      labels.add(l.asText());
    });
    if (createDelayMillis > 0) {
      try {
        Thread.sleep(createDelayMillis); // widens the race window between two exporters
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    int number = numbers.incrementAndGet();
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("id", 1000 + number);
    issue.put("number", number);
    issue.put("html_url", "https://github.com/" + repo + "/issues/" + number);
    issue.put("title", b.get("title").asText());
    issue.put("body", b.get("body").asText());
    issue.put("labels", labels.stream().map(n -> Map.of("name", n)).toList());
    issue.put("state", "open");
    issue.put("state_reason", null);
    issues.put(number, issue);
    return issue;
  }

  /** Closes an issue as a team member would. */
  void close(int number, String reason) {
    issues.get(number).put("state", "closed");
    issues.get(number).put("state_reason", reason);
  }

  @SuppressWarnings("unchecked")
  static List<String> labels(Map<String, Object> issue) {
    return ((List<Map<String, Object>>) issue.get("labels")).stream()
        .map(l -> (String) l.get("name")).toList();
  }
}
