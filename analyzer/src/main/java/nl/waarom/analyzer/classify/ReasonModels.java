package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ModelTrainer;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.analyzer.model.TrainOptions;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;

/**
 * Trains the learned model that covers what rules miss, from the taxonomy's labelled examples plus
 * any extra labelled texts (a CSV of past contacts, the team's corrections). The text of a contact
 * the model reads is {@link ModelText}.
 */
public final class ReasonModels {
  private ReasonModels() {}

  /**
   * The model for a taxonomy; empty when fewer than two reasons have examples (nothing to learn).
   * Labels of {@code extra} that are not reasons of the taxonomy are ignored.
   */
  public static Optional<ReasonModel> train(Taxonomy taxonomy, List<LabeledText> extra) {
    List<LabeledText> examples = new ArrayList<>();
    for (Reason reason : taxonomy.classifiable()) {
      for (Example example : reason.labelledExamples()) {
        examples.add(new LabeledText(example.text(), reason.id()));
      }
    }
    for (LabeledText text : extra) {
      if (taxonomy.reason(text.label()).isPresent()) {
        examples.add(text);
      }
    }
    if (examples.stream().map(LabeledText::label).distinct().count() < 2) {
      return Optional.empty();
    }
    return Optional.of(ModelTrainer.train(examples, TrainOptions.defaults()));
  }
}
