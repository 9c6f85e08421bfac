package nl.waarom.analyzer.classify;

import java.util.Objects;
import nl.waarom.taxonomy.Taxonomy;

/**
 * How a taxonomy becomes a {@link Classifier}: the one factory the analyzer, the backtest and
 * the board's backtest use, so that the same taxonomy document gives the same classifier
 * wherever it is compiled (same rule parsing, same fallback language, same learned model). With
 * editors' corrections they all compile through
 * {@link nl.waarom.analyzer.corrections.CorrectedRecipe}, which adds the corrections to this
 * recipe; without any, it gives what {@link #compile} gives. Immutable and thread-safe.
 *
 * @param fallback the language of a contact that states none and gives no evidence; never null
 * @param model how the learned model takes part; never null
 */
public record ClassifierRecipe(Language fallback, ModelOptions model) {
  /** The analyzer's defaults: Dutch fallback, taxonomy examples only, model at 50 %. */
  public static final ClassifierRecipe DEFAULT =
      new ClassifierRecipe(Language.NL, ModelOptions.DEFAULT);

  public ClassifierRecipe {
    Objects.requireNonNull(fallback, "fallback");
    Objects.requireNonNull(model, "model");
  }

  /**
   * A classifier of {@code taxonomy}; the caller closes it.
   *
   * @throws nl.waarom.taxonomy.TaxonomyException naming a reason whose rule does not parse
   */
  public Classifier compile(Taxonomy taxonomy) {
    return new Classifier(taxonomy, fallback, model);
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
