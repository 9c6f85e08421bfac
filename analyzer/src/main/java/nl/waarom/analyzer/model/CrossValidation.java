package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold cross-validation for the calibration: each fold's model is fitted without that
 * fold and scores it, so every held-out decision value comes from a model that never saw the text.
 *
 * <p>Which examples: each label's examples are shuffled (seeded) and dealt round-robin over the
 * {@code k} folds, each label starting where the previous one stopped, so the folds are nearly
 * equal in size and every label is spread over them. A label's only example is never held out (a
 * model without it could not know the label). Folds run in order until
 * {@code heldOutPerLabel} texts per label, on average, have been held out, or all {@code k} have
 * run. With few examples per label, as in a taxonomy's handful, that is every fold: every example
 * is held out exactly once. With many (CLINC150's 100 per label give 20 per fold) one or two folds
 * already give thousands of held-out texts; the rest would multiply the training time, since each
 * fold is a full fit, and barely move the calibration.
 */
final class CrossValidation {
  /**
   * Decision values of the held-out texts.
   *
   * @param logits   one row of raw decision values per held-out text
   * @param truth    the true label of each held-out text
   * @param foldsRun how many folds were fitted
   */
  record HeldOut(double[][] logits, int[] truth, int foldsRun) {
    int size() {
      return truth.length;
    }
  }

  private CrossValidation() {
  }

  /** The fold of each example, or -1 for an example that is never held out. */
  static int[] assign(int[] y, int labels, int k, long seed) {
    List<List<Integer>> byLabel = new ArrayList<>();
    for (int c = 0; c < labels; c++) {
      byLabel.add(new ArrayList<>());
    }
    for (int i = 0; i < y.length; i++) {
      byLabel.get(y[i]).add(i);
    }
    int[] fold = new int[y.length];
    Arrays.fill(fold, -1);
    Random random = new Random(seed);
    int next = 0;
    for (List<Integer> indices : byLabel) {
      if (indices.size() < 2) {
        continue;
      }
      Collections.shuffle(indices, random);
      for (int index : indices) {
        fold[index] = next;
        next = (next + 1) % k;
      }
    }
    return fold;
  }

  /** Fits fold models in order until enough texts are held out and returns their decision values. */
  static HeldOut run(List<char[]> texts, int[] y, int labels, TrainOptions options) {
    int k = options.folds();
    int[] fold = assign(y, labels, k, options.seed());
    long wanted = Math.min((long) options.heldOutPerLabel() * labels, y.length);
    List<double[]> logits = new ArrayList<>();
    List<Integer> truth = new ArrayList<>();
    int run = 0;
    for (int f = 0; f < k && logits.size() < wanted; f++) {
      List<char[]> fitTexts = new ArrayList<>();
      List<Integer> fitY = new ArrayList<>();
      List<Integer> heldOut = new ArrayList<>();
      for (int i = 0; i < y.length; i++) {
        if (fold[i] == f) {
          heldOut.add(i);
        } else {
          fitTexts.add(texts.get(i));
          fitY.add(y[i]);
        }
      }
      if (heldOut.isEmpty()) {
        continue;
      }
      LinearFit.Fitted model = LinearFit.fit(fitTexts,
          fitY.stream().mapToInt(Integer::intValue).toArray(), labels, options);
      Vectorizer.Scratch scratch = model.vectorizer().newScratch();
      for (int i : heldOut) {
        logits.add(model.decisionValues(texts.get(i), scratch));
        truth.add(y[i]);
      }
      run++;
    }
    return new HeldOut(logits.toArray(double[][]::new),
        truth.stream().mapToInt(Integer::intValue).toArray(), run);
  }
}
