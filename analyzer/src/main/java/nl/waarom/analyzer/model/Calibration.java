package nl.waarom.analyzer.model;

import java.util.Arrays;

/**
 * Turns held-out decision values (from {@link CrossValidation}) into the two numbers that make a confidence mean something: the
 * softmax temperature that minimises the held-out negative log-likelihood, and the unexplained
 * threshold on the top probability.
 *
 * <p>Threshold rule, the same with or without an unknown label: the highest threshold that costs at
 * most {@code maxAccuracyLoss} (default 0.01) of held-out in-scope accuracy, i.e. that sends at
 * most one in a hundred held-out in-scope texts the model got right to "unexplained". It is a
 * policy a team can state and check, it needs no unknown examples, and it does not rely on the few
 * out-of-scope examples a training set holds (those tend to be much easier to recognise than the
 * out-of-scope contacts that really arrive). Texts whose top label is the unknown label are
 * unknown regardless of the threshold.
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
   * The unexplained threshold: the highest top probability at which the held-out in-scope accuracy
   * (a text below the threshold counts as wrong) is still within {@code maxLoss} of the accuracy
   * without any threshold.
   *
   * @param top     top probability per held-out text
   * @param right   whether the top label is the truth, per held-out text
   * @param truth   true class per held-out text
   * @param unknown the unknown class, or -1
   */
  static double threshold(double[] top, boolean[] right, int[] truth, int unknown, double maxLoss) {
    int n = 0;
    int correct = 0;
    double[] rightTops = new double[top.length];
    for (int i = 0; i < top.length; i++) {
      if (truth[i] != unknown) {
        n++;
        if (right[i]) {
          rightTops[correct++] = top[i];
        }
      }
    }
    if (correct == 0) {
      return 0.0;
    }
    // Raising the threshold past the k lowest right answers loses k right answers.
    double[] sorted = Arrays.copyOf(rightTops, correct);
    Arrays.sort(sorted);
    int mayLose = (int) Math.floor(maxLoss * n + 1e-9);
    return mayLose == 0 ? 0.0 : sorted[Math.min(mayLose, correct) - 1];
  }
}
