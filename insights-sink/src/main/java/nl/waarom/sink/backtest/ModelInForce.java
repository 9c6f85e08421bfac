package nl.waarom.sink.backtest;

import java.time.Instant;
import java.util.Objects;
import javax.sql.DataSource;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Correction;
import nl.waarom.sink.db.CorrectionRow;
import nl.waarom.sink.db.StoredCorrections;

/**
 * The sink's way to compile a taxonomy version as the analyzer has it in force: the version's
 * YAML (as the analyzer published it) compiled by the analyzer's own {@link CorrectedRecipe}, so
 * its model also learned the editors' corrections the sink stored, and a corrected contact gets
 * the editor's reason (source {@code FEEDBACK}). The backtest of a drafted rule compiles both of
 * its sides through here, and so can any job that reclassifies stored contacts. A correction
 * stored before the sink kept its words still gives its verdict but is not learned (the analyzer,
 * which reads the words from the corrections topic, does learn it). Thread-safe; every call reads
 * the corrections anew.
 */
public final class ModelInForce {
  private final StoredCorrections corrections;
  private final ClassifierRecipe recipe;

  /**
   * @param recipe how the analyzer compiles a taxonomy before corrections; never null
   */
  public ModelInForce(DataSource dataSource, ClassifierRecipe recipe) {
    this.corrections = new StoredCorrections(dataSource);
    this.recipe = Objects.requireNonNull(recipe, "recipe");
  }

  /**
   * The recipe with every stored correction now: compile several taxonomies with one of these
   * and they all learned the same corrections.
   */
  public CorrectedRecipe recipe() {
    CorrectionBook book = new CorrectionBook();
    for (CorrectionRow row : corrections.latest()) {
      book.add(correction(row));
    }
    return new CorrectedRecipe(recipe, book);
  }

  /**
   * The classifier of a taxonomy version with the stored corrections; the caller closes it.
   *
   * @param version the taxonomy's version, naming it in problem reports; never null
   * @param yaml the document as the analyzer published it; never null
   * @throws nl.waarom.taxonomy.TaxonomyException listing every problem of the document
   */
  public Classifier classifier(String version, String yaml) {
    return recipe().compile(new TaxonomyDocument("taxonomy " + version, yaml));
  }

  /**
   * A stored correction as the record the analyzer learns from. What the table does not keep
   * (channel, occurredAt) the model does not use; a missing text is empty, learned by no model.
   */
  static Correction correction(CorrectionRow row) {
    return Correction.newBuilder().setCorrectionId(row.correctionId())
        .setContactId(row.contactId()).setChannel(Channel.OTHER).setOccurredAt(Instant.EPOCH)
        .setCorrectedAt(row.correctedAt()).setActor(row.actor()).setReasonId(row.reasonId())
        .setPreviousReasonId(row.previousReasonId()).setTaxonomyVersion(row.taxonomyVersion())
        .setLanguage(row.language()).setText(row.text() == null ? "" : row.text()).build();
  }
}
