package nl.waarom.analyzer.taxonomy;

import java.util.List;
import java.util.regex.Pattern;
import nl.waarom.schemas.Preventability;

/**
 * One contact reason of the taxonomy. Immutable; validated on construction.
 *
 * @param id stable identifier in lower-case kebab case, e.g. {@code payment-problem}; never null
 * @param name names in Dutch and English; never null
 * @param preventability how contacts of this reason can be avoided; never null
 * @param owner team or role that owns the reason (free text); never blank
 * @param rules Lucene query strings; a contact matching any of them has this reason; never empty
 * @param examples labelled example sentences in Dutch and English; never null, may be empty
 */
public record Reason(String id, LocalizedName name, Preventability preventability, String owner,
    List<String> rules, List<String> examples) {

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
    require(name != null, "name is missing");
    require(preventability != null, "preventability is missing (PREVENT, SELF_SERVICE, AUTOMATE, ASSIST)");
    require(owner != null && !owner.isBlank(), "owner is missing");
    require(rules != null && !rules.isEmpty(), "rules are missing: a reason needs at least one rule");
    rules = List.copyOf(rules);
    for (String rule : rules) {
      require(!rule.isBlank(), "a rule is blank");
    }
    examples = examples == null ? List.of() : List.copyOf(examples);
  }

  private static void require(boolean condition, String problem) {
    if (!condition) {
      throw new IllegalArgumentException(problem);
    }
  }
}
