package nl.waarom.analyzer.sentiment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the model that ships in the jar, once, on first use (the holder idiom). */
final class ShippedModel {
  static final SentimentModel INSTANCE = load();

  private ShippedModel() {}

  private static SentimentModel load() {
    try (InputStream in = ShippedModel.class.getResourceAsStream(SentimentModelFile.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the sentiment model " + SentimentModelFile.RESOURCE
            + " is not on the class path");
      }
      return SentimentModelFile.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped sentiment model", e);
    }
  }
}
