package nl.waarom.analyzer.sentiment;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the softmax temperature that turns decision values into probabilities: the one that
 * minimises the negative log-likelihood of held-out lines, each over the polarities its set has.
 * Golden-section search on the logarithm of the temperature, between 0.02 and 50.
 */
final class Temperature {
  private static final double PHI = (Math.sqrt(5) - 1) / 2;

  private Temperature() {}

  static double fit(SentimentModel model, Corpus corpus, List<Integer> heldOut) {
    List<double[]> values = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    for (int i : heldOut) {
      double[] s = model.decisionValues(corpus.text(i));
      if (s != null) {
        values.add(s.clone());
        lines.add(i);
      }
    }
    if (values.isEmpty()) {
      return 1;
    }
    double lo = Math.log(0.02);
    double hi = Math.log(50);
    double a = hi - PHI * (hi - lo);
    double b = lo + PHI * (hi - lo);
    double fa = nll(values, lines, corpus, Math.exp(a));
    double fb = nll(values, lines, corpus, Math.exp(b));
    for (int step = 0; step < 60; step++) {
      if (fa < fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - PHI * (hi - lo);
        fa = nll(values, lines, corpus, Math.exp(a));
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + PHI * (hi - lo);
        fb = nll(values, lines, corpus, Math.exp(b));
      }
    }
    return Math.exp((lo + hi) / 2);
  }

  private static double nll(List<double[]> values, List<Integer> lines, Corpus corpus, double t) {
    double total = 0;
    for (int k = 0; k < values.size(); k++) {
      double[] s = values.get(k);
      int i = lines.get(k);
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < s.length; c++) {
        if (corpus.annotates(i, c)) {
          max = Math.max(max, s[c] / t);
        }
      }
      double z = 0;
      for (int c = 0; c < s.length; c++) {
        if (corpus.annotates(i, c)) {
          z += Math.exp(s[c] / t - max);
        }
      }
      total -= s[corpus.label(i)] / t - max - Math.log(z);
    }
    return total / values.size();
  }
}
