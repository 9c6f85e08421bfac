package nl.waarom.sink.db;

import java.util.List;
import javax.sql.DataSource;

/**
 * The editors' corrections the sink stored, for compiling the model in force as the analyzer
 * does: the latest correction of every corrected contact (by correctedAt, then correctionId, as
 * the contact pages apply them). Thread-safe.
 */
public final class StoredCorrections {
  private static final String LATEST = "SELECT DISTINCT ON (contact_id) correction_id, contact_id,"
      + " actor, reason_id, previous_reason_id, taxonomy_version, corrected_at, text, language"
      + " FROM corrections ORDER BY contact_id, corrected_at DESC, correction_id DESC";

  private final Db db;

  /** @param dataSource never null */
  public StoredCorrections(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * The latest correction of each corrected contact, in contactId order; a correction stored
   * before the sink kept words has a null text. Never null.
   */
  public List<CorrectionRow> latest() {
    return db.read(h -> h.createQuery(LATEST).map((rs, ctx) -> ContactReads.correction(rs))
        .list());
  }
}
