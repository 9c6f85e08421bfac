package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jira REST API v2/v3 for one project, as documented: Cloud (basic auth e-mail:API token, search
 * at /search/jql, the old /search answers 410) or Data Center (bearer PAT, search at /search);
 * create checks fields.project.key, fields.issuetype.name, summary, labels and the description
 * (an ADF document for v3, a string for v2); edit (PUT, 204); get with status and statusCategory.
 */
final class FakeJira extends FakeServer {
  private static final Set<String> ADF_BLOCKS = Set.of("paragraph", "heading", "bulletList",
      "orderedList", "codeBlock", "blockquote", "rule");
  private static final Pattern LABEL = Pattern.compile("labels = \"([^\"]+)\"");

  final int version;
  final boolean cloud;
  final String project;
  final String expectedAuth;
  final Map<String, Map<String, Object>> issues = new ConcurrentHashMap<>();
  private int next = 0;

  FakeJira(int version, boolean cloud, String project, String user, String token) {
    this.version = version;
    this.cloud = cloud;
    this.project = project;
    this.expectedAuth = cloud
        ? "Basic " + Base64.getEncoder().encodeToString((user + ":" + token)
            .getBytes(StandardCharsets.UTF_8))
        : "Bearer " + token;
  }

  @Override
  Object handle(HttpExchange ex, Request r) {
    if (!expectedAuth.equals(r.authorization())) {
      throw new Reject(401, "{\"errorMessages\":[\"You are not authenticated.\"]}");
    }
    String api = "/rest/api/" + version;
    if (r.path().equals(api + "/issue") && r.method().equals("POST")) {
      return create(json(r.body()).path("fields"));
    }
    if (r.path().equals(api + "/search") && cloud) {
      throw new Reject(410, "{\"errorMessages\":[\"The requested API has been removed.\"]}");
    }
    if (r.path().equals(api + (cloud ? "/search/jql" : "/search"))) {
      String jql = query(r, "jql");
      require(jql.contains("project = \"" + project + "\""), "jql must name the project");
      Matcher m = LABEL.matcher(jql);
      require(m.find(), "jql must select a label");
      List<Object> found = issues.values().stream()
          .filter(i -> labels(i).contains(m.group(1))).map(this::view).map(o -> (Object) o).toList();
      return Map.of("issues", found);
    }
    if (r.path().startsWith(api + "/issue/")) {
      Map<String, Object> issue = issues.get(r.path().substring((api + "/issue/").length()));
      if (issue == null) {
        throw new Reject(404, "{\"errorMessages\":[\"Issue does not exist\"]}");
      }
      if (r.method().equals("PUT")) {
        JsonNode f = json(r.body()).path("fields");
        require(f.path("summary").isTextual(), "fields.summary");
        description(f.path("description"));
        issue.put("summary", f.get("summary").asText());
        issue.put("description", f.get("description"));
        return null;
      }
      require(r.method().equals("GET"), "method");
      return view(issue);
    }
    throw new Reject(404, "{\"errorMessages\":[\"no such resource\"]}");
  }

  private synchronized Map<String, Object> create(JsonNode f) {
    require(project.equals(f.path("project").path("key").asText()), "fields.project.key");
    require("Task".equals(f.path("issuetype").path("name").asText()), "fields.issuetype.name");
    require(f.path("summary").isTextual() && !f.get("summary").asText().isBlank(), "summary");
    require(f.path("labels").isArray(), "fields.labels");
    List<String> labels = new ArrayList<>();
    f.get("labels").forEach(l -> {
      require(l.isTextual() && !l.asText().contains(" "), "labels cannot contain spaces");
      labels.add(l.asText());
    });
    description(f.path("description"));
    next++;
    String key = project + "-" + next;
    Map<String, Object> issue = new LinkedHashMap<>();
    issue.put("id", Integer.toString(10000 + next));
    issue.put("key", key);
    issue.put("summary", f.get("summary").asText());
    issue.put("description", f.get("description"));
    issue.put("labels", labels);
    issue.put("status", "To Do");
    issue.put("category", "new");
    issues.put(key, issue);
    return Map.of("id", issue.get("id"), "key", key, "self", baseUrl() + "/rest/api/" + version
        + "/issue/" + issue.get("id"));
  }

  private void description(JsonNode d) {
    if (version == 2) {
      require(d.isTextual(), "v2 description is a string (wiki markup)");
      return;
    }
    require(d.isObject() && "doc".equals(d.path("type").asText()) && d.path("version").asInt() == 1
        && d.path("content").isArray(), "v3 description is an ADF doc, version 1");
    d.get("content").forEach(block -> {
      require(ADF_BLOCKS.contains(block.path("type").asText()), "ADF block node: " + block);
      adfNode(block);
    });
  }

  private static void adfNode(JsonNode node) {
    String type = node.path("type").asText();
    if (type.equals("text")) {
      require(node.path("text").isTextual() && !node.get("text").asText().isEmpty(),
          "ADF text node needs non-empty text");
      return;
    }
    if (type.equals("heading")) {
      int level = node.path("attrs").path("level").asInt();
      require(level >= 1 && level <= 6, "heading level 1-6");
    }
    if (type.equals("bulletList")) {
      node.path("content").forEach(i -> require("listItem".equals(i.path("type").asText()),
          "bulletList holds listItems"));
    }
    require(node.path("content").isArray(), type + " needs content");
    node.get("content").forEach(FakeJira::adfNode);
  }

  private Map<String, Object> view(Map<String, Object> issue) {
    return Map.of("id", issue.get("id"), "key", issue.get("key"), "fields", Map.of("status",
        Map.of("name", issue.get("status"), "statusCategory", Map.of("key", issue.get("category")))));
  }

  /** Moves an issue through the workflow as a team member would. */
  void transition(String key, String status, String category) {
    issues.get(key).put("status", status);
    issues.get(key).put("category", category);
  }

  @SuppressWarnings("unchecked")
  static List<String> labels(Map<String, Object> issue) {
    return (List<String>) issue.get("labels");
  }
}
