package nl.waarom.local.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import nl.waarom.analyzer.model.TrainOptions;
import nl.waarom.tools.eval.EvalMain;
import nl.waarom.tools.eval.EvalOptions;
import nl.waarom.tools.eval.EvalTask;
import nl.waarom.tools.eval.LearningCurve;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom eval}: the reason or sentiment model on a labelled data set ({@link EvalMain}). */
@Command(name = "eval",
    description = {"Measure the reason model or the sentiment model on a labelled data set.",
        "Trains on the training CSV files, classifies the test CSV and prints accuracy, macro-F1, "
            + "out-of-scope precision and recall, training time and single-thread throughput. "
            + "Reads files only; no Kafka. The last line is result: accuracy=... macro_f1=... "
            + "oos_precision=... oos_recall=... train_s=... contacts_per_s=...",
        "With --learning-curve FILE it measures how the reason model learns from editors' "
            + "corrections: rows of FILE not in the training files, shuffled with --seed, are fed "
            + "as correction records (the unknown label as \"none of these\") through the "
            + "analyzer's own learning path, and the model is measured after each number of "
            + "--corrections. The last line is then result: corrections=0/50/200/1000 "
            + "accuracy=... macro_f1=...",
        "With --task sentiment the labels are negative, neutral and positive; training adds the "
            + "built-in customer-service lines, and without --train the shipped model is measured."},
    footer = {"  waarom eval --train train.csv --test test.csv",
        "  waarom eval --train a.csv --train b.csv --test c.csv --unknown-label oos",
        "  waarom eval --train train.csv --test test.csv --redact",
        "  waarom eval --train few.csv --test test.csv --learning-curve more.csv",
        "  waarom eval --task sentiment --train a.csv --train b.csv --test c.csv",
        "  waarom eval --task sentiment --test c.csv"})
final class EvalCommand implements Callable<Integer> {
  private static final TrainOptions TRAINING = TrainOptions.defaults();
  private final Terminal terminal;
  @Spec CommandSpec spec;

  @Option(names = "--task", paramLabel = "reasons|sentiment",
      converter = Converters.EvalTaskConverter.class,
      description = "Which model to measure (default: reasons).")
  EvalTask task = EvalTask.REASONS;

  @Option(names = "--train", paramLabel = "FILE",
      description = "A training CSV; repeat it to train on several, concatenated (a file given "
          + "twice counts twice). Required for reasons; for sentiment, without it the shipped "
          + "model is measured.")
  List<Path> train = List.of();

  @Option(names = "--test", required = true, paramLabel = "FILE", description = "The test CSV.")
  Path test;

  @Option(names = "--text-column", paramLabel = "NAME",
      description = "The column holding the text (default: ${DEFAULT-VALUE}).")
  String textColumn = EvalOptions.DEFAULT_TEXT_COLUMN;

  @Option(names = "--label-column", paramLabel = "NAME",
      description = "The column holding the label (default: ${DEFAULT-VALUE}).")
  String labelColumn = EvalOptions.DEFAULT_LABEL_COLUMN;

  @Option(names = "--unknown-label", paramLabel = "LABEL",
      description = "The label of out-of-scope texts (e.g. oos): the model learns to say "
          + "unknown, and out-of-scope precision and recall are reported.")
  String unknownLabel;

  @Option(names = "--solver", paramLabel = "svm|logistic",
      converter = Converters.SolverConverter.class,
      description = "The linear model's loss (default: svm).")
  TrainOptions.Solver solver = TRAINING.solver();

  @Option(names = "--c", paramLabel = "C", converter = Converters.PositiveNumber.class,
      description = "The solver's regularisation parameter C, greater than 0 (default: "
          + "${DEFAULT-VALUE}).")
  double c = TRAINING.c();

  @Option(names = "--seconds", paramLabel = "N", converter = Converters.PositiveInt.class,
      description = "How long throughput is measured, after a warm-up of half that (default: "
          + "${DEFAULT-VALUE}).")
  int seconds = EvalOptions.DEFAULT_SECONDS;

  @Option(names = "--redact",
      description = "Redact every text first, as ingest does before the analyzer sees it.")
  boolean redact;

  @Option(names = "--without-built-in",
      description = "Sentiment: train on the given files only, without the built-in "
          + "customer-service lines.")
  boolean noBuiltIn;

  @Option(names = "--learning-curve", paramLabel = "FILE",
      description = "Reasons: print a learning curve, feeding rows of this labelled CSV that are "
          + "not in the training files as editors' corrections.")
  Path learningCurve;

  @Option(names = "--corrections", paramLabel = "N", split = ",",
      converter = Converters.NonNegativeInt.class,
      description = "With --learning-curve: the numbers of corrections to measure after "
          + "(default: 0,50,200,1000).")
  List<Integer> corrections = LearningCurve.DEFAULT_STEPS;

  @Option(names = "--seed", paramLabel = "N",
      description = "With --learning-curve: seed of the shuffle that picks the corrections "
          + "(default: ${DEFAULT-VALUE}).")
  long seed = LearningCurve.DEFAULT_SEED;

  EvalCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  EvalOptions options() {
    return Checks.valid(spec, () -> new EvalOptions(train, test, textColumn, labelColumn,
        TRAINING.withUnknownLabel(unknownLabel).withSolver(solver, c), seconds, redact, task,
        !noBuiltIn));
  }

  @Override
  public Integer call() {
    if (learningCurve != null) {
      if (task != EvalTask.REASONS) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--learning-curve measures the reason model; leave out --task sentiment");
      }
      return LearningCurve.run(options(), learningCurve, corrections, seed, terminal.out());
    }
    return EvalMain.run(options(), terminal.out());
  }
}
