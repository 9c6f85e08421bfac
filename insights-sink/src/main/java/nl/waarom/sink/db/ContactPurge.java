package nl.waarom.sink.db;

import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes the contacts that occurred before the retention window. Corrections are kept: they are
 * the audit trail of what editors decided (and carry no words). Thread-safe.
 */
public final class ContactPurge {
  private final Db db;

  /** @param dataSource never null */
  public ContactPurge(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * Deletes every contact that occurred before {@code cutoff}.
   *
   * @return how many rows were deleted
   * @throws DatabaseException when the database is unavailable
   */
  public int before(Instant cutoff) {
    return db.read(h -> h.createUpdate("DELETE FROM contacts WHERE occurred_at < :cutoff")
        .bindByType("cutoff", cutoff, Instant.class).execute());
  }
}
