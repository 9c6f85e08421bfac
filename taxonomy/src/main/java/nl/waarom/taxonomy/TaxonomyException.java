package nl.waarom.taxonomy;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A taxonomy that cannot be used. Carries every problem found, each with file and line; the
 * message lists them one per line.
 */
public final class TaxonomyException extends IllegalArgumentException {
  private final transient List<TaxonomyProblem> problems;

  /** Every problem of one file; never empty. */
  public TaxonomyException(List<TaxonomyProblem> problems) {
    super(problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + " in taxonomy:\n"
        + problems.stream().map(TaxonomyProblem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  /** One problem found outside a file (e.g. in a taxonomy built in code). */
  public TaxonomyException(String reasonId, String problem) {
    this(reasonId, problem, null);
  }

  public TaxonomyException(String reasonId, String problem, Throwable cause) {
    super(reasonId == null ? "taxonomy: " + problem : "taxonomy reason '" + reasonId + "': " + problem,
        cause);
    this.problems = List.of(new TaxonomyProblem("taxonomy", 0, reasonId, problem));
  }

  /** Every problem, in file order; never empty. */
  public List<TaxonomyProblem> problems() {
    return problems;
  }

  /** The id of the reason the first problem is in; null when it concerns the whole file. */
  public String reasonId() {
    return problems.get(0).reasonId();
  }
}
