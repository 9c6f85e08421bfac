package nl.waarom.sink.contacts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.waarom.sink.db.TaxonomyRow;

/**
 * The display names of reasons in one language, from one taxonomy version (normally the one in
 * force: the latest the analyzer published). A reason the version does not name shows as its id,
 * and so does every reason before the first version arrived. Immutable.
 */
public final class ReasonNames {
  private static final ReasonNames IDS = new ReasonNames(null, Map.of(), "en");

  private final TaxonomyRow taxonomy; // null: no version yet
  private final Map<String, TaxonomyRow.ReasonName> byId;
  private final String language;

  private ReasonNames(TaxonomyRow taxonomy, Map<String, TaxonomyRow.ReasonName> byId,
      String language) {
    this.taxonomy = taxonomy;
    this.byId = byId;
    this.language = language;
  }

  /** No taxonomy: every reason shows as its id. */
  public static ReasonNames ids() {
    return IDS;
  }

  /** The names of {@code taxonomy}, in English. */
  public static ReasonNames of(TaxonomyRow taxonomy) {
    Map<String, TaxonomyRow.ReasonName> byId = new LinkedHashMap<>();
    taxonomy.reasons().forEach(r -> byId.put(r.reasonId(), r));
    return new ReasonNames(taxonomy, Map.copyOf(byId), "en");
  }

  /**
   * The same names in the language a browser prefers ({@code Accept-Language}): Dutch when its
   * first choice is Dutch, else English.
   */
  public ReasonNames in(String acceptLanguage) {
    String lang = acceptLanguage != null
        && acceptLanguage.strip().toLowerCase(Locale.ROOT).startsWith("nl") ? "nl" : "en";
    return lang.equals(language) ? this : new ReasonNames(taxonomy, byId, lang);
  }

  /** The reason's name, or its id when the taxonomy does not name it; null stays null. */
  public String name(String reasonId) {
    if (reasonId == null) {
      return null;
    }
    TaxonomyRow.ReasonName r = byId.get(reasonId);
    return r == null ? reasonId : r.name(language);
  }

  /** {@code nl} or {@code en}. */
  public String language() {
    return language;
  }

  /** The version the names come from; empty before the analyzer published one. */
  public Optional<String> version() {
    return Optional.ofNullable(taxonomy).map(TaxonomyRow::version);
  }

  /** The version's reasons in document order (groups included); empty without a version. */
  public List<TaxonomyRow.ReasonName> reasons() {
    return taxonomy == null ? List.of() : taxonomy.reasons();
  }

  /** Whether the version knows this reason. */
  public boolean knows(String reasonId) {
    return byId.containsKey(reasonId);
  }
}
