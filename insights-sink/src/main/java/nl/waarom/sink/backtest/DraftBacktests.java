package nl.waarom.sink.backtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.waarom.analyzer.backtest.Backtest;
import nl.waarom.analyzer.backtest.BacktestResult;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.NewestContacts;
import nl.waarom.sink.db.TaxonomyReads;
import nl.waarom.sink.db.TaxonomyRow;
import nl.waarom.taxonomy.TaxonomyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backtests the drafted rule of an emerging-reason item before anyone promotes it: the taxonomy in
 * force (the latest version the analyzer published) and the same taxonomy plus the drafted reason
 * ({@link DraftCandidate}) classify the newest contacts of the retention window side by side
 * ({@link Backtest}), both compiled by the analyzer's own recipe with the editors' corrections the
 * sink stored ({@link ModelInForce}), as the analyzer compiles the taxonomy in force: a corrected
 * contact keeps the editor's reason on both sides. Runs one backtest at a time on its own thread
 * (never on an HTTP thread; requests for the same item and version share the same run, and
 * {@link #within} lets a request return while it still runs) and keeps a result for
 * {@code keepFor} after it finished. Thread-safe; {@link #close} stops the thread.
 */
public final class DraftBacktests implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DraftBacktests.class);
  private static final int EXAMPLES = 3;

  private record Key(String itemId, String version) {}

  private record Entry(CompletableFuture<DraftBacktest> run, Instant at) {}

  private final TaxonomyReads taxonomies;
  private final NewestContacts contacts;
  private final ModelInForce models;
  private final int maxContacts;
  private final Duration keepFor;
  private final Clock clock;
  private final Map<Key, Entry> cache = new ConcurrentHashMap<>();
  private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "waarom-draft-backtest");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param recipe how the analyzer compiles a taxonomy before corrections; never null
   * @param maxContacts at most this many contacts, the newest, are backtested; at least 1
   * @param keepFor how long a result is shown again before the next request runs anew
   */
  public DraftBacktests(DataSource dataSource, ClassifierRecipe recipe, int maxContacts,
      Duration keepFor, Clock clock) {
    if (maxContacts < 1) {
      throw new IllegalArgumentException("maxContacts must be at least 1: " + maxContacts);
    }
    this.taxonomies = new TaxonomyReads(dataSource);
    this.contacts = new NewestContacts(dataSource);
    this.models = new ModelInForce(dataSource, recipe);
    this.maxContacts = maxContacts;
    this.keepFor = keepFor;
    this.clock = clock;
  }

  /**
   * The backtest of {@code item}'s drafted rule against the taxonomy in force, from the cache
   * when it is recent; waits for a run.
   *
   * @param item an emerging-reason item; never null
   */
  public DraftBacktest of(BacklogItem item) {
    CompletableFuture<DraftBacktest> run = start(item);
    return done(item, run, run::join);
  }

  /**
   * Like {@link #of}, but waits at most {@code wait}: empty while the backtest still runs (it goes
   * on; ask again).
   */
  public Optional<DraftBacktest> within(BacklogItem item, Duration wait) {
    CompletableFuture<DraftBacktest> run = start(item);
    return Optional.ofNullable(done(item, run, () -> {
      try {
        return run.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for a backtest", e);
      } catch (ExecutionException e) {
        throw new CompletionException(e.getCause());
      }
    }));
  }

  private DraftBacktest done(BacklogItem item, CompletableFuture<DraftBacktest> run,
      Supplier<DraftBacktest> wait) {
    try {
      return wait.get();
    } catch (CompletionException e) {
      cache.values().removeIf(entry -> entry.run() == run); // a failed run is not kept
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private CompletableFuture<DraftBacktest> start(BacklogItem item) {
    Optional<TaxonomyRow> inForce = taxonomies.inForce();
    if (inForce.isEmpty()) {
      return CompletableFuture.completedFuture(new DraftBacktest(item.itemId(), null, null,
          List.of(), null, maxContacts, "No taxonomy has been published yet: the analyzer"
              + " publishes the one in force when it starts, and the sink stores it."));
    }
    TaxonomyRow taxonomy = inForce.get();
    Instant now = clock.instant();
    cache.values().removeIf(e -> e.run().isDone() && e.at().plus(keepFor).isBefore(now));
    return cache.computeIfAbsent(new Key(item.itemId(), taxonomy.version()),
        k -> new Entry(CompletableFuture.supplyAsync(() -> run(item, taxonomy), runner), now))
        .run();
  }

  private DraftBacktest run(BacklogItem item, TaxonomyRow taxonomy) {
    DraftCandidate candidate;
    try {
      candidate = DraftCandidate.of(taxonomy.version(), taxonomy.yaml(), item);
    } catch (TaxonomyException e) {
      return new DraftBacktest(item.itemId(), taxonomy.version(), null, List.of(), null,
          maxContacts, "The drafted reason does not load into taxonomy " + taxonomy.version()
              + ": " + e.getMessage());
    }
    CorrectedRecipe recipe = models.recipe(); // both sides learn the same corrections
    try (Classifier before = recipe.compile(candidate.inForce());
        Classifier after = recipe.compile(candidate.candidate())) {
      BacktestResult result = Backtest.run(before, after,
          each -> contacts.forEachNewest(maxContacts, each::accept), NewestContacts.Row::contact,
          Backtest.Options.defaults().withExamples(EXAMPLES));
      LOG.info("backtest of the drafted rule of {}: {} contacts, {} taken, {} corrections "
          + "applied, {} ms", item.itemId(), result.contacts(),
          result.reason(candidate.reasonId()).after(), recipe.book().size(),
          result.elapsed().toMillis());
      return new DraftBacktest(item.itemId(), taxonomy.version(), candidate.reasonId(),
          candidate.rules(), result, maxContacts, result.contacts() == 0
              ? "There are no contacts in the retention window to backtest against yet." : null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    runner.shutdownNow();
  }
}
