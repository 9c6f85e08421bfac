package nl.waarom.analyzer.corrections;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.waarom.analyzer.classify.ReasonModels;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ReasonModel;

/**
 * What a model learns from: the examples it had before any correction, then the corrections in
 * the book for the reasons it knows ({@link CorrectionBook#examples}). The analyzer's retraining
 * and {@code waarom eval --learning-curve} both train through here. Immutable.
 *
 * @param examples the examples to train on, in order; never null
 * @param corrections the part of them (and the skipped rest) that came from the book; never null
 */
public record TrainingSet(List<LabeledText> examples, CorrectionExamples corrections) {
  public TrainingSet {
    examples = List.copyOf(examples);
  }

  /**
   * @param base the examples before corrections (labels are reasons); never null
   * @param reasons the reasons corrections may name; corrections to others are skipped
   */
  public static TrainingSet of(List<LabeledText> base, Set<String> reasons, CorrectionBook book) {
    CorrectionExamples fromBook = book.examples(reasons);
    List<LabeledText> all = new ArrayList<>(base);
    all.addAll(fromBook.examples());
    return new TrainingSet(all, fromBook);
  }

  /** The trained model; empty when fewer than two reasons have examples. Deterministic. */
  public Optional<ReasonModel> train() {
    return ReasonModels.train(examples);
  }
}
