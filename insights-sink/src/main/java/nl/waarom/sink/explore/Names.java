package nl.waarom.sink.explore;

import java.util.HashMap;
import java.util.Map;
import nl.waarom.sink.contacts.ReasonNames;

/**
 * The display names and groups of the taxonomy version in force, in Dutch and English, as the
 * whole board names reasons ({@link ReasonNames}). A reason the version does not know shows its
 * id. Immutable.
 */
public final class Names {
  private final ReasonNames names;

  /** @param names the names of the version in force; never null */
  public Names(ReasonNames names) {
    this.names = names;
  }

  /** The version in force; null before the analyzer published one. */
  public String version() {
    return names.version().orElse(null);
  }

  /** The reason's name in {@code lang} ({@code nl}, otherwise English); its id when unknown. */
  public String name(String reasonId, String lang) {
    return names.in(lang).name(reasonId);
  }

  /** Whether the version in force names this reason. */
  public boolean knows(String reasonId) {
    return names.knows(reasonId);
  }

  /** reason → group, for the reasons that have one. */
  public Map<String, String> parents() {
    Map<String, String> parents = new HashMap<>();
    names.reasons().stream().filter(r -> r.parent() != null)
        .forEach(r -> parents.put(r.reasonId(), r.parent()));
    return parents;
  }
}
