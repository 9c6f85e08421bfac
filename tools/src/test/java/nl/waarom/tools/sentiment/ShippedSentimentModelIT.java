package nl.waarom.tools.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.analyzer.sentiment.SentimentModelFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped sentiment model is what {@code waarom train-sentiment} makes of the open data: with
 * the data present (system property {@code waarom.sentiment.data}, by default the folder
 * {@code shared/data/sentiment} next to the repository), training again gives the same bytes.
 * Skipped where the data is not (it is never in the repository).
 */
class ShippedSentimentModelIT {
  private static final Path DATA = Path.of(System.getProperty("waarom.sentiment.data",
      "../../shared/data/sentiment"));

  @Test
  void retrainingFromTheOpenDataGivesTheShippedModelByteForByte(@TempDir Path dir)
      throws Exception {
    assumeTrue(Files.isDirectory(DATA.resolve("en_dynasent")), "no sentiment data at " + DATA);
    Path trained = dir.resolve("sentiment-model.bin.gz");
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    int code = TrainSentiment.run(new TrainSentiment.Options(DATA, trained),
        new PrintStream(log, true, StandardCharsets.UTF_8));
    assertThat(code).as(log.toString(StandardCharsets.UTF_8)).isZero();
    byte[] shipped;
    try (InputStream in = SentimentModel.class.getResourceAsStream(SentimentModelFile.RESOURCE)) {
      shipped = in.readAllBytes();
    }
    assertThat(Files.readAllBytes(trained)).as("retrained model equals the shipped one; if the "
        + "recipe or the features changed on purpose, run waarom train-sentiment and commit it")
        .isEqualTo(shipped);
  }
}
