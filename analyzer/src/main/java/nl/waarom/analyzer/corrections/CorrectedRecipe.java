package nl.waarom.analyzer.corrections;

import java.util.Objects;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.ReasonModels;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.taxonomy.Taxonomy;

/**
 * How a taxonomy becomes the classifier in force once editors corrected contacts: the
 * {@link ClassifierRecipe} (fallback language, extra examples, the model's minimum confidence)
 * whose model also learned the corrections of a {@link CorrectionBook}, and that gives each
 * corrected contact the editor's verdict (source {@code FEEDBACK}). The analyzer's
 * {@code FeedbackLearner} compiles and retrains through here, and so do the backtests (the
 * command's and the board's), so "the taxonomy in force" of a backtest is the model the analyzer
 * classifies with and the two cannot drift apart. A correction to a reason the taxonomy lacks is
 * skipped ({@link CorrectionBook#examples}); the new taxonomy of a backtest learns the same
 * corrections, as the analyzer would after a switch. Immutable; the book it reads may change
 * (each {@link #compile} learns what the book holds then).
 *
 * @param recipe how the taxonomy is compiled without corrections; never null
 * @param book the corrections; never null (an empty book gives what {@code recipe} gives)
 */
public record CorrectedRecipe(ClassifierRecipe recipe, CorrectionBook book) {
  public CorrectedRecipe {
    Objects.requireNonNull(recipe, "recipe");
    Objects.requireNonNull(book, "book");
  }

  /**
   * What a model for the taxonomy learns from now: its examples, the recipe's extra examples
   * (the configured CSV), then the book's corrections for its reasons in contactId order.
   */
  public TrainingSet training(Taxonomy taxonomy) {
    return TrainingSet.of(ReasonModels.examples(taxonomy, recipe.model().extraExamples()),
        ReasonModels.labels(taxonomy), book);
  }

  /**
   * A classifier of {@code taxonomy} whose model learned every correction in the book now, and
   * that gives corrected contacts the editor's verdict; the caller closes it.
   *
   * @throws nl.waarom.taxonomy.TaxonomyException naming a reason whose rule does not parse
   */
  public Classifier compile(Taxonomy taxonomy) {
    return compile(taxonomy, training(taxonomy));
  }

  /** The same with the training set of {@link #training} already taken. */
  public Classifier compile(Taxonomy taxonomy, TrainingSet training) {
    return new Classifier(taxonomy, recipe.fallback(), training.train().orElse(null),
        recipe.model().minConfidence(), book);
  }

  /**
   * A classifier of a taxonomy document, parsed as the analyzer parses it.
   *
   * @throws nl.waarom.taxonomy.TaxonomyException listing every problem of the document
   */
  public Classifier compile(TaxonomyDocument document) {
    return compile(document.parse());
  }
}
