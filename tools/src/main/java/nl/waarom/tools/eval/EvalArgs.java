package nl.waarom.tools.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.waarom.analyzer.model.TrainOptions;

/**
 * The parsed command line of {@code eval}. {@link #parse} throws {@link IllegalArgumentException}
 * with a message fit for the user on anything it does not understand.
 *
 * @param train        one or more training files (repeated {@code --train}), concatenated
 * @param test         the test file
 * @param textColumn   the column holding the text
 * @param labelColumn  the column holding the label
 * @param options      training options (unknown label, solver, C)
 * @param seconds      how long throughput is measured (after a warm-up of half that)
 */
record EvalArgs(List<Path> train, Path test, String textColumn, String labelColumn,
    TrainOptions options, int seconds) {

  static final String USAGE = """
      usage: eval --train TRAIN.csv [--train MORE.csv] --test TEST.csv [--text-column text]
                  [--label-column label] [--unknown-label oos] [--solver svm|logistic] [--c 1]
                  [--seconds 5]
        Trains the reason model on the training CSV(s) and reports accuracy, macro-F1,
        out-of-scope precision/recall (with --unknown-label), training time and throughput.""";

  static EvalArgs parse(String[] args) {
    List<Path> train = new ArrayList<>();
    Path test = null;
    String text = "text";
    String label = "label";
    TrainOptions options = TrainOptions.defaults();
    TrainOptions.Solver solver = options.solver();
    double c = options.c();
    int seconds = 5;
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
        throw new IllegalArgumentException("missing value after " + flag);
      }
      String value = args[++i];
      switch (flag) {
        case "--train" -> train.add(Path.of(value));
        case "--test" -> test = Path.of(value);
        case "--text-column" -> text = value;
        case "--label-column" -> label = value;
        case "--unknown-label" -> options = options.withUnknownLabel(value);
        case "--solver" -> solver = parseSolver(value);
        case "--c" -> c = parseC(value);
        case "--seconds" -> seconds = parseSeconds(value);
        default -> throw new IllegalArgumentException("unknown option " + flag);
      }
    }
    if (train.isEmpty() || test == null) {
      throw new IllegalArgumentException("--train and --test are required");
    }
    return new EvalArgs(List.copyOf(train), test, text, label, options.withSolver(solver, c),
        seconds);
  }

  private static int parseSeconds(String value) {
    try {
      int seconds = Integer.parseInt(value);
      if (seconds >= 1) {
        return seconds;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--seconds must be a whole number of at least 1: " + value);
  }

  private static TrainOptions.Solver parseSolver(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "svm" -> TrainOptions.Solver.SVM;
      case "logistic", "lr" -> TrainOptions.Solver.LOGISTIC;
      default -> throw new IllegalArgumentException("--solver must be svm or logistic: " + value);
    };
  }

  private static double parseC(String value) {
    try {
      double c = Double.parseDouble(value);
      if (c > 0 && Double.isFinite(c)) {
        return c;
      }
    } catch (NumberFormatException e) {
      // falls through to the message below
    }
    throw new IllegalArgumentException("--c must be a positive number: " + value);
  }
}
