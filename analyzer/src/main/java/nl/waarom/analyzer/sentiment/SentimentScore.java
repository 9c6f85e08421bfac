package nl.waarom.analyzer.sentiment;

import java.util.Objects;

/**
 * The sentiment of one text.
 *
 * @param polarity the most probable polarity; never null
 * @param score    P(positive) minus P(negative), in [-1, 1]: below zero leans negative, above
 *                 zero positive, however the polarity came out
 */
public record SentimentScore(Polarity polarity, double score) {
  /** A text without words: nothing to go on. */
  public static final SentimentScore NONE = new SentimentScore(Polarity.NEUTRAL, 0);

  public SentimentScore {
    Objects.requireNonNull(polarity, "polarity");
    if (!(score >= -1 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [-1, 1]: " + score);
    }
  }
}
