package nl.waarom.analyzer.model;

import java.util.List;
import java.util.Objects;

/**
 * What the model says about one text.
 *
 * @param ranked  the top-k labels by descending probability, never empty; when the training data
 *                had an unknown label it may appear here like any other label
 * @param unknown true when the text is unexplained: the top probability is below the model's
 *                threshold and no reason claims the text strongly enough (see
 *                {@link ReasonModel#evidenceThreshold()}), or the top label is the unknown label
 */
public record Prediction(List<ScoredLabel> ranked, boolean unknown) {
  public Prediction {
    ranked = List.copyOf(Objects.requireNonNull(ranked, "ranked"));
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("ranked must not be empty");
    }
  }

  /** The most probable label, never null (also when {@link #unknown()}). */
  public ScoredLabel top() {
    return ranked.get(0);
  }

  /** The top label, or {@code unknownMarker} when the text is unexplained. */
  public String labelOr(String unknownMarker) {
    return unknown ? unknownMarker : top().label();
  }
}
