package nl.waarom.sink.export;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import nl.waarom.sink.db.DatabaseException;
import nl.waarom.sink.db.ExportItem;
import nl.waarom.sink.db.ExportStore;
import nl.waarom.sink.db.TrackerLink;
import nl.waarom.sink.db.TrackerLinks;
import nl.waarom.sink.export.ExportMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports backlog items to one tracker: creates one issue per item, updates it when the item's
 * content hash changed, and reads the tracker's status back. Input: {@code backlog_items} and
 * {@code insights} (selected by {@link ExportConfig}); output: tracker issues and
 * {@code tracker_links} rows; metric {@value ExportMetrics#EXPORT}.
 *
 * <p>Idempotent: a link row is claimed (primary key item + tracker) before an issue is created,
 * and the tracker is searched for the item's label first, so restarts and several sink instances
 * never create a second issue. When the tracker is unavailable (no answer, HTTP 429 or 5xx) the
 * run stops at the first such failure instead of waiting out a timeout per item. {@link #start()}
 * runs {@link #runOnce()} on one named thread every
 * {@code WAAROM_EXPORT_INTERVAL}; a tracker or database outage is logged, counted and retried at
 * the next run, and never stops the sink. {@link #runOnce()} must not be called concurrently on the
 * same instance (the scheduler never does); separate instances may run at the same time, though
 * the sink runs only the one whose instance leads the export ({@link #start(BooleanSupplier)}).
 */
public final class Exporter implements AutoCloseable {
  /** How long a creation claim protects an unfinished creation from other exporters. */
  public static final Duration CLAIM_LEASE = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(Exporter.class);

  private final ExportConfig config;
  private final Tracker tracker;
  private final ExportStore queries;
  private final TrackerLinks links;
  private final ExportMetrics metrics;
  private final Clock clock;
  private ScheduledExecutorService scheduler;
  private boolean lastFailureWasOutage; // only touched by the thread in runOnce

  /** An exporter for the tracker of {@code config} (not NONE). */
  public Exporter(ExportConfig config, Tracker tracker, DataSource dataSource,
      MeterRegistry registry, Clock clock) {
    this(config, tracker, dataSource, registry, clock, nl.waarom.sink.backlog.Ranking.defaults());
  }

  /** An exporter choosing the items of highest value at stake by {@code ranking}. */
  public Exporter(ExportConfig config, Tracker tracker, DataSource dataSource,
      MeterRegistry registry, Clock clock, nl.waarom.sink.backlog.Ranking ranking) {
    if (tracker.kind() != config.tracker()) {
      throw new IllegalArgumentException("tracker " + tracker.kind() + " but configured "
          + config.tracker());
    }
    this.config = config;
    this.tracker = tracker;
    this.queries = new ExportStore(dataSource, ranking.order());
    this.links = new TrackerLinks(dataSource);
    this.metrics = new ExportMetrics(registry, tracker.kind());
    this.clock = clock;
  }

  /** The exporter for the configured tracker; empty when the tracker is NONE. */
  public static Optional<Exporter> create(ExportConfig config, DataSource dataSource,
      MeterRegistry registry, Clock clock) {
    return create(config, dataSource, registry, clock, nl.waarom.sink.backlog.Ranking.defaults());
  }

  /** The exporter of the configured tracker, choosing items by {@code ranking}; empty for none. */
  public static Optional<Exporter> create(ExportConfig config, DataSource dataSource,
      MeterRegistry registry, Clock clock, nl.waarom.sink.backlog.Ranking ranking) {
    Tracker tracker = switch (config.tracker()) {
      case NONE -> null;
      case JIRA -> new JiraTracker(config.jira());
      case GITHUB -> new GitHubTracker(config.github());
      case WEBHOOK -> new WebhookTracker(config.webhook(), clock);
    };
    return tracker == null ? Optional.empty()
        : Optional.of(new Exporter(config, tracker, dataSource, registry, clock, ranking));
  }

  /** What one run did: items per outcome. */
  public record RunReport(Map<Outcome, Integer> counts) {
    public RunReport {
      counts = Map.copyOf(counts);
    }

    /** Items with this outcome; 0 when none. */
    public int count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0);
    }
  }

  /**
   * One export run: every selected item is created, updated or left alone, then every linked
   * issue's status is read back. Tracker failures are recorded per item and do not stop the run.
   *
   * @throws DatabaseException when the database is unavailable (nothing is lost: the next run redoes it)
   */
  public RunReport runOnce() {
    Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
    boolean down = false;
    for (ExportItem item : queries.candidates(config.statuses(), config.minCost(), config.topN())) {
      Outcome o = export(item);
      count(counts, o);
      if (o == Outcome.FAILED && lastFailureWasOutage) {
        down = true;
        break;
      }
    }
    for (TrackerLink link : down ? java.util.List.<TrackerLink>of() : links.linked(tracker.kind().id())) {
      Outcome o = sync(link);
      if (o != null) {
        count(counts, o);
      }
      if (o == Outcome.SYNC_FAILED && lastFailureWasOutage) {
        break;
      }
    }
    if (down) {
      LOG.warn("{} is unavailable; the rest of this run waits for the next one", tracker.kind().id());
    }
    RunReport report = new RunReport(counts);
    if (counts.keySet().stream().anyMatch(o -> o != Outcome.UNCHANGED && o != Outcome.SYNCED)) {
      LOG.info("export to {}: {}", tracker.kind().id(), report.counts());
    }
    return report;
  }

  private Outcome export(ExportItem item) {
    IssueContent content = IssueContent.of(item, config.boardUrl());
    String hash = content.hash();
    Instant now = clock.instant();
    Optional<TrackerLink> link = links.find(item.itemId(), tracker.kind().id());
    try {
      if (link.isPresent() && link.get().linked()) {
        if (hash.equals(link.get().lastExportedHash())) {
          return Outcome.UNCHANGED;
        }
        RemoteIssue issue = tracker.update(remote(link.get()), content);
        links.exported(item.itemId(), tracker.kind().id(), stored(issue), hash, now);
        return Outcome.UPDATED;
      }
      if (!links.claim(item.itemId(), tracker.kind().id(), now, CLAIM_LEASE)) {
        return Outcome.SKIPPED;
      }
      Optional<RemoteIssue> found = tracker.find(content);
      RemoteIssue issue = found.isPresent() ? tracker.update(found.get(), content)
          : tracker.create(content);
      links.exported(item.itemId(), tracker.kind().id(), stored(issue), hash, clock.instant());
      return found.isPresent() ? Outcome.ADOPTED : Outcome.CREATED;
    } catch (DatabaseException e) {
      throw e; // not the tracker's fault: the run stops and is redone next time
    } catch (TrackerException | RuntimeException e) {
      lastFailureWasOutage = e instanceof TrackerException t && t.outage();
      LOG.warn("export of {} to {} failed; retrying next run: {}", item.itemId(),
          tracker.kind().id(), e.getMessage());
      links.failed(item.itemId(), tracker.kind().id(), String.valueOf(e.getMessage()), now);
      return Outcome.FAILED;
    }
  }

  private Outcome sync(TrackerLink link) {
    try {
      Optional<RemoteIssue> status = tracker.status(remote(link));
      if (status.isEmpty()) {
        return null;
      }
      links.synced(link.itemId(), tracker.kind().id(), stored(status.get()), clock.instant());
      return Outcome.SYNCED;
    } catch (DatabaseException e) {
      throw e; // not the tracker's fault: the run stops and is redone next time
    } catch (TrackerException | RuntimeException e) {
      lastFailureWasOutage = e instanceof TrackerException t && t.outage();
      LOG.warn("reading the {} status of {} failed: {}", tracker.kind().id(), link.itemId(),
          e.getMessage());
      links.failed(link.itemId(), tracker.kind().id(), String.valueOf(e.getMessage()), clock.instant());
      return Outcome.SYNC_FAILED;
    }
  }

  /** The issue of a link as the tracker knows it; only for a linked item. */
  private static RemoteIssue remote(TrackerLink link) {
    return new RemoteIssue(link.externalId(), link.externalKey(), link.url(), link.trackerStatus(),
        link.trackerStatusCategory());
  }

  private static TrackerLinks.Issue stored(RemoteIssue issue) {
    return new TrackerLinks.Issue(issue.externalId(), issue.key(), issue.url(), issue.status(),
        issue.statusCategory());
  }

  private void count(Map<Outcome, Integer> counts, Outcome outcome) {
    counts.merge(outcome, 1, Integer::sum);
    metrics.count(outcome);
  }

  /** Runs {@link #runOnce()} now and then every interval on thread {@code waarom-export}. */
  public void start() {
    start(() -> true);
  }

  /**
   * Like {@link #start()}, but each run happens only when {@code leads} answers true at its start
   * (this instance leads the export); otherwise the run is skipped and asked again next interval.
   */
  public synchronized void start(BooleanSupplier leads) {
    if (scheduler != null) {
      throw new IllegalStateException("already started");
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-export");
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> runLogged(leads), 0, config.interval().toMillis(),
        TimeUnit.MILLISECONDS);
    LOG.info("exporting the backlog to {} every {}", tracker.kind().id(), config.interval());
  }

  private void runLogged(BooleanSupplier leads) {
    try {
      if (leads.getAsBoolean()) {
        runOnce();
      }
    } catch (RuntimeException e) {
      metrics.count(Outcome.RUN_FAILED);
      LOG.warn("export run to {} failed; retrying in {}: {}", tracker.kind().id(),
          config.interval(), e.toString());
    }
  }

  /** Stops the schedule, waiting up to 10 s for a running export to finish; idempotent. */
  @Override
  public synchronized void close() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(10, TimeUnit.SECONDS)) {
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
