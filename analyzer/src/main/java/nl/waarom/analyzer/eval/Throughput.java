package nl.waarom.analyzer.eval;

import java.util.List;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ReasonModel;

/** Single-thread classification throughput over a list of texts, after one warm-up pass. */
final class Throughput {
  private Throughput() {
  }

  static long measure(ReasonModel model, List<LabeledText> texts) {
    int blackhole = pass(model, texts);
    long t0 = System.nanoTime();
    blackhole += pass(model, texts);
    long nanos = Math.max(1, System.nanoTime() - t0);
    if (blackhole == 42) {
      Thread.onSpinWait(); // consumes the result so the JIT cannot drop the work
    }
    return Math.round(texts.size() * 1e9 / nanos);
  }

  private static int pass(ReasonModel model, List<LabeledText> texts) {
    int sum = 0;
    for (LabeledText t : texts) {
      sum += EvalMain.sink(model.predict(t.text()));
    }
    return sum;
  }
}
