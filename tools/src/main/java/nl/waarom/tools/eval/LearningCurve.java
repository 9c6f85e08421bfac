package nl.waarom.tools.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.corrections.TrainingSet;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Correction;

/**
 * {@code waarom eval --learning-curve FILE}: how much the reason model gains from editors'
 * corrections. The training files are what the model knows before any correction (in the
 * analyzer: the taxonomy's examples). The rows of FILE that are not in the training files are
 * shuffled with a seed; the first 0, 50, 200 and 1,000 of them become {@link Correction} records
 * (a row labelled with the unknown label says "none of these") and go through the analyzer's own
 * path: a {@link CorrectionBook} (the latest correction per contact, reasons the model does not
 * know skipped), then a {@link TrainingSet} that trains the model. Each model is measured on the
 * test file as {@code waarom eval} measures one. Reads files only; no Kafka.
 */
public final class LearningCurve {
  /** The numbers of corrections measured when none are given. */
  public static final List<Integer> DEFAULT_STEPS = List.of(0, 50, 200, 1000);
  /** Seed of the shuffle when none is given. */
  public static final long DEFAULT_SEED = 42;
  private static final Instant CORRECTED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private LearningCurve() {}

  /**
   * Runs the curve; returns 0 on success, 2 on bad input.
   *
   * @param feedback the labelled CSV the corrections are drawn from (same columns as the others)
   * @param steps numbers of corrections, each at least 0
   */
  public static int run(EvalOptions options, Path feedback, List<Integer> steps, long seed,
      PrintStream out) {
    List<LabeledText> base = new ArrayList<>();
    List<LabeledText> pool;
    List<LabeledText> test;
    try {
      for (Path file : options.train()) {
        base.addAll(CsvExamples.read(file, options.textColumn(), options.labelColumn()));
      }
      pool = CsvExamples.read(feedback, options.textColumn(), options.labelColumn());
      test = CsvExamples.read(options.test(), options.textColumn(), options.labelColumn());
    } catch (CsvExamples.BadInputException e) {
      out.println("eval: " + e.getMessage());
      return 2;
    }
    if (options.redact()) {
      Redactor redactor = new Redactor();
      int[] changed = {0};
      base = EvalMain.redacted(base, redactor, changed);
      pool = EvalMain.redacted(pool, redactor, changed);
      test = EvalMain.redacted(test, redactor, changed);
    }
    Set<LabeledText> known = new HashSet<>(base);
    pool = new ArrayList<>(pool.stream().filter(t -> !known.contains(t)).toList());
    Collections.shuffle(pool, new Random(seed));
    List<Integer> sorted = steps.stream().sorted().distinct().toList();
    if (base.isEmpty() || test.isEmpty() || sorted.get(sorted.size() - 1) > pool.size()) {
      out.println("eval: " + (base.isEmpty() ? "training data has no labelled rows"
          : test.isEmpty() ? "test data has no labelled rows"
          : feedback + " has " + pool.size() + " rows that are not in the training files, "
              + "fewer than " + sorted.get(sorted.size() - 1) + " corrections"));
      return 2;
    }
    String unknown = options.training().unknownLabel();
    Set<String> reasons = base.stream().map(LabeledText::label)
        .filter(l -> !l.equals(unknown)).collect(Collectors.toSet());
    out.printf(Locale.ROOT, "before corrections: %d examples, %d labels%n", base.size(),
        reasons.size());
    out.printf(Locale.ROOT, "corrections drawn from %d rows of %s not in the training files "
        + "(%d of them \"none of these\"), shuffled with seed %d%n", pool.size(), feedback,
        pool.stream().filter(t -> t.label().equals(unknown)).count(), seed);
    out.printf(Locale.ROOT, "test: %d examples%n", test.size());
    out.println("corrections  learned  none  skipped  examples  accuracy  macro_f1  oos_precision"
        + "  oos_recall  train_s");
    List<String> accuracies = new ArrayList<>();
    List<String> f1s = new ArrayList<>();
    for (int n : sorted) {
      CorrectionBook book = new CorrectionBook();
      for (int i = 0; i < n; i++) {
        book.add(correction(i, pool.get(i), unknown));
      }
      TrainingSet training = TrainingSet.of(base, reasons, book);
      long t0 = System.nanoTime();
      Optional<ReasonModel> model;
      try {
        model = training.train();
      } catch (IllegalArgumentException e) {
        out.println("eval: cannot train: " + e.getMessage());
        return 2;
      }
      if (model.isEmpty()) {
        out.println("eval: cannot train: the training data needs at least two labels");
        return 2;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      Report report = Report.of(model.get(), test, unknown);
      out.printf(Locale.ROOT, "%11d  %7d  %4d  %7d  %8d  %8.3f  %8.3f  %13s  %10s  %7.1f%n", n,
          training.corrections().examples().size(), training.corrections().noneOfThese(),
          training.corrections().skipped(), training.examples().size(),
          report.headlineAccuracy(), report.metrics().macroF1(),
          unknown == null ? "NA" : EvalMain.ratio(report.metrics().oosPrecision()),
          unknown == null ? "NA" : EvalMain.ratio(report.metrics().oosRecall()), seconds);
      accuracies.add(String.format(Locale.ROOT, "%.3f", report.headlineAccuracy()));
      f1s.add(String.format(Locale.ROOT, "%.3f", report.metrics().macroF1()));
    }
    out.printf(Locale.ROOT, "result: corrections=%s accuracy=%s macro_f1=%s%n",
        sorted.stream().map(String::valueOf).collect(Collectors.joining("/")),
        String.join("/", accuracies), String.join("/", f1s));
    return 0;
  }

  /** The row as an editor's correction of one contact; the unknown label is "none of these". */
  static Correction correction(int index, LabeledText row, String unknownLabel) {
    return Correction.newBuilder()
        .setCorrectionId("eval-" + index)
        .setContactId("eval-" + index)
        .setChannel(Channel.CHAT)
        .setOccurredAt(CORRECTED_AT)
        .setCorrectedAt(CORRECTED_AT)
        .setActor("waarom eval")
        .setReasonId(row.label().equals(unknownLabel) ? null : row.label())
        .setPreviousReasonId(null)
        .setTaxonomyVersion("eval")
        .setLanguage(null)
        .setText(row.text())
        .build();
  }
}
