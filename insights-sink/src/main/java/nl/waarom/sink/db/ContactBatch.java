package nl.waarom.sink.db;

import java.util.List;

/**
 * The team workspace's part of one consumed batch, in topic order within each list.
 *
 * @param taxonomies taxonomy versions; never null
 * @param texts the redacted words of contacts; never null
 * @param classifications the analyzer's classifications; never null
 * @param corrections editors' corrections; never null
 */
public record ContactBatch(List<TaxonomyRow> taxonomies, List<ContactText> texts,
    List<Classification> classifications, List<CorrectionRow> corrections) {
  /** Nothing. */
  public static final ContactBatch EMPTY = new ContactBatch(List.of(), List.of(), List.of(),
      List.of());

  public ContactBatch {
    taxonomies = List.copyOf(taxonomies);
    texts = List.copyOf(texts);
    classifications = List.copyOf(classifications);
    corrections = List.copyOf(corrections);
  }

  /** Whether there is nothing to write. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /** The number of records. */
  public int size() {
    return taxonomies.size() + texts.size() + classifications.size() + corrections.size();
  }

  /**
   * What writing a batch changed: rows inserted or changed per kind (identical re-deliveries are
   * not counted).
   */
  public record Counts(int taxonomies, int texts, int classifications, int corrections) {
    public static final Counts NONE = new Counts(0, 0, 0, 0);

    /** The sum of two counts. */
    public Counts plus(Counts other) {
      return new Counts(taxonomies + other.taxonomies, texts + other.texts,
          classifications + other.classifications, corrections + other.corrections);
    }
  }
}
