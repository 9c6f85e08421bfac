package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Trains a {@link ReasonModel} from labelled texts, in-process.
 *
 * <p>Steps: hold out a stratified {@code heldOutFraction} of the examples (every label keeps at
 * least one training example), fit on the rest, fit the softmax temperature and the unexplained
 * threshold on the held-out part ({@link Calibration}), then fit again on all examples and keep
 * the calibration. The threshold is raised, if needed, just above the top probability of a text
 * without any known n-gram. The test data of an evaluation is never seen.
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
    boolean[] heldOut = split(byLabel, options);
    List<char[]> fitTexts = new ArrayList<>();
    List<Integer> fitY = new ArrayList<>();
    List<Integer> calIdx = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (heldOut[i]) {
        calIdx.add(i);
      } else {
        fitTexts.add(folded.get(i));
        fitY.add(y[i]);
      }
    }
    LinearFit.Fitted partial = LinearFit.fit(fitTexts,
        fitY.stream().mapToInt(Integer::intValue).toArray(), labels.size(), options);
    ReasonModel probe = new ReasonModel(labels, partial, 1.0, 0.0, unknown, 1);
    double[][] logits = new double[calIdx.size()][];
    int[] truth = new int[calIdx.size()];
    for (int k = 0; k < calIdx.size(); k++) {
      logits[k] = probe.logits(folded.get(calIdx.get(k))).clone();
      truth[k] = y[calIdx.get(k)];
    }
    double temperature = Calibration.fitTemperature(logits, truth);
    double[] top = new double[logits.length];
    boolean[] right = new boolean[logits.length];
    for (int k = 0; k < logits.length; k++) {
      double[] p = ReasonModel.softmax(logits[k].clone(), temperature);
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      top[k] = p[best];
      right[k] = best == truth[k];
    }
    double threshold = Calibration.threshold(top, right, truth, unknown, options.maxAccuracyLoss());
    LinearFit.Fitted full = LinearFit.fit(folded, y, labels.size(), options);
    ReasonModel model = new ReasonModel(labels, full, temperature, threshold, unknown, options.topK());
    // A text no more telling than one without a single known n-gram is never explained; this
    // floor matters when the held-out part is too small for the accuracy-loss rule.
    double noEvidence = model.predict("").top().probability();
    return noEvidence < threshold ? model
        : new ReasonModel(labels, full, temperature, Math.nextUp(noEvidence), unknown, options.topK());
  }

  /** Marks a seeded, stratified share of each label's examples as held out. */
  private static boolean[] split(Map<String, List<Integer>> byLabel, TrainOptions options) {
    int total = byLabel.values().stream().mapToInt(List::size).sum();
    boolean[] heldOut = new boolean[total];
    Random random = new Random(options.seed());
    for (List<Integer> indices : byLabel.values()) {
      List<Integer> shuffled = new ArrayList<>(indices);
      Collections.shuffle(shuffled, random);
      int n = Math.min(shuffled.size() - 1, (int) Math.round(shuffled.size() * options.heldOutFraction()));
      for (int k = 0; k < n; k++) {
        heldOut[shuffled.get(k)] = true;
      }
    }
    return heldOut;
  }
}
