package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
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
 * the model reads is {@link ModelText}. Texts an editor said are about none of the reasons carry
 * the label {@link #NONE_OF_THESE}; the model learns it as its unknown label, so that texts like
 * them stay unexplained ({@link ModelVote} never names it as a reason). Training is deterministic:
 * the same examples in the same order give the same model.
 */
public final class ReasonModels {
  /** The label of texts that are about none of the taxonomy's reasons (no reason id has spaces). */
  public static final String NONE_OF_THESE = "(none of these)";

  private ReasonModels() {}

  /**
   * The model for a taxonomy; empty when fewer than two reasons have examples (nothing to learn).
   * Labels of {@code extra} that are neither classifiable reasons of the taxonomy nor {@link #NONE_OF_THESE}
   * are ignored.
   */
  public static Optional<ReasonModel> train(Taxonomy taxonomy, List<LabeledText> extra) {
    return train(examples(taxonomy, extra));
  }

  /**
   * The taxonomy's examples, in taxonomy order, then those of {@code extra} whose label is a
   * classifiable reason of the taxonomy or {@link #NONE_OF_THESE}, in their order. Never null.
   */
  public static List<LabeledText> examples(Taxonomy taxonomy, List<LabeledText> extra) {
    List<LabeledText> examples = new ArrayList<>();
    Set<String> known = labels(taxonomy);
    for (Reason reason : taxonomy.classifiable()) {
      for (Example example : reason.labelledExamples()) {
        examples.add(new LabeledText(example.text(), reason.id()));
      }
    }
    for (LabeledText text : extra) {
      if (text.label().equals(NONE_OF_THESE) || known.contains(text.label())) {
        examples.add(text);
      }
    }
    return examples;
  }

  /** The ids of the reasons the model can learn: those a contact can be classified as. */
  public static Set<String> labels(Taxonomy taxonomy) {
    Set<String> ids = new HashSet<>();
    taxonomy.classifiable().forEach(r -> ids.add(r.id()));
    return Set.copyOf(ids);
  }

  /**
   * The model for labelled examples (reason ids, and {@link #NONE_OF_THESE}); empty when fewer
   * than two reasons have examples.
   */
  public static Optional<ReasonModel> train(List<LabeledText> examples) {
    if (examples.stream().map(LabeledText::label).filter(l -> !l.equals(NONE_OF_THESE))
        .distinct().count() < 2) {
      return Optional.empty();
    }
    TrainOptions options = TrainOptions.defaults();
    if (examples.stream().anyMatch(e -> e.label().equals(NONE_OF_THESE))) {
      options = options.withUnknownLabel(NONE_OF_THESE);
    }
    return Optional.of(ModelTrainer.train(examples, options));
  }
}
