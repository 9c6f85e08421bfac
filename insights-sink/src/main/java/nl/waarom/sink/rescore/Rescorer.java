package nl.waarom.sink.rescore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.sink.db.RescoreStore;
import nl.waarom.sink.db.TaxonomyReads;
import nl.waarom.sink.db.TaxonomyRow;
import nl.waarom.taxonomy.TaxonomyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The re-score job: on the instance that leads it, every interval on thread
 * {@code waarom-rescore}, it claims the next queued run ({@link RescoreStore#claim}: one left
 * running by a stopped or deposed leader first, started over), compiles the run's taxonomy
 * version as the analyzer does (in the sink: {@code ModelInForce}, with the editors' corrections), reads the kept contacts of the period and one repeat window
 * around it in event-time order through a {@link Rescore}, and writes the figures; the run is done
 * when its 60-minute windows are written, in the same transaction. It checks every
 * {@value #CHECK_EVERY} contacts that it still leads, and stops the run (leaving it to the next
 * leader) when it does not; a deposed leader that has not noticed yet cannot write into a run
 * another leader claimed since (each claim is a new attempt, and every write checks it under
 * the run's row lock). Counters {@value #RUNS} (by outcome) and {@value #CONTACTS}.
 */
public final class Rescorer implements AutoCloseable {
  /** Counter of finished runs, tagged outcome=done|failed. */
  public static final String RUNS = "waarom.sink.rescore.runs";
  /** Counter of contacts read by re-score runs. */
  public static final String CONTACTS = "waarom.sink.rescore.contacts";
  static final int CHECK_EVERY = 1000;
  private static final Logger LOG = LoggerFactory.getLogger(Rescorer.class);

  /** Thrown inside a run that lost its leader. */
  private static final class LostLead extends RuntimeException {
    LostLead() {
      super("lost the lead of the rescore job", null, false, false);
    }
  }

  private final RescoreStore store;
  private final TaxonomyReads taxonomies;
  private final Function<TaxonomyRow, Classifier> compiler;
  private final RepeatRule rule;
  private final Duration interval;
  private final Clock clock;
  private final Counter done;
  private final Counter failed;
  private final Counter contacts;
  private ScheduledExecutorService scheduler;

  /**
   * @param compiler compiles a stored taxonomy version as the analyzer does; the caller's
   *     classifier is closed after the run
   * @param rule the analyzer's repeat rule (WAAROM_SINK_REPEAT_WINDOW, _TRANSFER_GAP)
   * @param interval how often to look for a queued run; positive
   */
  public Rescorer(DataSource dataSource, Function<TaxonomyRow, Classifier> compiler,
      RepeatRule rule, Duration interval, Clock clock, MeterRegistry registry) {
    if (!interval.isPositive()) {
      throw new IllegalArgumentException("interval must be positive: " + interval);
    }
    this.store = new RescoreStore(dataSource);
    this.taxonomies = new TaxonomyReads(dataSource);
    this.compiler = compiler;
    this.rule = rule;
    this.interval = interval;
    this.clock = clock;
    this.done = Counter.builder(RUNS).tag("outcome", "done")
        .description("Re-score runs finished").register(registry);
    this.failed = Counter.builder(RUNS).tag("outcome", "failed")
        .description("Re-score runs finished").register(registry);
    this.contacts = Counter.builder(CONTACTS)
        .description("Contacts read by re-score runs").register(registry);
  }

  /** Looks for a run now and then every interval, each time only when {@code leads} is true. */
  public synchronized void start(BooleanSupplier leads) {
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-rescore");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        while (leads.getAsBoolean() && runNext(leads)) {
          // the next queued run, if any
        }
      } catch (RuntimeException e) {
        LOG.warn("re-scoring failed, retrying in {}: {}", interval, e.toString());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Claims and runs the next run, if any.
   *
   * @param leads asked every {@value #CHECK_EVERY} contacts; false stops the run, which stays
   *     running for the next leader to start over
   * @return whether there was a run (whatever its outcome)
   */
  public boolean runNext(BooleanSupplier leads) {
    Optional<RescoreStore.Run> claimed = store.claim(clock.instant());
    if (claimed.isEmpty()) {
      return false;
    }
    RescoreStore.Run run = claimed.get();
    try {
      Optional<TaxonomyRow> taxonomy = taxonomies.version(run.taxonomyVersion());
      if (taxonomy.isEmpty()) {
        fail(run, "taxonomy version " + run.taxonomyVersion() + " is not stored");
        return true;
      }
      try (Classifier classifier = compiler.apply(taxonomy.get())) {
        execute(run, classifier, leads);
      }
    } catch (LostLead e) {
      LOG.info("re-score {} stopped: this instance no longer leads the job", run.runId());
    } catch (RescoreStore.Superseded e) {
      LOG.info("re-score {} stopped: another leader started it over", run.runId());
    } catch (TaxonomyException e) {
      fail(run, "taxonomy version " + run.taxonomyVersion() + " does not compile: "
          + e.getMessage());
    } catch (RuntimeException e) {
      LOG.warn("re-score {} failed", run.runId(), e);
      fail(run, e.toString());
    }
    return true;
  }

  private void execute(RescoreStore.Run run, Classifier classifier, BooleanSupplier leads) {
    Instant started = clock.instant();
    Instant[] range = Rescore.readRange(run.from(), run.to(), rule.window());
    store.expect(run, store.count(range[0], range[1]));
    Set<String> reasons = classifier.taxonomy().reasons().stream()
        .map(nl.waarom.taxonomy.Reason::id).collect(Collectors.toSet());
    Rescore rescore = new Rescore(run.from(), run.to(), classifier::classify, reasons, rule,
        windows -> store.write(run, windows));
    long[] lastProgress = {System.nanoTime()};
    store.forEach(range[0], range[1], contact -> {
      rescore.accept(contact);
      contacts.increment();
      long read = rescore.tally().read();
      if (read % CHECK_EVERY == 0) {
        if (!leads.getAsBoolean()) {
          throw new LostLead();
        }
        if (System.nanoTime() - lastProgress[0] > TimeUnit.SECONDS.toNanos(2)) {
          store.progress(run, read);
          lastProgress[0] = System.nanoTime();
        }
      }
    });
    if (!leads.getAsBoolean()) {
      throw new LostLead();
    }
    RescoreStore.Tally tally = rescore.tally();
    store.finish(run, rescore.finish(), tally, clock.instant());
    done.increment();
    LOG.info("re-scored {} to {} under taxonomy {} in {} s: {} contacts read, {} classified"
            + " anew, {} kept their reason, {} corrected by an editor, {} changed reason",
        run.from(), run.to(), run.taxonomyVersion(),
        Duration.between(started, clock.instant()).toSeconds(), tally.read(), tally.rescored(),
        tally.kept(), tally.corrected(), tally.changed());
  }

  private void fail(RescoreStore.Run run, String why) {
    failed.increment();
    LOG.warn("re-score {} failed: {}", run.runId(), why);
    store.fail(run, why, clock.instant());
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }
}
