package nl.waarom.tools.sentiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.sentiment.SentimentTrainer;
import nl.waarom.analyzer.sentiment.SentimentTrainer.TrainingSet;

/**
 * What the shipped sentiment model is trained on: the training splits of four open data sets
 * (CC BY 4.0; see the NOTICE next to the model) under one data folder, plus the built-in
 * hand-written customer-service lines. The Dutch lines count twice: they are the only Dutch data
 * and an eighth of the rest.
 */
public final class SentimentRecipe {
  /** Folder (under the data folder) and weight of each set, in training order. */
  public static final List<Part> PARTS = List.of(
      new Part("en_dynasent", 1),
      new Part("en_uci_amazon_yelp", 1),
      new Part("en_xed_subtitles", 1),
      new Part("nl_xed_subtitles_projected", 2));

  /** One data set: {@code <folder>/train.csv} and how often its lines count. */
  public record Part(String folder, int weight) {}

  private SentimentRecipe() {}

  /**
   * The training sets from {@code dataDir}, followed by the built-in lines.
   *
   * @throws CsvExamples.BadInputException naming a missing or unreadable file
   */
  public static List<TrainingSet> sets(Path dataDir) throws CsvExamples.BadInputException {
    List<TrainingSet> sets = new ArrayList<>();
    for (Part part : PARTS) {
      Path file = dataDir.resolve(part.folder()).resolve("train.csv");
      if (!Files.isRegularFile(file)) {
        throw new CsvExamples.BadInputException(file + " not found: --data must be the folder "
            + "holding " + PARTS.stream().map(Part::folder).toList(), null);
      }
      sets.add(new TrainingSet(part.folder(), CsvExamples.read(file, "text", "label"),
          part.weight()));
    }
    sets.add(SentimentTrainer.builtInExamples());
    return sets;
  }
}
