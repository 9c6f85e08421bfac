package nl.waarom.analyzer.model;

import java.util.Arrays;

/**
 * Turns held-out decision values (from {@link CrossValidation}) into what makes a confidence mean
 * something: the softmax temperature that minimises the held-out negative log-likelihood, and the
 * {@link UnexplainedRule}.
 *
 * <p>The rule, the same with or without an unknown label: a text is unexplained when its top
 * probability is below one half (it is more likely wrong than right) and its evidence is low. How
 * low: the evidence threshold is the highest that withholds at most {@code maxAccuracyLoss}
 * (default 2 %) of the held-out in-scope texts as right answers; wrong answers withheld cost
 * nothing. For a model that is right about most texts it is sure of, the budget is not reached and
 * the evidence plays no part (every text below one half is unexplained); for a model trained on a
 * handful of examples per reason, which is unsure of much that it gets right, the budget keeps it
 * answering and spends what it may withhold on the texts no reason claims. The rule needs no
 * unknown examples and does not rely on the few out-of-scope examples a training set holds (those
 * tend to be easier to recognise than the out-of-scope contacts that really arrive). Texts whose
 * top label is the unknown label are unknown regardless.
 */
final class Calibration {
  private Calibration() {
  }

  /** The temperature; 1 when nothing was held out. */
  static double fitTemperature(double[][] logits, int[] truth) {
    double best = 1;
    if (logits.length == 0) {
      return best;
    }
    double bestLoss = Double.POSITIVE_INFINITY;
    for (double logT = -5; logT <= 3; logT += 0.05) {
      double t = Math.exp(logT);
      double loss = nll(logits, truth, t);
      if (loss < bestLoss) {
        bestLoss = loss;
        best = t;
      }
    }
    return best;
  }

  /**
   * Held-out negative log-likelihood at temperature {@code t}, against targets smoothed by
   * 1 / (n + 2) (Laplace's rule of succession). Without smoothing, a small held-out set that the
   * model gets entirely right drives the temperature to zero and every probability to 1.0 — a
   * model trained on a taxonomy's handful of examples would then be certain of everything. With
   * thousands of held-out texts the smoothing is negligible.
   */
  static double nll(double[][] logits, int[] truth, double t) {
    double epsilon = 1.0 / (logits.length + 2);
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (double v : logits[i]) {
        max = Math.max(max, v);
      }
      double z = 0;
      double all = 0;
      for (double v : logits[i]) {
        z += Math.exp((v - max) / t);
        all += (v - max) / t;
      }
      double logZ = Math.log(z);
      int k = logits[i].length;
      sum += (1 - epsilon) * (logZ - (logits[i][truth[i]] - max) / t)
          + epsilon * (logZ - all / k);
    }
    return sum / logits.length;
  }

  /**
   * How strongly any label claims the text: the log-sum-exp of the decision values at temperature
   * {@code t}, a smooth maximum, high when one or more one-vs-rest models accept the text and low
   * when all reject it. Computed from the top decision value and the top probability (which hold
   * the same information), so a prediction pays one logarithm for it.
   */
  static double evidence(double topLogit, double topProbability, double t) {
    return topLogit - t * Math.log(topProbability);
  }

  /**
   * The rule from held-out decision values: unexplained below {@code probability} (one half, or a
   * floor above it) when the evidence is also below the threshold that withholds at most
   * {@code maxLoss} of the held-out in-scope texts as right answers.
   *
   * @param logits  decision values per held-out text (not modified)
   * @param truth   true class per held-out text
   * @param t       the fitted temperature
   * @param unknown the unknown class, or -1; its held-out texts do not count
   */
  static UnexplainedRule rule(double[][] logits, int[] truth, double t, int unknown,
      double probability, double maxLoss) {
    int inScope = 0;
    double[] candidates = new double[logits.length];
    int n = 0;
    for (int i = 0; i < logits.length; i++) {
      if (truth[i] == unknown) {
        continue;
      }
      inScope++;
      double[] p = ReasonModel.softmax(logits[i].clone(), t);
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      if (best == truth[i] && p[best] < probability) {
        candidates[n++] = evidence(logits[i][best], p[best], t);
      }
    }
    int mayLose = (int) Math.floor(maxLoss * inScope + 1e-9);
    if (n <= mayLose) {
      return new UnexplainedRule(probability, Double.POSITIVE_INFINITY);
    }
    // Strictly below the (mayLose + 1)-th lowest: at most mayLose right answers are withheld.
    double[] sorted = Arrays.copyOf(candidates, n);
    Arrays.sort(sorted);
    return new UnexplainedRule(probability, sorted[mayLose]);
  }
}
