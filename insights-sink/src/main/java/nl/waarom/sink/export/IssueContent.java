package nl.waarom.sink.export;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.waarom.sink.db.ExampleRow;
import nl.waarom.sink.db.ExportItem;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.SignalRow;

/**
 * What a tracker issue says about one backlog item, independent of the tracker: title, summary,
 * value at stake, why (the explaining signals), redacted examples, the drafted rule, a link back to
 * the board and the item label. Renders as Markdown (GitHub, webhook), Jira wiki markup (Jira REST
 * v2) and Atlassian Document Format (Jira REST v3). {@link #hash()} identifies the content: the
 * exporter updates an issue only when it changes. Immutable; thread-safe.
 *
 * @param itemId Waarom backlog item id; never null
 * @param label tracker label carrying the item id ({@link #labelFor}); never null
 * @param title issue title; never blank
 * @param summary one sentence; never null, may be empty
 * @param valueAtStake fact lines; never null
 * @param why explanation lines, strongest first; never null
 * @param examples redacted example snippets; never null
 * @param draftedRule drafted taxonomy rule; may be null
 * @param boardLink URL of the item on the board; never null
 */
public record IssueContent(String itemId, String label, String title, String summary,
    List<String> valueAtStake, List<String> why, List<String> examples, String draftedRule,
    String boardLink) {
  /** Label on every exported issue, next to the per-item label. */
  public static final String COMMON_LABEL = "waarom";
  private static final int MAX_LABEL = 50; // GitHub's limit on label names
  private static final int MAX_EXAMPLES = 5;
  private static final int MAX_SIGNALS = 8;

  public IssueContent {
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(title, "title");
    summary = summary == null ? "" : summary;
    valueAtStake = List.copyOf(valueAtStake);
    why = List.copyOf(why);
    examples = List.copyOf(examples);
    Objects.requireNonNull(boardLink, "boardLink");
  }

  /** The content for an item; {@code boardUrl} ends in '/'. */
  public static IssueContent of(ExportItem item, String boardUrl) {
    InsightRow i = item.latest();
    InsightDetails d = i.details();
    List<String> value = new ArrayList<>();
    if (d.excessContacts() != null) {
      value.add("Excess contacts of the spike: " + fmt(d.excessContacts()));
      if (item.estimatedCost() != null) {
        value.add("Cost of the spike so far: " + fmt(item.estimatedCost()));
      }
    } else if (item.estimatedCost() != null) {
      value.add("Estimated cost: " + fmt(item.estimatedCost()) + " per week");
    }
    if (d.weeklyVolume() != null) {
      value.add("Weekly volume: " + fmt(d.weeklyVolume()) + " contacts");
    }
    if (d.avgHandleMinutes() != null) {
      value.add("Average handle time: " + fmt(d.avgHandleMinutes()) + " minutes");
    }
    if (d.repeatRate() != null) {
      value.add("Repeat rate: " + fmt(100 * d.repeatRate()) + "%");
    }
    value.add("Preventability: " + (item.preventability() == null ? "unknown"
        : item.preventability().toLowerCase(Locale.ROOT).replace('_', ' ')));
    value.add("Latest window " + i.windowStart() + " to " + i.windowEnd() + ": " + i.count()
        + " contacts, expected " + fmt(i.baseline())
        + (i.channels().isEmpty() ? "" : " (" + String.join(", ", i.channels()) + ")"));
    value.add("Board status: " + item.status() + "; insights behind this item: "
        + item.insightCount());
    List<String> why = new ArrayList<>();
    for (SignalRow s : d.signals().subList(0, Math.min(MAX_SIGNALS, d.signals().size()))) {
      why.add(s.name() + " = " + s.value() + ": " + fmt(100 * s.share()) + "% of these contacts"
          + " against " + fmt(100 * s.backgroundShare()) + "% of the others (" + s.count()
          + " contacts, score " + fmt(s.score()) + ")");
    }
    if (why.isEmpty() && !i.candidateTerms().isEmpty()) {
      why.add("Over-represented words: " + String.join(", ", i.candidateTerms()));
    }
    List<String> examples = i.examples().stream().map(ExampleRow::snippet)
        .filter(s -> s != null && !s.isBlank()).map(String::strip).limit(MAX_EXAMPLES).toList();
    String rule = d.draftedRule() == null || d.draftedRule().isBlank() ? null : d.draftedRule();
    String link = boardUrl + "items/" + URLEncoder.encode(item.itemId(), StandardCharsets.UTF_8);
    return new IssueContent(item.itemId(), labelFor(item.itemId()), item.title(), i.summary(),
        value, why, examples, rule, link);
  }

  /**
   * The label that carries an item id in the tracker: {@code waarom:<item id>}, shortened with a
   * hash suffix to GitHub's 50 characters, without blanks (Jira labels cannot hold spaces).
   */
  public static String labelFor(String itemId) {
    String label = "waarom:" + itemId.strip().replaceAll("\\s+", "_");
    if (label.length() <= MAX_LABEL) {
      return label;
    }
    return label.substring(0, MAX_LABEL - 13) + "~" + sha256(itemId).substring(0, 12);
  }

  /** SHA-256 (hex) of the content; equal content, equal hash. */
  public String hash() {
    return sha256(Json.write(this));
  }

  /** GitHub-flavoured Markdown body; examples in a code block so they cannot mention anyone. */
  public String markdown() {
    StringBuilder b = new StringBuilder();
    if (!summary.isBlank()) {
      b.append(summary).append("\n\n");
    }
    section(b, "### Value at stake", valueAtStake, "- ");
    section(b, "### Why", why, "- ");
    if (!examples.isEmpty()) {
      b.append("### Examples (redacted)\n\n```text\n");
      examples.forEach(e -> b.append(e.replace("```", "'''")).append('\n'));
      b.append("```\n\n");
    }
    if (draftedRule != null) {
      b.append("### Drafted rule\n\n```\n").append(draftedRule.replace("```", "'''"))
          .append("\n```\n\n");
    }
    b.append("[Open on the Waarom board](").append(boardLink).append(")\n\n");
    b.append("Waarom item: `").append(itemId).append("`\n");
    return b.toString();
  }

  /** Jira wiki markup (REST API v2 descriptions). */
  public String wikiMarkup() {
    StringBuilder b = new StringBuilder();
    if (!summary.isBlank()) {
      b.append(summary).append("\n\n");
    }
    section(b, "h3. Value at stake", valueAtStake, "* ");
    section(b, "h3. Why", why, "* ");
    if (!examples.isEmpty()) {
      b.append("h3. Examples (redacted)\n{noformat}\n");
      examples.forEach(e -> b.append(e.replace("{noformat}", "(noformat)")).append('\n'));
      b.append("{noformat}\n\n");
    }
    if (draftedRule != null) {
      b.append("h3. Drafted rule\n{code}\n").append(draftedRule.replace("{code}", "(code)"))
          .append("\n{code}\n\n");
    }
    b.append("[Open on the Waarom board|").append(boardLink).append("]\n\n");
    b.append("Waarom item: {{").append(itemId).append("}}\n");
    return b.toString();
  }

  /**
   * Atlassian Document Format document (REST API v3 descriptions): {@code {"type":"doc",
   * "version":1,"content":[...]}} with paragraph, heading, bulletList and codeBlock nodes. See
   * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
   */
  public Map<String, Object> adf() {
    List<Object> content = new ArrayList<>();
    if (!summary.isBlank()) {
      content.add(paragraph(text(summary)));
    }
    adfSection(content, "Value at stake", valueAtStake);
    adfSection(content, "Why", why);
    if (!examples.isEmpty()) {
      content.add(heading("Examples (redacted)"));
      content.add(node("codeBlock", List.of(text(String.join("\n", examples)))));
    }
    if (draftedRule != null) {
      content.add(heading("Drafted rule"));
      content.add(node("codeBlock", List.of(text(draftedRule))));
    }
    Map<String, Object> link = text("Open on the Waarom board");
    link.put("marks", List.of(Map.of("type", "link", "attrs", Map.of("href", boardLink))));
    content.add(paragraph(link));
    Map<String, Object> code = text(itemId);
    code.put("marks", List.of(Map.of("type", "code")));
    content.add(node("paragraph", List.of(text("Waarom item: "), code)));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("type", "doc");
    doc.put("version", 1);
    doc.put("content", content);
    return doc;
  }

  private static void section(StringBuilder b, String heading, List<String> lines, String bullet) {
    if (lines.isEmpty()) {
      return;
    }
    b.append(heading).append("\n\n");
    lines.forEach(l -> b.append(bullet).append(l).append('\n'));
    b.append('\n');
  }

  private static void adfSection(List<Object> content, String heading, List<String> lines) {
    if (lines.isEmpty()) {
      return;
    }
    content.add(heading(heading));
    content.add(node("bulletList", lines.stream()
        .map(l -> (Object) node("listItem", List.of(paragraph(text(l))))).toList()));
  }

  private static Map<String, Object> heading(String text) {
    Map<String, Object> h = node("heading", List.of(text(text)));
    h.put("attrs", Map.of("level", 3));
    return h;
  }

  private static Map<String, Object> paragraph(Map<String, Object> text) {
    return node("paragraph", List.of(text));
  }

  private static Map<String, Object> node(String type, List<Object> content) {
    Map<String, Object> n = new LinkedHashMap<>();
    n.put("type", type);
    n.put("content", content);
    return n;
  }

  private static Map<String, Object> text(String text) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("type", "text");
    t.put("text", text.isEmpty() ? " " : text); // ADF text nodes must not be empty
    return t;
  }

  private static String fmt(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e12) {
      return Long.toString((long) v);
    }
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
