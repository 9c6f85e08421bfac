package nl.waarom.analyzer.taxonomy;

/** A taxonomy that cannot be used; the message names the reason (when known) and the problem. */
public final class TaxonomyException extends IllegalArgumentException {
  private final String reasonId;

  public TaxonomyException(String reasonId, String problem) {
    this(reasonId, problem, null);
  }

  public TaxonomyException(String reasonId, String problem, Throwable cause) {
    super(reasonId == null ? "taxonomy: " + problem : "taxonomy reason '" + reasonId + "': " + problem,
        cause);
    this.reasonId = reasonId;
  }

  /** The id of the reason the problem is in; null when it concerns the whole file. */
  public String reasonId() {
    return reasonId;
  }
}
