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
 * held out once), fit the softmax temperature and the {@link UnexplainedRule} on the held-out
 * decision values ({@link Calibration}), then fit on all examples and keep the calibration. The
 * rule is raised, if needed, so that a text without any known n-gram is unexplained. The test data
 * of an evaluation is never seen.
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
    LinearFit.Fitted full = LinearFit.fit(folded, y, labels.size(), options);
    // A text no more telling than one without a single known n-gram is never explained; this
    // floor matters when there are so few examples, or labels, that the held-out part cannot (with
    // two labels every top probability is at least one half). The probability part of the floor
    // comes first: the evidence threshold is set among the texts below it.
    double[] none = full.decisionValues(new char[0], full.vectorizer().newScratch());
    double noneTop = none[argMax(none)];
    double noneP = ReasonModel.softmax(none.clone(), temperature)[argMax(none)];
    double probability = Math.max(UnexplainedRule.MORE_LIKELY_WRONG,
        Math.min(1.0, Math.nextUp(noneP)));
    UnexplainedRule rule = Calibration.rule(heldOut.logits(), heldOut.truth(), temperature,
        unknown, probability, options.maxAccuracyLoss())
        .atLeastAbove(noneP, Calibration.evidence(noneTop, noneP, temperature));
    return new ReasonModel(labels, full, temperature, rule, unknown, options.topK());
  }

  private static int argMax(double[] values) {
    int best = 0;
    for (int c = 1; c < values.length; c++) {
      best = values[c] > values[best] ? c : best;
    }
    return best;
  }
}
