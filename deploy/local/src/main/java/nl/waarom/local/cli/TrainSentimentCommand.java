package nl.waarom.local.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import nl.waarom.tools.sentiment.TrainSentiment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code waarom train-sentiment}: regenerates the shipped sentiment model ({@link TrainSentiment}). */
@Command(name = "train-sentiment",
    description = {"Train the sentiment model the analyzer ships, from the open data sets.",
        "Reads the training splits of en_dynasent, en_uci_amazon_yelp, en_xed_subtitles and "
            + "nl_xed_subtitles_projected (CC BY 4.0) under --data, adds the built-in "
            + "customer-service lines, trains and writes the model file. With the same data the "
            + "file is byte for byte the one in the analyzer's jar (analyzer/src/main/resources/"
            + "nl/waarom/analyzer/sentiment/sentiment-model.bin.gz). Reads files only; no Kafka."},
    footer = {"  waarom train-sentiment --data ../shared/data/sentiment --out sentiment-model.bin.gz"})
final class TrainSentimentCommand implements Callable<Integer> {
  private final Terminal terminal;
  @Spec CommandSpec spec;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The folder holding the four data sets, each with a train.csv.")
  Path data;

  @Option(names = "--out", required = true, paramLabel = "FILE",
      description = "The model file to write.")
  Path out;

  TrainSentimentCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  TrainSentiment.Options options() {
    return Checks.valid(spec, () -> new TrainSentiment.Options(data, out));
  }

  @Override
  public Integer call() {
    return TrainSentiment.run(options(), terminal.out());
  }
}
