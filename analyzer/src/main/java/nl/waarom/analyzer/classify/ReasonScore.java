package nl.waarom.analyzer.classify;

import java.util.List;

/**
 * One reason found in a contact.
 *
 * @param reasonId id of a taxonomy reason; never null
 * @param confidence 0..1
 * @param matchedRules how many of the reason's rules matched; at least 1
 * @param evidence matched terms in turn order; never null, may be empty for rules that match
 *     without terms (e.g. a pure negation)
 */
public record ReasonScore(String reasonId, double confidence, int matchedRules,
    List<EvidenceSpan> evidence) {

  public ReasonScore {
    if (reasonId == null || confidence < 0 || confidence > 1 || matchedRules < 1) {
      throw new IllegalArgumentException("invalid score for " + reasonId);
    }
    evidence = List.copyOf(evidence);
  }

  /**
   * Rule confidence: 0.9 for one matched rule, 0.03 more for every further rule of the same
   * reason, at most 0.99. Rules are written to be precise, so one hit is already strong; several
   * independent rules agreeing is stronger still. A learned model will replace this.
   */
  static double ruleConfidence(int matchedRules) {
    return Math.min(0.99, 0.9 + 0.03 * (matchedRules - 1));
  }
}
