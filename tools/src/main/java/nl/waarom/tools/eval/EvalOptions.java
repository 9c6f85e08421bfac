package nl.waarom.tools.eval;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import nl.waarom.analyzer.model.TrainOptions;

/**
 * What {@link EvalMain#run} evaluates, validated. Immutable.
 *
 * @param train       training files, concatenated (a file given twice counts twice); never
 *                    empty for the reason model; for sentiment, empty means the shipped model
 * @param test        the test file; never null
 * @param textColumn  the column holding the text; never blank
 * @param labelColumn the column holding the label; never blank
 * @param training    training options (unknown label, solver, C); never null
 * @param seconds     how long throughput is measured (after a warm-up of half that), &ge; 1
 * @param redact      whether every text is first redacted as ingest would, so the model learns
 *                    and is tested on what the analyzer sees in production
 * @param task        which model is measured; never null
 * @param builtIn     for sentiment: whether training adds the built-in customer-service lines
 */
public record EvalOptions(List<Path> train, Path test, String textColumn, String labelColumn,
    TrainOptions training, int seconds, boolean redact, EvalTask task, boolean builtIn) {
  public static final String DEFAULT_TEXT_COLUMN = "text";
  public static final String DEFAULT_LABEL_COLUMN = "label";
  public static final int DEFAULT_SECONDS = 5;

  /** Without redaction. */
  public EvalOptions(List<Path> train, Path test, String textColumn, String labelColumn,
      TrainOptions training, int seconds) {
    this(train, test, textColumn, labelColumn, training, seconds, false);
  }

  /** The reason model. */
  public EvalOptions(List<Path> train, Path test, String textColumn, String labelColumn,
      TrainOptions training, int seconds, boolean redact) {
    this(train, test, textColumn, labelColumn, training, seconds, redact, EvalTask.REASONS, true);
  }

  public EvalOptions {
    train = List.copyOf(train);
    Objects.requireNonNull(task, "task");
    if (train.isEmpty() && task == EvalTask.REASONS) {
      throw new IllegalArgumentException("at least one training file is needed");
    }
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(training, "training");
    if (textColumn == null || textColumn.isBlank() || labelColumn == null || labelColumn.isBlank()) {
      throw new IllegalArgumentException("the text and label columns must be named");
    }
    if (seconds < 1) {
      throw new IllegalArgumentException("seconds must be at least 1: " + seconds);
    }
  }
}
