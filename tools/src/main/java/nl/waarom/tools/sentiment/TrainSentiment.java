package nl.waarom.tools.sentiment;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.analyzer.sentiment.SentimentModelFile;
import nl.waarom.analyzer.sentiment.SentimentTrainer;
import nl.waarom.analyzer.sentiment.SentimentTrainer.TrainingSet;

/**
 * {@code waarom train-sentiment}: trains the sentiment model on {@link SentimentRecipe} and writes
 * it as a model file; with the default options the result is byte for byte the model that ships
 * ({@code analyzer/src/main/resources/nl/waarom/analyzer/sentiment/sentiment-model.bin.gz}).
 * Reads files only; no Kafka.
 */
public final class TrainSentiment {
  /**
   * @param dataDir the folder holding the four data sets; never null
   * @param out     the model file to write; never null
   */
  public record Options(Path dataDir, Path out) {
    public Options {
      Objects.requireNonNull(dataDir, "dataDir");
      Objects.requireNonNull(out, "out");
    }
  }

  private TrainSentiment() {}

  /** Trains and writes; returns 0 on success, 2 on bad input, 1 when the file cannot be written. */
  public static int run(Options options, PrintStream out) {
    List<TrainingSet> sets;
    try {
      sets = SentimentRecipe.sets(options.dataDir());
    } catch (CsvExamples.BadInputException e) {
      out.println("train-sentiment: " + e.getMessage());
      return 2;
    }
    for (TrainingSet set : sets) {
      out.printf(Locale.ROOT, "%-32s %6d lines, weight %d%n", set.name(), set.examples().size(),
          set.weight());
    }
    long t0 = System.nanoTime();
    SentimentModel model = SentimentTrainer.train(sets, SentimentTrainer.Options.defaults());
    out.printf(Locale.ROOT, "trained in %.1f s: %d features, temperature %.3f%n",
        (System.nanoTime() - t0) / 1e9, model.features(), model.temperature());
    try {
      SentimentModelFile.write(model, options.out());
      out.printf(Locale.ROOT, "wrote %s (%d bytes)%n", options.out(), Files.size(options.out()));
    } catch (IOException e) {
      out.println("train-sentiment: cannot write " + options.out() + ": " + e.getMessage());
      return 1;
    }
    return 0;
  }
}
