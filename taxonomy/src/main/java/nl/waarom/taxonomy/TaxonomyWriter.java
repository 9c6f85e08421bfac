package nl.waarom.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import nl.waarom.schemas.Preventability;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Writes a taxonomy as the YAML that {@link TaxonomyLoader} reads (format: {@code
 * docs/taxonomy.md}), in the layout of the default taxonomy: entries indented under
 * {@code reasons:}, names as {@code {nl: ..., en: ...}}, rules single-quoted (Lucene queries are
 * full of {@code "} and {@code :}), examples per language. Reading the output back gives an equal
 * {@link Taxonomy}, provided each reason's examples are grouped by language (the file groups them,
 * so interleaved languages read back grouped).
 *
 * <p>What it writes is an {@link Entry}: a reason's fields as text, so that an entry can also be a
 * draft whose undecided fields hold a {@value #TODO} placeholder, which the loader refuses. Stateless.
 */
public final class TaxonomyWriter {
  /** The placeholder of a field someone still has to decide; the loader refuses it. */
  public static final String TODO = "TODO";

  private TaxonomyWriter() {}

  /**
   * One entry of the {@code reasons:} list, field by field as written.
   *
   * @param id never null
   * @param nameNl Dutch name; never null
   * @param nameEn English name; never null
   * @param parent may be null (top-level entry)
   * @param preventability e.g. {@code self-service}; null when inherited from the parent
   * @param owner null when inherited from the parent
   * @param rules never null
   * @param examples never null; either none or all with a language
   */
  public record Entry(String id, String nameNl, String nameEn, String parent,
      String preventability, String owner, List<String> rules, List<Example> examples) {
    public Entry {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(nameNl, "nameNl");
      Objects.requireNonNull(nameEn, "nameEn");
      rules = List.copyOf(rules);
      examples = List.copyOf(examples);
      long labelled = examples.stream().filter(e -> e.language() != null).count();
      if (labelled != 0 && labelled != examples.size()) {
        throw new IllegalArgumentException(id + ": examples must all have a language or none");
      }
    }

    /** The entry of a reason, every field stated (nothing left to inherit). */
    public static Entry of(Reason r) {
      return new Entry(r.id(), r.name().nl(), r.name().en(), r.parent(),
          spelling(r.preventability()), r.owner(), r.rules(), r.labelledExamples());
    }

    /**
     * A draft of a new top-level reason: names, preventability and owner are {@value #TODO}
     * placeholders (the names followed by a suggestion) until someone decides them.
     *
     * @param suggestedName shown after {@code TODO} in both names; never null
     */
    public static Entry draft(String id, String suggestedName, List<String> rules,
        List<String> examples) {
      String name = TODO + " " + suggestedName;
      return new Entry(id, name, name, null, TODO, TODO, rules,
          examples.stream().map(e -> new Example(null, e)).toList());
    }
  }

  /** A whole taxonomy file. */
  public static String write(Taxonomy taxonomy) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("version", taxonomy.version());
    doc.put("reasons", taxonomy.reasons().stream().map(Entry::of).map(TaxonomyWriter::map).toList());
    return yaml().dump(doc);
  }

  /**
   * Entries as they appear under {@code reasons:} in a file (each line indented by two spaces),
   * for pasting into one.
   */
  public static String entries(List<Entry> entries) {
    Map<String, Object> doc = Map.of("reasons", entries.stream().map(TaxonomyWriter::map).toList());
    String yaml = yaml().dump(doc);
    return yaml.substring(yaml.indexOf('\n') + 1);
  }

  /** How a preventability is spelled in a file: {@code self-service}. */
  public static String spelling(Preventability p) {
    return p.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static Map<String, Object> map(Entry e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", e.id());
    if (e.parent() != null) {
      m.put("parent", e.parent());
    }
    Map<String, String> name = new LinkedHashMap<>();
    name.put("nl", e.nameNl());
    name.put("en", e.nameEn());
    m.put("name", new Flow(name));
    if (e.preventability() != null) {
      m.put("preventability", e.preventability());
    }
    if (e.owner() != null) {
      m.put("owner", e.owner());
    }
    if (!e.rules().isEmpty()) {
      m.put("rules", e.rules().stream().map(Quoted::new).toList());
    }
    if (!e.examples().isEmpty()) {
      m.put("examples", examples(e.examples()));
    }
    return m;
  }

  private static Object examples(List<Example> examples) {
    if (examples.get(0).language() == null) {
      return examples.stream().map(Example::text).toList();
    }
    Map<String, List<String>> byLanguage = new LinkedHashMap<>();
    for (Example x : examples) {
      byLanguage.computeIfAbsent(x.language(), k -> new ArrayList<>()).add(x.text());
    }
    return byLanguage;
  }

  /** A scalar written single-quoted. */
  private record Quoted(String text) {}

  /** A mapping written on one line, {@code {nl: ..., en: ...}}. */
  private record Flow(Map<String, String> map) {}

  private static Yaml yaml() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(2);
    options.setIndentWithIndicator(true);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setAllowUnicode(true);
    Representer representer = new Representer(options) {
      {
        representers.put(Quoted.class, data -> representScalar(Tag.STR, ((Quoted) data).text(),
            DumperOptions.ScalarStyle.SINGLE_QUOTED));
        representers.put(Flow.class, data -> representMapping(Tag.MAP, ((Flow) data).map(),
            DumperOptions.FlowStyle.FLOW));
      }
    };
    return new Yaml(representer, options);
  }
}
