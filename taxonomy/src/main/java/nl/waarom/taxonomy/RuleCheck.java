package nl.waarom.taxonomy;

/**
 * Checks that one rule of a reason is well-formed. The taxonomy itself does not know the query
 * language; the classifier supplies a check that parses the rule with the same parser it uses to
 * match.
 */
@FunctionalInterface
public interface RuleCheck {
  /** Accepts every rule; use when the rules are checked later anyway. */
  RuleCheck NONE = rule -> { };

  /**
   * @param rule the rule text, never null
   * @throws IllegalArgumentException with a reason when the rule is not valid
   */
  void check(String rule);
}
