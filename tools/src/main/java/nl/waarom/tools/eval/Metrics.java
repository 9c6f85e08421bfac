package nl.waarom.tools.eval;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Classification metrics over paired true and predicted labels. A prediction of
 * {@link #UNKNOWN} (the model's "unexplained") never equals an in-scope truth.
 *
 * <p>With an unknown label {@code u}: in-scope accuracy is the accuracy over texts whose truth is
 * not {@code u}; out-of-scope precision and recall treat "predicted unknown or predicted {@code u}"
 * as the positive class. Macro-F1 averages the per-label F1 over the in-scope labels that occur in
 * the truth.
 */
public final class Metrics {
  /** The prediction that stands for "the model does not know". */
  public static final String UNKNOWN = "\u0000unknown";

  private final List<String> truth;
  private final List<String> predicted;
  private final String unknownLabel;

  public Metrics(List<String> truth, List<String> predicted, String unknownLabel) {
    if (truth.size() != predicted.size() || truth.isEmpty()) {
      throw new IllegalArgumentException("need equally many, non-zero, truths and predictions");
    }
    this.truth = List.copyOf(truth);
    this.predicted = List.copyOf(predicted);
    this.unknownLabel = unknownLabel;
  }

  private boolean isOos(String label) {
    return UNKNOWN.equals(label) || (unknownLabel != null && unknownLabel.equals(label));
  }

  /** Share of texts whose prediction equals the truth (an unknown prediction matches an unknown truth). */
  public double accuracy() {
    int right = 0;
    for (int i = 0; i < truth.size(); i++) {
      String t = truth.get(i);
      String p = predicted.get(i);
      right += t.equals(p) || (isOos(t) && isOos(p)) ? 1 : 0;
    }
    return (double) right / truth.size();
  }

  /** Accuracy over texts whose truth is in scope; predicting unknown counts as wrong. */
  public double inScopeAccuracy() {
    int right = 0;
    int n = 0;
    for (int i = 0; i < truth.size(); i++) {
      if (!isOos(truth.get(i))) {
        n++;
        right += truth.get(i).equals(predicted.get(i)) ? 1 : 0;
      }
    }
    return n == 0 ? Double.NaN : (double) right / n;
  }

  public double macroF1() {
    Map<String, int[]> counts = new HashMap<>(); // tp, fp, fn
    Set<String> inScope = new HashSet<>();
    for (int i = 0; i < truth.size(); i++) {
      String t = truth.get(i);
      String p = predicted.get(i);
      if (!isOos(t)) {
        inScope.add(t);
      }
      if (Objects.equals(t, p)) {
        counts.computeIfAbsent(t, k -> new int[3])[0]++;
      } else {
        counts.computeIfAbsent(p, k -> new int[3])[1]++;
        counts.computeIfAbsent(t, k -> new int[3])[2]++;
      }
    }
    double sum = 0;
    for (String label : inScope) {
      int[] c = counts.get(label);
      int denominator = 2 * c[0] + c[1] + c[2];
      sum += denominator == 0 ? 0 : 2.0 * c[0] / denominator;
    }
    return inScope.isEmpty() ? Double.NaN : sum / inScope.size();
  }

  public double oosPrecision() {
    int predictedOos = 0;
    int right = 0;
    for (int i = 0; i < truth.size(); i++) {
      if (isOos(predicted.get(i))) {
        predictedOos++;
        right += isOos(truth.get(i)) ? 1 : 0;
      }
    }
    return predictedOos == 0 ? Double.NaN : (double) right / predictedOos;
  }

  public double oosRecall() {
    int oos = 0;
    int caught = 0;
    for (int i = 0; i < truth.size(); i++) {
      if (isOos(truth.get(i))) {
        oos++;
        caught += isOos(predicted.get(i)) ? 1 : 0;
      }
    }
    return oos == 0 ? Double.NaN : (double) caught / oos;
  }
}
