package nl.waarom.analyzer.taxonomy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A versioned set of contact reasons, in file order. Immutable; ids are unique.
 *
 * @param version version of the taxonomy, written on every classified contact; never blank
 * @param reasons the reasons in file order; never empty
 */
public record Taxonomy(String version, List<Reason> reasons) {
  public Taxonomy {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version is missing");
    }
    if (reasons == null || reasons.isEmpty()) {
      throw new IllegalArgumentException("the taxonomy has no reasons");
    }
    reasons = List.copyOf(reasons);
    Map<String, Reason> seen = new LinkedHashMap<>();
    for (Reason r : reasons) {
      if (seen.put(r.id(), r) != null) {
        throw new TaxonomyException(r.id(), "duplicate id");
      }
    }
  }

  /** The reason with this id; empty for unknown ids and for {@code unexplained}. */
  public Optional<Reason> reason(String id) {
    return reasons.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** Position of a reason in the file, used to break ties between equally strong reasons. */
  public int rank(String id) {
    for (int i = 0; i < reasons.size(); i++) {
      if (reasons.get(i).id().equals(id)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
