package nl.waarom.tools.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.Prediction;
import nl.waarom.analyzer.model.ReasonModel;

/** The quality figures of one evaluation: predictions with and without the unknown threshold. */
record Report(Metrics metrics, Metrics topLabel, double coverage, String unknownLabel) {

  static Report of(ReasonModel model, List<LabeledText> test, String unknownLabel) {
    List<String> truth = new ArrayList<>(test.size());
    List<String> withThreshold = new ArrayList<>(test.size());
    List<String> top = new ArrayList<>(test.size());
    int covered = 0;
    for (LabeledText t : test) {
      Prediction p = model.predict(t.text());
      truth.add(t.label());
      withThreshold.add(p.labelOr(Metrics.UNKNOWN));
      top.add(p.top().label());
      covered += p.unknown() ? 0 : 1;
    }
    Metrics thresholded = new Metrics(truth, withThreshold, unknownLabel);
    Metrics plain = new Metrics(truth, top, unknownLabel);
    return new Report(unknownLabel == null ? plain : thresholded, thresholded,
        (double) covered / test.size(), unknownLabel);
  }

  /** In-scope accuracy at the threshold with an unknown label, top-label accuracy without. */
  double headlineAccuracy() {
    return unknownLabel == null ? metrics.accuracy() : metrics.inScopeAccuracy();
  }

  void print(PrintStream out) {
    if (unknownLabel == null) {
      out.printf(Locale.ROOT, "accuracy (top label): %.3f%n", metrics.accuracy());
      out.printf(Locale.ROOT, "at the unexplained threshold: %.3f of texts explained, accuracy %.3f over all texts%n",
          coverage, topLabel.accuracy());
    } else {
      out.printf(Locale.ROOT, "in-scope accuracy: %.3f (unknown counts as wrong)%n", metrics.inScopeAccuracy());
      out.printf(Locale.ROOT, "overall accuracy:  %.3f (out-of-scope right when predicted unknown)%n", metrics.accuracy());
      out.printf(Locale.ROOT, "out-of-scope precision: %s, recall: %s%n",
          EvalMain.ratio(metrics.oosPrecision()), EvalMain.ratio(metrics.oosRecall()));
    }
    out.printf(Locale.ROOT, "macro-F1 (in-scope labels): %.3f%n", metrics.macroF1());
  }
}
