package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Trains a {@link ReasonModel} from labelled texts, in-process.
 *
 * <p>Steps: cross-validate ({@link CrossValidation}: with few examples per label every example is
 * held out once), fit the softmax temperature and the unexplained threshold on the held-out
 * decision values ({@link Calibration}), then fit on all examples and keep the calibration. The
 * threshold is raised, if needed, just above the top probability of a text without any known
 * n-gram. The test data of an evaluation is never seen.
 */
public final class ModelTrainer {
  private ModelTrainer() {
  }

  public static ReasonModel train(List<LabeledText> examples, TrainOptions options) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("no training examples");
    }
    Map<String, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < examples.size(); i++) {
      byLabel.computeIfAbsent(examples.get(i).label(), k -> new ArrayList<>()).add(i);
    }
    if (byLabel.size() < 2) {
      throw new IllegalArgumentException("need at least two labels, got " + byLabel.keySet());
    }
    List<String> labels = List.copyOf(byLabel.keySet());
    int unknown = options.unknownLabel() == null ? -1 : labels.indexOf(options.unknownLabel());
    List<char[]> folded = new ArrayList<>(examples.size());
    int[] y = new int[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      folded.add(TextFolding.fold(examples.get(i).text()));
      y[i] = Collections.binarySearch(labels, examples.get(i).label());
    }
    CrossValidation.HeldOut heldOut = CrossValidation.run(folded, y, labels.size(), options);
    double temperature = Calibration.fitTemperature(heldOut.logits(), heldOut.truth());
    double[] top = new double[heldOut.size()];
    boolean[] right = new boolean[heldOut.size()];
    for (int k = 0; k < heldOut.size(); k++) {
      double[] p = ReasonModel.softmax(heldOut.logits()[k].clone(), temperature);
      int best = argMax(p);
      top[k] = p[best];
      right[k] = best == heldOut.truth()[k];
    }
    double threshold = Calibration.threshold(top, right, heldOut.truth(), unknown,
        options.maxAccuracyLoss());
    LinearFit.Fitted full = LinearFit.fit(folded, y, labels.size(), options);
    ReasonModel model = new ReasonModel(labels, full, temperature, threshold, unknown, options.topK());
    // A text no more telling than one without a single known n-gram is never explained; this
    // floor matters when there are so few examples that the held-out part cannot set a threshold.
    double noEvidence = model.predict("").top().probability();
    return noEvidence < threshold ? model
        : new ReasonModel(labels, full, temperature, Math.nextUp(noEvidence), unknown, options.topK());
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      best = values[c] > values[best] ? c : best;
    }
    return best;
  }
}
