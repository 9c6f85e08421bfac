package nl.waarom.tools.eval;

import nl.waarom.analyzer.model.CsvExamples;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import nl.waarom.tools.bench.Throughput;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ModelTrainer;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.ingest.privacy.Redactor;

/**
 * {@code waarom eval}: trains the reason model on a labelled CSV, classifies a test CSV and prints
 * the figures, ending with one machine-readable {@code result:} line. Reads files only; no Kafka.
 *
 * <p>Accuracy in the result line: with {@code --unknown-label}, the in-scope accuracy at the
 * model's calibrated threshold (an in-scope text predicted unknown counts as wrong); without it,
 * the accuracy of the top label (there is no unknown class to predict, so the threshold does not
 * apply; the report also prints the coverage and accuracy at the threshold). Throughput is
 * measured on one thread over the test texts for {@link EvalOptions#seconds()} (default 5), after a
 * warm-up of half that.
 */
public final class EvalMain {
  private EvalMain() {
  }

  /** The texts as ingest would pass them on; counts the changed ones in {@code changed[0]}. */
  static List<LabeledText> redacted(List<LabeledText> texts, Redactor redactor,
      int[] changed) {
    List<LabeledText> out = new ArrayList<>(texts.size());
    for (LabeledText t : texts) {
      String text = redactor.redact(t.text());
      if (!text.equals(t.text())) {
        changed[0]++;
      }
      out.add(new LabeledText(text, t.label()));
    }
    return out;
  }

  /** Runs the evaluation; returns 0 on success, 2 on bad input, 1 when interrupted. */
  public static int run(EvalOptions options, PrintStream out) {
    if (options.task() == EvalTask.SENTIMENT) {
      return SentimentEval.run(options, out);
    }
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> test;
    try {
      for (Path file : options.train()) {
        train.addAll(CsvExamples.read(file, options.textColumn(), options.labelColumn()));
      }
      test = CsvExamples.read(options.test(), options.textColumn(), options.labelColumn());
    } catch (CsvExamples.BadInputException e) {
      out.println("eval: " + e.getMessage());
      return 2;
    }
    if (options.redact()) {
      Redactor redactor = new Redactor();
      int[] changed = {0};
      train = redacted(train, redactor, changed);
      test = redacted(test, redactor, changed);
      out.printf(Locale.ROOT, "redacted: personal data replaced in %d of %d texts%n", changed[0],
          train.size() + test.size());
    }
    if (train.isEmpty() || test.isEmpty()) {
      out.println("eval: " + (train.isEmpty() ? "training" : "test") + " data has no labelled rows");
      return 2;
    }
    String unknown = options.training().unknownLabel();
    out.printf(Locale.ROOT, "train: %d examples, %d labels%n", train.size(), labelCount(train));
    out.printf(Locale.ROOT, "test:  %d examples, %d labels%n", test.size(), labelCount(test));
    long t0 = System.nanoTime();
    ReasonModel model;
    try {
      model = ModelTrainer.train(train, options.training());
    } catch (IllegalArgumentException e) {
      out.println("eval: cannot train: " + e.getMessage());
      return 2;
    }
    double trainSeconds = (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "training: %.1f s (%s, C=%s, %d threads), %d features, temperature %.3f, "
        + "unexplained below probability %.3f and evidence %s%n",
        trainSeconds, options.training().solver(), options.training().c(), options.training().threads(),
        model.features(), model.temperature(), model.threshold(),
        Double.isInfinite(model.evidenceThreshold()) ? "(any)"
            : String.format(Locale.ROOT, "%.3f", model.evidenceThreshold()));
    Report report = Report.of(model, test, unknown);
    report.print(out);
    List<String> texts = test.stream().map(LabeledText::text).toList();
    long contactsPerSecond;
    try {
      Duration measured = Duration.ofSeconds(options.seconds());
      contactsPerSecond = Math.round(Throughput.measure(model::predict, texts, 1,
          measured.dividedBy(2), measured).perSecond());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("eval: interrupted");
      return 1;
    }
    out.printf(Locale.ROOT, "throughput: %d contacts/s (one thread over the test texts for %d s, after a warm-up)%n",
        contactsPerSecond, options.seconds());
    out.printf(Locale.ROOT, "result: accuracy=%.3f macro_f1=%.3f oos_precision=%s oos_recall=%s train_s=%.1f contacts_per_s=%d%n",
        report.headlineAccuracy(), report.metrics().macroF1(),
        unknown == null ? "NA" : ratio(report.metrics().oosPrecision()),
        unknown == null ? "NA" : ratio(report.metrics().oosRecall()),
        trainSeconds, contactsPerSecond);
    return 0;
  }

  static String ratio(double value) {
    return Double.isNaN(value) ? "NA" : String.format(Locale.ROOT, "%.3f", value);
  }

  private static int labelCount(List<LabeledText> examples) {
    var labels = new HashSet<String>();
    examples.forEach(e -> labels.add(e.label()));
    return labels.size();
  }
}
