package nl.waarom.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A versioned set of contact reasons in two levels, in file order. Immutable; consistent: ids are
 * unique, every parent is an entry without a parent of its own, and every reason that is not a
 * group has rules or examples (or both).
 *
 * @param version version of the taxonomy, written on every classified contact; never blank
 * @param reasons the entries (groups and reasons) in file order; never empty
 */
public record Taxonomy(String version, List<Reason> reasons) {

  /** One inconsistency between entries; {@code index} is the entry's position in the list. */
  public record Issue(int index, String reasonId, String message) {}

  public Taxonomy {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("version is missing");
    }
    if (reasons == null || reasons.isEmpty()) {
      throw new IllegalArgumentException("the taxonomy has no reasons");
    }
    reasons = List.copyOf(reasons);
    List<Issue> issues = check(reasons);
    if (!issues.isEmpty()) {
      throw new TaxonomyException(issues.get(0).reasonId(), issues.get(0).message());
    }
  }

  /**
   * Every inconsistency between the entries: duplicate id, unknown parent, parent cycle, more
   * than two levels, and a reason (not a group) without rules and without examples.
   */
  public static List<Issue> check(List<Reason> reasons) {
    List<Issue> issues = new ArrayList<>();
    Map<String, Reason> byId = new HashMap<>();
    Set<String> parents = new HashSet<>();
    for (int i = 0; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      if (byId.putIfAbsent(r.id(), r) != null) {
        issues.add(new Issue(i, r.id(), "duplicate id"));
      }
      if (r.parent() != null) {
        parents.add(r.parent());
      }
    }
    for (int i = 0; i < reasons.size(); i++) {
      Reason r = reasons.get(i);
      Reason parent = r.parent() == null ? null : byId.get(r.parent());
      if (r.parent() != null && parent == null) {
        issues.add(new Issue(i, r.id(), "unknown parent '" + r.parent() + "'"));
      } else if (parent != null && parent.parent() != null) {
        issues.add(new Issue(i, r.id(), inCycle(r, byId)
            ? "parent cycle: " + cycle(r, byId)
            : "more than two levels: parent '" + parent.id() + "' has a parent itself"));
      }
      if (!parents.contains(r.id()) && r.rules().isEmpty() && r.labelledExamples().isEmpty()) {
        issues.add(new Issue(i, r.id(), "no rules and no examples: a reason needs at least one"));
      }
    }
    issues.sort(java.util.Comparator.comparingInt(Issue::index));
    return issues;
  }

  private static boolean inCycle(Reason start, Map<String, Reason> byId) {
    Set<String> seen = new HashSet<>();
    for (Reason r = start; r != null && r.parent() != null; r = byId.get(r.parent())) {
      if (!seen.add(r.id())) {
        return true;
      }
    }
    return false;
  }

  private static String cycle(Reason start, Map<String, Reason> byId) {
    StringBuilder path = new StringBuilder(start.id());
    Set<String> seen = new HashSet<>(Set.of(start.id()));
    for (Reason r = byId.get(start.parent()); r != null; r = byId.get(r.parent())) {
      path.append(" -> ").append(r.id());
      if (!seen.add(r.id())) {
        break;
      }
    }
    return path.toString();
  }

  /** The reason with this id; empty for unknown ids and for {@code unexplained}. */
  public Optional<Reason> reason(String id) {
    return reasons.stream().filter(r -> r.id().equals(id)).findFirst();
  }

  /** The entries whose parent is this id, in file order; empty for a reason that is no group. */
  public List<Reason> children(String id) {
    return reasons.stream().filter(r -> id.equals(r.parent())).toList();
  }

  /** The reasons a contact can be classified as: every entry that is not a group, or has rules. */
  public List<Reason> classifiable() {
    Map<String, Boolean> isParent = new LinkedHashMap<>();
    reasons.forEach(r -> { if (r.parent() != null) { isParent.put(r.parent(), true); } });
    return reasons.stream().filter(r -> !isParent.containsKey(r.id()) || !r.rules().isEmpty())
        .toList();
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
