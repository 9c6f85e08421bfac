package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import nl.waarom.schemas.TaxonomySnapshot;

/**
 * A taxonomy version as the analyzer put it in force: one {@code taxonomy_versions} row and its
 * {@code taxonomy_reasons}.
 *
 * @param version never null
 * @param publishedAt never null
 * @param sha256 hex SHA-256 of {@code yaml}; never null
 * @param yaml the document as loaded; never null
 * @param reasons in document order; never null
 */
public record TaxonomyRow(String version, Instant publishedAt, String sha256, String yaml,
    List<ReasonName> reasons) {
  public TaxonomyRow {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(publishedAt, "publishedAt");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(yaml, "yaml");
    reasons = List.copyOf(reasons);
  }

  /**
   * One reason of a taxonomy version.
   *
   * @param reasonId never null
   * @param nameNl never null
   * @param nameEn never null
   * @param parent the group; null for a group or a top-level reason
   * @param preventability prevent, self-service, automate or assist; never null
   * @param owner may be null
   */
  public record ReasonName(String reasonId, String nameNl, String nameEn, String parent,
      String preventability, String owner) {
    public ReasonName {
      Objects.requireNonNull(reasonId, "reasonId");
      Objects.requireNonNull(nameNl, "nameNl");
      Objects.requireNonNull(nameEn, "nameEn");
      Objects.requireNonNull(preventability, "preventability");
    }

    /** The name in {@code language} ({@code nl}, else English). */
    public String name(String language) {
      return "nl".equals(language == null ? "" : language.toLowerCase(Locale.ROOT)) ? nameNl
          : nameEn;
    }
  }

  /** Maps a decoded Avro snapshot. */
  public static TaxonomyRow from(TaxonomySnapshot s) {
    return new TaxonomyRow(s.getVersion(), s.getPublishedAt(), s.getSha256(), s.getYaml(),
        s.getReasons().stream().map(r -> new ReasonName(r.getId(), r.getNameNl(), r.getNameEn(),
            r.getParent(), r.getPreventability(), r.getOwner())).toList());
  }
}
