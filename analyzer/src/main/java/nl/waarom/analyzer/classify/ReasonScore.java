package nl.waarom.analyzer.classify;

import java.util.List;
import nl.waarom.schemas.ReasonSource;

/**
 * One reason found in a contact, by rules or by the learned model.
 *
 * @param reasonId id of a taxonomy reason; never null
 * @param confidence 0..1
 * @param source RULE when at least one rule matched (possibly confirmed by the model), MODEL when
 *     only the model found it; never null
 * @param matchedRules how many of the reason's rules matched; at least 1 for RULE, 0 for MODEL
 * @param evidence matched terms in turn order; never null, empty for MODEL and for rules that
 *     match without terms (e.g. a pure negation)
 */
public record ReasonScore(String reasonId, double confidence, ReasonSource source,
    int matchedRules, List<EvidenceSpan> evidence) {

  public ReasonScore {
    if (reasonId == null || source == null || confidence < 0 || confidence > 1 || matchedRules < 0
        || (source == ReasonSource.RULE) != (matchedRules > 0)) {
      throw new IllegalArgumentException("invalid score for " + reasonId);
    }
    evidence = List.copyOf(evidence);
  }

  /** A reason found by {@code matchedRules} rules, with their evidence. */
  static ReasonScore byRules(String reasonId, int matchedRules, List<EvidenceSpan> evidence) {
    return new ReasonScore(reasonId, ruleConfidence(matchedRules), ReasonSource.RULE, matchedRules,
        evidence);
  }

  /** A reason only the model found, with its calibrated probability as confidence. */
  static ReasonScore byModel(String reasonId, double probability) {
    return new ReasonScore(reasonId, probability, ReasonSource.MODEL, 0, List.of());
  }

  /**
   * This rule-found reason, confirmed by the model with {@code probability}: two independent
   * signals agreeing, so the confidence is 1 - (1 - rule)(1 - model), at most 0.99.
   */
  ReasonScore confirmedBy(double probability) {
    double combined = Math.min(0.99, 1 - (1 - confidence) * (1 - probability));
    return new ReasonScore(reasonId, Math.max(confidence, combined), source, matchedRules, evidence);
  }

  /**
   * Rule confidence: 0.9 for one matched rule, 0.03 more for every further rule of the same
   * reason, at most 0.99. Rules are written to be precise, so one hit is already strong; several
   * independent rules agreeing is stronger still.
   */
  static double ruleConfidence(int matchedRules) {
    return Math.min(0.99, 0.9 + 0.03 * (matchedRules - 1));
  }
}
