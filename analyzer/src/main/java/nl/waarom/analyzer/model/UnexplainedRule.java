package nl.waarom.analyzer.model;

/**
 * When the model leaves a text unexplained: its top probability is below {@code probability}
 * <em>and</em> its evidence is below {@code evidence}. Both parts are needed because a low top
 * probability has two causes: two or three known reasons compete for the text (it is most likely
 * in scope, and one of them is often right), or no reason claims it at all (the out-of-scope
 * case). The evidence tells them apart (see {@link Calibration#evidence}). Immutable.
 *
 * @param probability the top probability below which a text may be unexplained, in (0, 1];
 *                    {@link #MORE_LIKELY_WRONG} unless raised by a floor
 * @param evidence    the evidence below which such a text is unexplained; positive infinity when
 *                    the probability alone decides
 */
record UnexplainedRule(double probability, double evidence) {
  /**
   * Below a calibrated probability of one half an answer is more likely wrong than right: giving it
   * costs more wrong answers than withholding it costs right ones (Chow's rule at equal costs).
   */
  static final double MORE_LIKELY_WRONG = 0.5;

  UnexplainedRule {
    if (!(probability > 0 && probability <= 1) || Double.isNaN(evidence)) {
      throw new IllegalArgumentException("invalid rule: p<" + probability + " e<" + evidence);
    }
  }

  boolean unexplained(double topProbability, double textEvidence) {
    return topProbability < probability && textEvidence < evidence;
  }

  /** This rule, raised if needed so that a text with exactly these figures is unexplained. */
  UnexplainedRule atLeastAbove(double topProbability, double textEvidence) {
    return new UnexplainedRule(Math.max(probability, Math.min(1.0, Math.nextUp(topProbability))),
        Math.max(evidence, Math.nextUp(textEvidence)));
  }
}
