package nl.waarom.analyzer.classify;

import java.util.List;
import nl.waarom.schemas.ReasonSource;

/**
 * One reason found in a contact, by rules or by the learned model.
 *
 * @param reasonId id of a taxonomy reason; never null
 * @param confidence 0..1: how sure it is that the contact has this reason
 * @param source RULE when at least one rule matched (possibly confirmed by the model), MODEL when
 *     only the model found it, FEEDBACK when an editor said so for this very contact; never null
 * @param matchedRules how many of the reason's rules matched; at least 1 for RULE, 0 for MODEL
 * @param specificity what the rules' evidence weighs: the specificity of the words they matched
 *     ({@link Specificity}); 0 for MODEL
 * @param modelProbability the learned model's probability for this reason, 0..1 (0 without a
 *     model)
 * @param strength the reason's share of the vote that orders the reasons: {@code specificity}
 *     plus the model's vote weight times {@code modelProbability}; the strongest is the primary
 * @param evidence matched terms (RULE) or the words that weighed most for the model (MODEL), in
 *     turn order (the subject first); never null, empty for rules that match without terms
 *     (e.g. a pure negation)
 */
public record ReasonScore(String reasonId, double confidence, ReasonSource source,
    int matchedRules, double specificity, double modelProbability, double strength,
    List<EvidenceSpan> evidence) {

  public ReasonScore {
    if (reasonId == null || source == null || !(confidence >= 0 && confidence <= 1)
        || matchedRules < 0 || (source == ReasonSource.RULE) != (matchedRules > 0)
        || !(specificity >= 0) || !(modelProbability >= 0 && modelProbability <= 1)
        || !(strength >= 0)) {
      throw new IllegalArgumentException("invalid score for " + reasonId);
    }
    evidence = List.copyOf(evidence);
  }

  /** A reason found by {@code matchedRules} rules whose evidence weighs {@code specificity}. */
  static ReasonScore byRules(String reasonId, int matchedRules, double specificity,
      List<EvidenceSpan> evidence) {
    return new ReasonScore(reasonId, ruleConfidence(matchedRules), ReasonSource.RULE, matchedRules,
        specificity, 0, specificity, evidence);
  }

  /** The reason an editor gave this very contact: confidence 1, no evidence. */
  static ReasonScore byFeedback(String reasonId) {
    return new ReasonScore(reasonId, 1.0, ReasonSource.FEEDBACK, 0, 0, 0, 0, List.of());
  }

  /**
   * A reason only the model found, with its calibrated probability as confidence.
   *
   * @param voteWeight what a certain model's vote weighs
   */
  static ReasonScore byModel(String reasonId, double probability, double voteWeight,
      List<EvidenceSpan> evidence) {
    return new ReasonScore(reasonId, probability, ReasonSource.MODEL, 0, 0, probability,
        voteWeight * probability, evidence);
  }

  /**
   * This rule-found reason with the model's vote added: {@code voteWeight} times the model's
   * probability. When the model is sure enough to speak ({@code confirms}), two independent
   * signals agree and the confidence becomes 1 - (1 - rule)(1 - model), at most 0.99.
   */
  ReasonScore withModel(double probability, double voteWeight, boolean confirms) {
    double confirmed = confirms
        ? Math.max(confidence, Math.min(0.99, 1 - (1 - confidence) * (1 - probability)))
        : confidence;
    return new ReasonScore(reasonId, confirmed, source, matchedRules, specificity, probability,
        specificity + voteWeight * probability, evidence);
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
