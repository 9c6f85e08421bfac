package nl.waarom.sink.explore;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.db.ExploreReads.TaxonomyName;

/**
 * The display names and groups of the taxonomy version in force, in Dutch and English. A reason
 * the version does not know shows its id. Immutable.
 */
public final class Names {
  private final String version;
  private final Map<String, TaxonomyName> byId = new HashMap<>();

  /** @param reasons the reasons of one version; never null */
  public Names(List<TaxonomyName> reasons) {
    this.version = reasons.isEmpty() ? null : reasons.get(0).version();
    reasons.forEach(r -> byId.put(r.reasonId(), r));
  }

  /** The version in force; null before the analyzer published one. */
  public String version() {
    return version;
  }

  /** The reason's name in {@code lang} ({@code nl}, otherwise English); its id when unknown. */
  public String name(String reasonId, String lang) {
    TaxonomyName r = byId.get(reasonId);
    if (r == null) {
      return reasonId;
    }
    return "nl".equals(lang) ? r.nameNl() : r.nameEn();
  }

  /** Whether the version in force names this reason. */
  public boolean knows(String reasonId) {
    return byId.containsKey(reasonId);
  }

  /** reason → group, for the reasons that have one. */
  public Map<String, String> parents() {
    Map<String, String> parents = new HashMap<>();
    byId.values().stream().filter(r -> r.parent() != null)
        .forEach(r -> parents.put(r.reasonId(), r.parent()));
    return parents;
  }
}
