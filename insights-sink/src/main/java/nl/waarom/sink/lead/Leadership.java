package nl.waarom.sink.lead;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import nl.waarom.sink.db.AdvisoryLock;
import nl.waarom.sink.db.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the {@link SingletonJob}s this sink instance leads: a job's leader is the instance
 * whose dedicated database session holds the job's advisory lock. Every instance competes for the
 * jobs it runs; the others stand by.
 *
 * <p>{@link #leads(SingletonJob)} is what a job asks before each run: it checks, on the database,
 * that the lock is still held, or tries to take it. {@link #start()} also does that for every job
 * every {@code checkInterval} on thread {@code waarom-sink-leadership}, so a standby takes over
 * within about one interval after the leader's session ends (the leader stopped, died, or lost its
 * connection), and a leader that lost its connection notices within about one interval (or the
 * lock connection's socket timeout) and stops leading until it takes the lock again on a new
 * connection. An instance that lost a lead does not compete for it again for
 * {@value #STAND_BACK} check intervals: a standby, which tries every interval, takes over first,
 * and the instance whose session was cut (often the one with the bad connection) only leads again
 * when no one else does. Gauge {@value #LEADER} (tag {@code task}) is 1 while this instance leads the job,
 * else 0; every change is logged. {@link #close()} releases the locks.
 */
public final class Leadership implements AutoCloseable {
  /** Gauge: 1 while this instance leads the job in tag {@code task}, else 0. */
  public static final String LEADER = "waarom.sink.leader";
  /** Check intervals an instance waits after losing a lead before it competes for it again. */
  static final int STAND_BACK = 3;
  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final Map<SingletonJob, AdvisoryLock> locks = new EnumMap<>(SingletonJob.class);
  private final Map<SingletonJob, Boolean> leading = new EnumMap<>(SingletonJob.class);
  private final Map<SingletonJob, Long> standBackUntil = new EnumMap<>(SingletonJob.class);
  private final Duration checkInterval;
  private ScheduledExecutorService scheduler;
  private boolean closed;

  /**
   * @param jobs the jobs this instance runs (it competes for these only); never null
   * @param lockFor the advisory lock of a job (e.g. {@code Database::advisoryLock} with its key)
   * @param registry where the gauges are registered; never null
   * @param checkInterval how often leadership is checked and standbys try to take over; positive
   */
  public Leadership(Set<SingletonJob> jobs, Function<SingletonJob, AdvisoryLock> lockFor,
      MeterRegistry registry, Duration checkInterval) {
    if (checkInterval.isNegative() || checkInterval.isZero()) {
      throw new IllegalArgumentException("check interval must be positive: " + checkInterval);
    }
    this.checkInterval = checkInterval;
    for (SingletonJob job : jobs) {
      locks.put(job, lockFor.apply(job));
      leading.put(job, false);
      Gauge.builder(LEADER, this, l -> l.isLeader(job) ? 1 : 0).tag("task", job.tag())
          .description("1 while this sink instance leads the job, else 0").register(registry);
    }
  }

  /**
   * Whether this instance leads {@code job} now, checked on the database (a held lock is
   * verified, a free one taken). False for a job this instance does not run, after
   * {@link #close()}, and while the database cannot be reached.
   */
  public boolean leads(SingletonJob job) {
    AdvisoryLock lock = locks.get(job);
    if (lock == null) {
      return false;
    }
    synchronized (lock) {
      if (isClosed() || standingBack(job)) {
        return false;
      }
      boolean now;
      String why = "";
      try {
        now = lock.holdOrTake();
      } catch (DatabaseException e) {
        now = false;
        why = ": " + e.getMessage();
      }
      changed(job, lock, now, why);
      return now;
    }
  }

  private void changed(SingletonJob job, AdvisoryLock lock, boolean now, String why) {
    boolean before;
    synchronized (this) {
      before = leading.put(job, now);
    }
    if (now && !before) {
      LOG.info("this instance now leads {} (advisory lock {})", job.tag(), hex(lock.key()));
    } else if (!now && before) {
      synchronized (this) {
        standBackUntil.put(job, System.nanoTime() + STAND_BACK * checkInterval.toNanos());
      }
      LOG.warn("this instance no longer leads {} (advisory lock {}){}; competing again after {}",
          job.tag(), hex(lock.key()), why, checkInterval.multipliedBy(STAND_BACK));
    } else if (!why.isEmpty()) {
      LOG.debug("cannot check the lead of {}{}", job.tag(), why);
    }
  }

  private static String hex(long key) {
    return "0x" + Long.toHexString(key);
  }

  private synchronized boolean standingBack(SingletonJob job) {
    Long until = standBackUntil.get(job);
    if (until == null) {
      return false;
    }
    if (System.nanoTime() - until < 0) {
      return true;
    }
    standBackUntil.remove(job);
    return false;
  }

  /** Whether the last check found this instance leading {@code job} (no database access). */
  public synchronized boolean isLeader(SingletonJob job) {
    return Boolean.TRUE.equals(leading.get(job));
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  /** Checks every job now and then every check interval; returns at once. */
  public synchronized void start() {
    if (scheduler != null || closed) {
      throw new IllegalStateException("already started or closed");
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-sink-leadership");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(this::checkAll, 0, checkInterval.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void checkAll() {
    for (SingletonJob job : locks.keySet()) {
      try {
        leads(job);
      } catch (RuntimeException e) {
        LOG.warn("checking the lead of {} failed: {}", job.tag(), e.toString());
      }
    }
  }

  /**
   * Stops checking and releases every lock (ending their sessions), so a standby takes over at
   * its next check; call after the jobs stopped. Idempotent.
   */
  @Override
  public void close() {
    ScheduledExecutorService s;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      s = scheduler;
    }
    if (s != null) {
      s.shutdownNow();
      try {
        s.awaitTermination(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    locks.forEach((job, lock) -> {
      synchronized (lock) {
        lock.release();
        boolean was;
        synchronized (this) {
          was = leading.put(job, false);
        }
        if (was) {
          LOG.info("released the lead of {} (advisory lock {})", job.tag(), hex(lock.key()));
        }
      }
    });
  }
}
