package nl.waarom.sink.db;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads the taxonomy versions the analyzer published: the version in force is the one published
 * last. Thread-safe.
 */
public final class TaxonomyReads {
  private static final String VERSION = "SELECT version, published_at, sha256, yaml"
      + " FROM taxonomy_versions";

  private final Db db;

  /** @param dataSource never null */
  public TaxonomyReads(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** The version in force (the latest published), with its reasons; empty before the first. */
  public Optional<TaxonomyRow> inForce() {
    return read(VERSION + " ORDER BY published_at DESC, version DESC LIMIT 1", null);
  }

  /** One version with its reasons, if the sink has it. */
  public Optional<TaxonomyRow> version(String version) {
    return read(VERSION + " WHERE version = :version", version);
  }

  private Optional<TaxonomyRow> read(String sql, String version) {
    return db.read(h -> {
      var q = h.createQuery(sql);
      if (version != null) {
        q.bind("version", version);
      }
      Optional<TaxonomyRow> head = q.map((rs, ctx) -> new TaxonomyRow(rs.getString("version"),
          Sql.getInstant(rs, "published_at"), rs.getString("sha256"), rs.getString("yaml"),
          List.of())).findOne();
      return head.map(t -> new TaxonomyRow(t.version(), t.publishedAt(), t.sha256(), t.yaml(),
          h.createQuery("SELECT reason_id, name_nl, name_en, parent, preventability, owner"
                  + " FROM taxonomy_reasons WHERE version = :version ORDER BY position")
              .bind("version", t.version())
              .map((rs, ctx) -> new TaxonomyRow.ReasonName(rs.getString("reason_id"),
                  rs.getString("name_nl"), rs.getString("name_en"), rs.getString("parent"),
                  rs.getString("preventability"), rs.getString("owner")))
              .list()));
    });
  }
}
