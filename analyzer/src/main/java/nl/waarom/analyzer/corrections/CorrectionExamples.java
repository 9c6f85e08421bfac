package nl.waarom.analyzer.corrections;

import java.util.List;
import nl.waarom.analyzer.model.LabeledText;

/**
 * The corrections a model learns from, taken from the {@link CorrectionBook} for one taxonomy.
 *
 * @param examples one labelled text per corrected contact whose reason the taxonomy has (label
 *     {@link nl.waarom.analyzer.classify.ReasonModels#NONE_OF_THESE} for "none of these"), in
 *     contactId order; never null
 * @param noneOfThese how many of {@code examples} say "none of these"
 * @param skipped corrections left out: their reason is not in the taxonomy, or they have no words
 */
public record CorrectionExamples(List<LabeledText> examples, int noneOfThese, int skipped) {
  public CorrectionExamples {
    examples = List.copyOf(examples);
  }
}
