package nl.waarom.taxonomy;

/**
 * One thing wrong with a taxonomy file.
 *
 * @param source the file name (or resource) it was read from; never null
 * @param line 1-based line of the offending entry or value; 0 when not known
 * @param reasonId the reason the problem is in; null when it concerns the whole file
 * @param message what is wrong; never null
 */
public record TaxonomyProblem(String source, int line, String reasonId, String message) {
  public TaxonomyProblem {
    if (source == null || message == null || line < 0) {
      throw new IllegalArgumentException("incomplete taxonomy problem");
    }
  }

  /** {@code file:line: reason 'id': message}, the form editors and CI logs link to. */
  @Override
  public String toString() {
    return source + ":" + line + ": " + (reasonId == null ? "" : "reason '" + reasonId + "': ")
        + message;
  }
}
