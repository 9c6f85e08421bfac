package nl.waarom.tools.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.sentiment.Polarity;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.analyzer.sentiment.SentimentTrainer;
import nl.waarom.analyzer.sentiment.SentimentTrainer.TrainingSet;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.tools.bench.Throughput;

/**
 * {@code waarom eval --task sentiment}: trains the sentiment model on the training files plus the
 * built-in customer-service lines (or takes the shipped model when no training file is given),
 * scores a test CSV with labels {@code negative}/{@code neutral}/{@code positive}, and prints
 * accuracy, macro-F1 and per-polarity figures, ending with the usual {@code result:} line.
 *
 * <p>A training file given twice counts twice (its lines get weight 2), as in
 * {@code waarom train-sentiment}'s recipe; so the recipe's files in its order, with the built-in
 * lines, train exactly the shipped model.
 *
 * <p>A test file without one of the polarities (the Dutch subtitle set has no neutral lines) is
 * scored as such data sets are: each line gets the more probable of the polarities the file has.
 * The report says so and also prints the macro-F1 when all three may be predicted.
 */
final class SentimentEval {
  private SentimentEval() {}

  static int run(EvalOptions options, PrintStream out) {
    List<TrainingSet> sets = new ArrayList<>();
    List<LabeledText> test;
    try {
      for (var file : weights(options.train()).entrySet()) {
        List<LabeledText> lines = CsvExamples.read(file.getKey(), options.textColumn(),
            options.labelColumn());
        sets.add(new TrainingSet(file.getKey().toString(), lines, file.getValue()));
      }
      test = CsvExamples.read(options.test(), options.textColumn(), options.labelColumn());
    } catch (CsvExamples.BadInputException e) {
      out.println("eval: " + e.getMessage());
      return 2;
    }
    if (options.redact()) {
      Redactor redactor = new Redactor();
      int[] changed = {0};
      sets.replaceAll(s -> new TrainingSet(s.name(), EvalMain.redacted(s.examples(), redactor,
          changed), s.weight()));
      test = EvalMain.redacted(test, redactor, changed);
      out.printf(Locale.ROOT, "redacted: personal data replaced in %d texts%n", changed[0]);
    }
    Set<Polarity> present = new TreeSet<>();
    for (LabeledText line : test) {
      Polarity p = Polarity.parse(line.label()).orElse(null);
      if (p == null) {
        out.println("eval: " + options.test() + ": label '" + line.label()
            + "' is not negative, neutral or positive");
        return 2;
      }
      present.add(p);
    }
    if (test.isEmpty()) {
      out.println("eval: test data has no labelled rows");
      return 2;
    }
    long t0 = System.nanoTime();
    SentimentModel model;
    if (sets.isEmpty()) {
      model = SentimentModel.shipped();
      out.println("model: the shipped sentiment model (no training files given)");
    } else {
      int files = sets.size();
      if (options.builtIn()) {
        sets.add(SentimentTrainer.builtInExamples());
      }
      int lines = sets.stream().mapToInt(s -> s.examples().size()).sum();
      out.printf(Locale.ROOT, "train: %d lines from %d file(s)%s%n", lines, files,
          options.builtIn() ? " and the built-in customer-service lines (weight "
              + SentimentTrainer.EXAMPLES_WEIGHT + ")" : "");
      try {
        model = SentimentTrainer.train(sets, SentimentTrainer.Options.defaults());
      } catch (IllegalArgumentException e) {
        out.println("eval: cannot train: " + e.getMessage());
        return 2;
      }
    }
    double trainSeconds = sets.isEmpty() ? 0 : (System.nanoTime() - t0) / 1e9;
    out.printf(Locale.ROOT, "test:  %d lines, polarities %s%n", test.size(),
        present.stream().map(Polarity::label).toList());
    if (!sets.isEmpty()) {
      out.printf(Locale.ROOT, "training: %.1f s, %d features, temperature %.3f%n", trainSeconds,
          model.features(), model.temperature());
    }
    List<String> truth = new ArrayList<>();
    List<String> among = new ArrayList<>();
    List<String> any = new ArrayList<>();
    for (LabeledText line : test) {
      truth.add(Polarity.parse(line.label()).orElseThrow().label());
      double[] p = model.probabilities(line.text());
      among.add(best(p, present).label());
      any.add(best(p, Set.of(Polarity.values())).label());
    }
    Metrics metrics = new Metrics(truth, among, null);
    if (present.size() < Polarity.values().length) {
      out.printf(Locale.ROOT, "the test has no %s lines: each line gets the most probable of %s "
          + "(macro-F1 when all three may be predicted: %.3f)%n",
          missing(present), present.stream().map(Polarity::label).toList(),
          new Metrics(truth, any, null).macroF1());
    }
    for (Polarity p : present) {
      out.println(perPolarity(p.label(), truth, among));
    }
    out.printf(Locale.ROOT, "accuracy: %.3f%n", metrics.accuracy());
    out.printf(Locale.ROOT, "macro-F1: %.3f%n", metrics.macroF1());
    List<String> texts = test.stream().map(LabeledText::text).toList();
    long perSecond;
    try {
      Duration measured = Duration.ofSeconds(options.seconds());
      perSecond = Math.round(Throughput.measure(model::score, texts, 1, measured.dividedBy(2),
          measured).perSecond());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println("eval: interrupted");
      return 1;
    }
    out.printf(Locale.ROOT, "throughput: %d texts/s (one thread over the test texts for %d s, "
        + "after a warm-up)%n", perSecond, options.seconds());
    out.printf(Locale.ROOT, "result: accuracy=%.3f macro_f1=%.3f oos_precision=NA oos_recall=NA "
        + "train_s=%.1f contacts_per_s=%d%n", metrics.accuracy(), metrics.macroF1(), trainSeconds,
        perSecond);
    return 0;
  }

  /** Each file once, in order of first mention, with how often it was given as its weight. */
  static Map<Path, Integer> weights(List<Path> files) {
    Map<Path, Integer> weights = new LinkedHashMap<>();
    for (Path file : files) {
      weights.merge(file.normalize(), 1, Integer::sum);
    }
    return weights;
  }

  /** The most probable of {@code allowed}; neutral for a text without words. */
  private static Polarity best(double[] p, Set<Polarity> allowed) {
    if (p == null) {
      return allowed.contains(Polarity.NEUTRAL) ? Polarity.NEUTRAL : allowed.iterator().next();
    }
    Polarity best = null;
    for (Polarity c : allowed) {
      best = best == null || p[c.ordinal()] > p[best.ordinal()] ? c : best;
    }
    return best;
  }

  private static String missing(Set<Polarity> present) {
    return Set.of(Polarity.values()).stream().filter(p -> !present.contains(p)).sorted()
        .map(Polarity::label).reduce((a, b) -> a + " or " + b).orElse("");
  }

  private static String perPolarity(String label, List<String> truth, List<String> predicted) {
    int tp = 0;
    int fp = 0;
    int fn = 0;
    for (int i = 0; i < truth.size(); i++) {
      boolean t = truth.get(i).equals(label);
      boolean p = predicted.get(i).equals(label);
      tp += t && p ? 1 : 0;
      fp += !t && p ? 1 : 0;
      fn += t && !p ? 1 : 0;
    }
    double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return String.format(Locale.ROOT, "  %-8s precision %.3f  recall %.3f  F1 %.3f  (%d lines)",
        label, precision, recall, f1, tp + fn);
  }
}
