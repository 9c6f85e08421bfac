package nl.waarom.taxonomy;

import java.util.List;
import java.util.regex.Pattern;
import nl.waarom.schemas.Preventability;

/**
 * One contact reason of the taxonomy, or a group of reasons (an entry that other entries name as
 * their {@code parent}). Immutable; validated on construction. Whether a reason without rules and
 * examples is acceptable depends on whether it is a group, which only the {@link Taxonomy} knows.
 *
 * @param id stable identifier in lower-case kebab case, e.g. {@code payment-problem}; never null
 * @param name names in Dutch and English; never null
 * @param parent id of the group this reason belongs to; null for a top-level entry
 * @param preventability how contacts of this reason can be avoided; never null
 * @param owner team or role that owns the reason (free text); never blank
 * @param rules Lucene query strings; a contact matching any of them has this reason; never null
 * @param labelledExamples example texts with their language, in file order; never null
 */
public record Reason(String id, LocalizedName name, String parent, Preventability preventability,
    String owner, List<String> rules, List<Example> labelledExamples) {

  private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** The reason id used for contacts that match no reason; no taxonomy may define it. */
  public static final String UNEXPLAINED = "unexplained";

  public Reason {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("id '" + id + "' is not lower-case kebab case");
    }
    if (UNEXPLAINED.equals(id)) {
      throw new IllegalArgumentException("id '" + id + "' is reserved");
    }
    require(parent == null || ID.matcher(parent).matches(), "parent '" + parent
        + "' is not lower-case kebab case");
    require(!id.equals(parent), "a reason cannot be its own parent");
    require(name != null, "name is missing");
    require(preventability != null, "preventability is missing (" + Preventabilities.SPELLINGS + ")");
    require(owner != null && !owner.isBlank(), "owner is missing");
    rules = rules == null ? List.of() : List.copyOf(rules);
    for (String rule : rules) {
      require(!rule.isBlank(), "a rule is blank");
    }
    labelledExamples = labelledExamples == null ? List.of() : List.copyOf(labelledExamples);
  }

  /** A top-level reason with examples whose language is not stated. */
  public Reason(String id, LocalizedName name, Preventability preventability, String owner,
      List<String> rules, List<String> examples) {
    this(id, name, null, preventability, owner, rules,
        examples == null ? List.of() : examples.stream().map(e -> new Example(null, e)).toList());
  }

  /** The texts of every example, in file order (the training data of a learned model). */
  public List<String> examples() {
    return labelledExamples.stream().map(Example::text).toList();
  }

  /** The texts of the examples in one language ({@code nl}, {@code en}). */
  public List<String> examples(String language) {
    return labelledExamples.stream().filter(e -> language.equals(e.language()))
        .map(Example::text).toList();
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
