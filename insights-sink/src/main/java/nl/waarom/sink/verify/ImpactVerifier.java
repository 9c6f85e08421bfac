package nl.waarom.sink.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.waarom.sink.backlog.BacklogActions;
import nl.waarom.sink.db.DoneItems;
import nl.waarom.sink.db.DoneItems.DoneItem;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.TrendReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes the loop: for every backlog item marked done (with a reason), once {@code after} of data
 * has arrived since the fix went live ({@code done_at}), compares the reason's daily share of all
 * contacts in those days with the same weekdays in the {@code weeksBefore} weeks before (see
 * {@link ImpactStatistics}) and moves the item to verified or not_effective with the figures.
 *
 * <p>Days are whole UTC days from the one-hour rows of {@code reason_trends}: the after-period
 * starts at the first midnight after {@code done_at}, the before-period ends at the midnight before
 * it (the day of the change itself is left out). "Now" is the end of the newest one-hour trend
 * window, i.e. data time, so a replay of history verifies the same way as live traffic, and a
 * pipeline that stopped does not verify against days without data. Items with too little data
 * stay done and are tried again at the next run. Runs every {@code interval} on one thread.
 * Judging is idempotent: an item is judged under its row lock and only while it is done, so a run
 * that overlaps another instance's (a leadership hand-over) cannot judge it twice.
 */
public final class ImpactVerifier implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ImpactVerifier.class);

  /**
   * @param after how much data after the change is compared; whole days, at least 1
   * @param weeksBefore how many weeks before the change form the comparison; at least 1
   * @param alpha significance level of the one-sided test, in (0, 1)
   * @param minDrop smallest relative drop that counts as an effect, in [0, 1)
   * @param interval how often to look for items to verify; positive
   */
  public record Options(Duration after, int weeksBefore, double alpha, double minDrop,
      Duration interval) {
    public Options {
      if (after.toDays() < 1 || after.toMillis() % Duration.ofDays(1).toMillis() != 0) {
        throw new IllegalArgumentException("verification period must be whole days: " + after);
      }
      if (weeksBefore < 1 || !(alpha > 0 && alpha < 1) || minDrop < 0 || minDrop >= 1
          || interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("invalid verification options");
      }
    }
  }

  private final TrendReads trends;
  private final DoneItems doneItems;
  private final BacklogActions actions;
  private final Options options;
  private ScheduledExecutorService scheduler;

  public ImpactVerifier(DataSource dataSource, BacklogActions actions, Options options) {
    this.trends = new TrendReads(dataSource);
    this.doneItems = new DoneItems(dataSource);
    this.actions = actions;
    this.options = options;
  }

  /** Starts the periodic runs; returns at once. */
  public void start() {
    start(() -> true);
  }

  /**
   * Like {@link #start()}, but each run happens only when {@code leads} answers true at its start
   * (this instance leads the verification); otherwise it is skipped until the next interval.
   */
  public synchronized void start(BooleanSupplier leads) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "impact-verifier");
      t.setDaemon(true);
      return t;
    });
    long every = options.interval().toMillis();
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        if (leads.getAsBoolean()) {
          runOnce();
        }
      } catch (RuntimeException e) {
        LOG.warn("impact verification failed, retrying in {}: {}", options.interval(),
            e.toString());
      }
    }, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Verifies every done item whose after-period is complete.
   *
   * @return the items moved to verified or not_effective
   */
  public List<String> runOnce() {
    List<String> judged = new ArrayList<>();
    Instant now = trends.newestHourEnd();
    if (now == null) {
      return judged;
    }
    for (DoneItem d : doneItems.all()) {
      Instant changeDay = d.doneAt().truncatedTo(ChronoUnit.DAYS);
      Instant afterStart = changeDay.equals(d.doneAt()) ? changeDay
          : changeDay.plus(1, ChronoUnit.DAYS);
      Instant afterEnd = afterStart.plus(options.after());
      if (now.isBefore(afterEnd)) {
        continue;
      }
      Instant beforeStart = changeDay.minus(7L * options.weeksBefore(), ChronoUnit.DAYS);
      List<DayShare> before = days(d.reasonId(), beforeStart, changeDay);
      List<DayShare> after = days(d.reasonId(), afterStart, afterEnd);
      ImpactResult result;
      try {
        result = ImpactStatistics.compare(before, after, options.alpha(), options.minDrop());
      } catch (IllegalArgumentException e) {
        LOG.info("cannot verify {} yet: {}", d.itemId(), e.getMessage());
        continue;
      }
      String summary = summary(result);
      if (actions.recordVerification(d.itemId(), result.effective(),
          Json.write(figures(result, beforeStart, changeDay, afterStart, afterEnd)), summary)) {
        LOG.info("verified {}: {}", d.itemId(), summary);
        judged.add(d.itemId());
      }
    }
    return judged;
  }

  private List<DayShare> days(String reasonId, Instant from, Instant to) {
    return trends.daily(reasonId, from, to).stream()
        .map(d -> new DayShare(d.day(), d.reason(), d.total())).toList();
  }

  private Map<String, Object> figures(ImpactResult r, Instant beforeStart, Instant beforeEnd,
      Instant afterStart, Instant afterEnd) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("verdict", r.effective() ? "verified" : "not_effective");
    f.put("beforeFrom", beforeStart.toString());
    f.put("beforeTo", beforeEnd.toString());
    f.put("afterFrom", afterStart.toString());
    f.put("afterTo", afterEnd.toString());
    f.put("beforeDays", r.beforeDays());
    f.put("afterDays", r.afterDays());
    f.put("beforeShare", r.beforeShare());
    f.put("expectedShare", r.expectedShare());
    f.put("afterShare", r.afterShare());
    f.put("change", r.change());
    f.put("t", Double.isFinite(r.t()) ? r.t() : null);
    f.put("pValue", r.pValue());
    f.put("alpha", options.alpha());
    f.put("minDrop", options.minDrop());
    f.put("significant", r.pValue() < options.alpha());
    return f;
  }

  /** E.g. "share 3.1% → 2.1% (−32%, p=0.001): verified". */
  static String summary(ImpactResult r) {
    return String.format(Locale.ROOT, "share %.2f%% expected, %.2f%% after (%+.0f%%, p=%.3g, %d"
        + " days vs %d before): %s", r.expectedShare() * 100, r.afterShare() * 100,
        r.change() * 100, r.pValue(), r.afterDays(), r.beforeDays(),
        r.effective() ? "verified" : "not effective");
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
