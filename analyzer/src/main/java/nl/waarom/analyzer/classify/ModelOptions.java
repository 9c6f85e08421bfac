package nl.waarom.analyzer.classify;

import java.util.List;
import nl.waarom.analyzer.model.LabeledText;

/**
 * How the learned model takes part in classification.
 *
 * @param extraExamples labelled texts besides the taxonomy's examples (labels are reason ids;
 *     others are ignored); never null
 * @param minConfidence the model names a reason on its own (or confirms a rule's) only when its
 *     probability is at least this and its calibrated rule does not leave the text unexplained.
 *     At 0.5 every answer the model rates more likely wrong than right is withheld, also one
 *     that a model trained on a few examples per reason would give because a reason claims the
 *     text strongly; 0 leaves the decision to the model's rule; 0..1
 */
public record ModelOptions(List<LabeledText> extraExamples, double minConfidence) {
  /** Taxonomy examples only; the model speaks when at least 50 % sure. */
  public static final ModelOptions DEFAULT = new ModelOptions(List.of(), 0.5);

  public ModelOptions {
    extraExamples = List.copyOf(extraExamples);
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be within 0..1: " + minConfidence);
    }
  }
}
