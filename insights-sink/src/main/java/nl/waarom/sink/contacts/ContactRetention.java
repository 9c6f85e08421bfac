package nl.waarom.sink.contacts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.waarom.sink.db.ContactPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the contacts that occurred longer than the retention ago, every interval on thread
 * {@code waarom-contact-purge}, when this instance leads the purge. Corrections are kept (the
 * audit trail). Counter {@value #PURGED} counts the deleted rows.
 */
public final class ContactRetention implements AutoCloseable {
  /** Counter of contact rows deleted because they left the retention window. */
  public static final String PURGED = "waarom.sink.contacts.purged";
  private static final Logger LOG = LoggerFactory.getLogger(ContactRetention.class);

  private final ContactPurge purge;
  private final Duration retention;
  private final Duration interval;
  private final Clock clock;
  private final Counter purged;
  private ScheduledExecutorService scheduler;

  /**
   * @param retention how long a contact is kept after it occurred; positive
   * @param interval how often to purge; positive
   */
  public ContactRetention(DataSource dataSource, Duration retention, Duration interval,
      Clock clock, MeterRegistry registry) {
    if (retention.isNegative() || retention.isZero() || interval.isNegative()
        || interval.isZero()) {
      throw new IllegalArgumentException("retention and interval must be positive: " + retention
          + ", " + interval);
    }
    this.purge = new ContactPurge(dataSource);
    this.retention = retention;
    this.interval = interval;
    this.clock = clock;
    this.purged = Counter.builder(PURGED)
        .description("Contacts deleted because they left the retention window").register(registry);
  }

  /** Purges now and then every interval, each time only when {@code leads} answers true. */
  public synchronized void start(BooleanSupplier leads) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-contact-purge");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        if (leads.getAsBoolean()) {
          runOnce();
        }
      } catch (RuntimeException e) {
        LOG.warn("purging contacts failed, retrying in {}: {}", interval, e.toString());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Deletes the contacts that occurred before now minus the retention.
   *
   * @return how many were deleted
   */
  public int runOnce() {
    Instant cutoff = clock.instant().minus(retention);
    int deleted = purge.before(cutoff);
    purged.increment(deleted);
    if (deleted > 0) {
      LOG.info("deleted {} contact(s) that occurred before {}", deleted, cutoff);
    }
    return deleted;
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
