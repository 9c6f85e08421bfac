package nl.waarom.sink.contacts;

import java.time.Duration;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.waarom.sink.db.DatabaseException;
import nl.waarom.sink.db.TaxonomyReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The names of the taxonomy version in force, read from the database at most once per
 * {@code maxAge} (every page shows names; a new version arrives rarely). While the database cannot
 * be read, the last names (or the ids) are kept. Thread-safe.
 */
public final class TaxonomyInForce implements Supplier<ReasonNames> {
  private static final Logger LOG = LoggerFactory.getLogger(TaxonomyInForce.class);

  private final TaxonomyReads reads;
  private final long maxAgeNanos;
  private ReasonNames names = ReasonNames.ids();
  private long readAt;
  private boolean read;

  /** @param maxAge how long a read is used before the next; zero reads every time */
  public TaxonomyInForce(DataSource dataSource, Duration maxAge) {
    this.reads = new TaxonomyReads(dataSource);
    this.maxAgeNanos = maxAge.toNanos();
  }

  /** The names of the latest published version; {@link ReasonNames#ids()} before the first. */
  @Override
  public synchronized ReasonNames get() {
    long now = System.nanoTime();
    if (read && now - readAt < maxAgeNanos) {
      return names;
    }
    try {
      names = reads.inForce().map(ReasonNames::of).orElse(ReasonNames.ids());
      readAt = now;
      read = true;
    } catch (DatabaseException e) {
      LOG.debug("cannot read the taxonomy in force, keeping the names: {}", e.getMessage());
    }
    return names;
  }
}
