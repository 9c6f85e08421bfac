package nl.waarom.taxonomy;

import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarom.schemas.Preventability;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Walks the YAML node tree (which keeps line numbers, unlike a data-binding tree), collecting
 * every problem instead of stopping at the first. One instance reads one file.
 */
final class TaxonomyReader {
  private static final Set<String> TOP_LEVEL = Set.of("version", "reasons");
  private static final Set<String> REASON_FIELDS =
      Set.of("id", "name", "parent", "preventability", "owner", "rules", "examples");
  private static final Set<String> NAME_FIELDS = Set.of("nl", "en");

  private final String source;
  private final RuleCheck check;
  private final List<TaxonomyProblem> problems = new ArrayList<>();

  TaxonomyReader(String source, RuleCheck check) {
    this.source = source;
    this.check = check;
  }

  Taxonomy read(Reader yaml) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(yaml);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw fail(line, null, "not valid YAML: " + e.getProblem());
    } catch (YAMLException e) {
      throw fail(0, null, "not valid YAML: " + e.getMessage());
    }
    if (!(root instanceof MappingNode top)) {
      throw fail(root == null ? 1 : line(root), null, "expected a mapping with 'version' and 'reasons'");
    }
    Map<String, Node> fields = fields(top, TOP_LEVEL, null, "");
    String version = scalar(fields.get("version"), null, "version");
    if (version == null && !fields.containsKey("version")) {
      problem(line(top), null, "version is missing");
    }
    List<ReasonDraft> drafts = new ArrayList<>();
    Node reasons = fields.get("reasons");
    if (reasons instanceof SequenceNode list) {
      list.getValue().forEach(n -> drafts.add(draft(n)));
    } else {
      problem(reasons == null ? line(top) : line(reasons), null, "'reasons' must be a list");
    }
    List<Reason> built = build(drafts);
    checkStructure(drafts);
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparingInt(TaxonomyProblem::line)); // stable: same line keeps order
      throw new TaxonomyException(problems);
    }
    return new Taxonomy(version, built);
  }

  /** The fields of one entry, before parents are known (owner and preventability may inherit). */
  private static final class ReasonDraft {
    int line;
    String id;
    String parent;
    LocalizedName name;
    Node preventability;
    String owner;
    final List<String> rules = new ArrayList<>();
    final List<Example> examples = new ArrayList<>();
  }

  private ReasonDraft draft(Node node) {
    ReasonDraft d = new ReasonDraft();
    d.line = line(node);
    if (!(node instanceof MappingNode entry)) {
      problem(d.line, null, "a reason must be a mapping with id, name, ...");
      return d;
    }
    Map<String, Node> f = new LinkedHashMap<>();
    entry.getValue().forEach(t -> f.putIfAbsent(keyOf(t), t.getValueNode()));
    d.id = f.get("id") instanceof ScalarNode s ? s.getValue() : null;
    String who = d.id == null ? "#" + d.line : d.id;
    fields(entry, REASON_FIELDS, who, "");
    if (d.id == null) {
      problem(d.line, who, "id is missing");
    }
    d.parent = scalar(f.get("parent"), who, "parent");
    d.name = name(f.get("name"), who, d.line);
    d.preventability = f.get("preventability");
    d.owner = scalar(f.get("owner"), who, "owner");
    if (isTodo(d.owner)) {
      problem(line(f.get("owner")), who, "owner is still " + TaxonomyWriter.TODO + ": decide it");
    }
    rules(f.get("rules"), who, d.rules);
    examples(f.get("examples"), who, d.examples);
    return d;
  }

  /**
   * Duplicate ids, unknown parents, cycles, depth and empty reasons, also among entries that have
   * other problems: they are checked with stand-ins for the fields that are missing.
   */
  private void checkStructure(List<ReasonDraft> drafts) {
    List<Reason> shapes = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (ReasonDraft d : drafts) {
      try {
        shapes.add(new Reason(d.id, new LocalizedName("?", "?"), d.parent, Preventability.ASSIST,
            "?", d.rules, d.examples));
        lines.add(d.line);
      } catch (IllegalArgumentException e) {
        // reported already (bad id or parent)
      }
    }
    for (Taxonomy.Issue issue : Taxonomy.check(shapes)) {
      problem(lines.get(issue.index()), issue.reasonId(), issue.message());
    }
  }

  /** The entries that are complete enough to build. */
  private List<Reason> build(List<ReasonDraft> drafts) {
    Map<String, ReasonDraft> byId = new HashMap<>();
    drafts.forEach(d -> { if (d.id != null) { byId.putIfAbsent(d.id, d); } });
    List<Reason> reasons = new ArrayList<>();
    for (ReasonDraft d : drafts) {
      ReasonDraft parent = d.parent == null ? null : byId.get(d.parent);
      Preventability preventability = preventability(d, parent);
      String owner = d.owner != null || parent == null ? d.owner : parent.owner;
      String who = d.id == null ? "#" + d.line : d.id;
      if (owner == null) {
        problem(d.line, who, "owner is missing");
      }
      if (d.preventability == null && (parent == null || parent.preventability == null)) {
        problem(d.line, who, "preventability is missing (" + Preventabilities.SPELLINGS + ")");
      }
      if (d.id == null || d.name == null || owner == null || preventability == null) {
        continue;
      }
      try {
        reasons.add(new Reason(d.id, d.name, d.parent, preventability, owner, d.rules, d.examples));
      } catch (IllegalArgumentException e) {
        problem(d.line, d.id, e.getMessage());
      }
    }
    return reasons;
  }

  private Preventability preventability(ReasonDraft d, ReasonDraft parent) {
    Node node = d.preventability != null ? d.preventability
        : parent == null ? null : parent.preventability;
    String text = node instanceof ScalarNode s ? s.getValue() : null;
    if (text == null) {
      return null;
    }
    if (isTodo(text)) {
      if (node == d.preventability) {
        problem(line(node), d.id, "preventability is still " + TaxonomyWriter.TODO + ": decide it ("
            + Preventabilities.SPELLINGS + ")");
      }
      return null;
    }
    try {
      return Preventabilities.parse(text);
    } catch (IllegalArgumentException e) {
      if (node == d.preventability) { // the parent reports its own bad value
        problem(line(node), d.id, e.getMessage());
      }
      return null;
    }
  }

  private LocalizedName name(Node node, String who, int entryLine) {
    if (node == null) {
      problem(entryLine, who, "name is missing (name: {nl: ..., en: ...})");
      return null;
    }
    if (!(node instanceof MappingNode map)) {
      problem(line(node), who, "name must be a mapping {nl: ..., en: ...}");
      return null;
    }
    Map<String, Node> f = fields(map, NAME_FIELDS, who, "name.");
    String nl = scalar(f.get("nl"), who, "name.nl");
    String en = scalar(f.get("en"), who, "name.en");
    for (String lang : List.of("nl", "en")) {
      String value = lang.equals("nl") ? nl : en;
      if (value == null || value.isBlank()) {
        problem(line(node), who, "name." + lang + " is missing");
      } else if (isTodo(value)) {
        problem(line(node), who, "name." + lang + " is still " + TaxonomyWriter.TODO
            + ": decide it");
      }
    }
    return nl == null || en == null || nl.isBlank() || en.isBlank() || isTodo(nl) || isTodo(en)
        ? null : new LocalizedName(nl, en);
  }

  private void rules(Node node, String who, List<String> into) {
    if (node == null) {
      return;
    }
    if (!(node instanceof SequenceNode list)) {
      problem(line(node), who, "rules must be a list of strings");
      return;
    }
    for (Node item : list.getValue()) {
      String rule = scalar(item, who, "rules");
      if (rule == null) {
        continue;
      }
      into.add(rule); // kept even when bad, so the reason is not also reported as rule-less
      try {
        check.check(rule);
      } catch (IllegalArgumentException e) {
        problem(line(item), who, "rule '" + rule + "' does not parse: " + e.getMessage());
      }
    }
  }

  private void examples(Node node, String who, List<Example> into) {
    if (node == null) {
      return;
    }
    if (node instanceof SequenceNode list) { // language not stated
      list.getValue().forEach(item -> example(null, item, who, into));
    } else if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        String lang = keyOf(t);
        if (!(t.getValueNode() instanceof SequenceNode list)) {
          problem(line(t.getValueNode()), who, "examples." + lang + " must be a list of strings");
          continue;
        }
        list.getValue().forEach(item -> example(lang, item, who, into));
      }
    } else {
      problem(line(node), who, "examples must be a mapping {nl: [...], en: [...]} or a list");
    }
  }

  private void example(String lang, Node item, String who, List<Example> into) {
    String text = scalar(item, who, "examples");
    if (text != null) {
      try {
        into.add(new Example(lang, text));
      } catch (IllegalArgumentException e) {
        problem(line(item), who, e.getMessage());
      }
    }
  }

  /** The entries of a mapping by key; reports unknown and repeated keys. */
  private Map<String, Node> fields(MappingNode map, Set<String> known, String who, String prefix) {
    Map<String, Node> fields = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = keyOf(t);
      if (!known.contains(key)) {
        problem(line(t.getKeyNode()), who, "unknown field '" + prefix + key + "'");
      } else if (fields.putIfAbsent(key, t.getValueNode()) != null) {
        problem(line(t.getKeyNode()), who, "field '" + prefix + key + "' appears twice");
      }
    }
    return fields;
  }

  /** A scalar's text; null (with a problem) when the node is a list or mapping. */
  private String scalar(Node node, String who, String field) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    problem(line(node), who, field + " must be a single value");
    return null;
  }

  /**
   * Whether a value is a placeholder of a draft ({@code TODO}, or {@code TODO} and a suggestion):
   * a decision nobody has made yet, so the entry must not be used.
   */
  private static boolean isTodo(String value) {
    return value != null && (value.strip().equals(TaxonomyWriter.TODO)
        || value.strip().startsWith(TaxonomyWriter.TODO + " "));
  }

  private static String keyOf(NodeTuple t) {
    return t.getKeyNode() instanceof ScalarNode s ? s.getValue() : String.valueOf(t.getKeyNode());
  }

  private static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private void problem(int line, String reasonId, String message) {
    problems.add(new TaxonomyProblem(source, line, reasonId, message));
  }

  private TaxonomyException fail(int line, String reasonId, String message) {
    problem(line, reasonId, message);
    return new TaxonomyException(problems);
  }
}
