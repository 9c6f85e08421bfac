package nl.waarom.sink.explore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.ExploreReads;
import nl.waarom.sink.db.RescoreStore;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.RuleCheck;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyException;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the overview of a period and the page of a reason from the database. Every call reads
 * afresh. Thread-safe.
 */
public final class Explorer {
  private static final Logger LOG = LoggerFactory.getLogger(Explorer.class);
  /** Example contacts on a reason page. */
  public static final int EXAMPLES = 5;
  /** Words and attribute values on a reason page, each. */
  public static final int FEATURES = 10;
  /** The most minute points a chart draws (one day). */
  static final Duration MAX_MINUTE_SPAN = Duration.ofDays(1);

  private final ExploreReads reads;
  private final RescoreStore rescores;
  private final double costPerMinute;
  private final Supplier<ReasonNames> names;

  /**
   * @param dataSource never null
   * @param costPerMinute the configured cost of a handle minute; not negative
   * @param names the names of the taxonomy version in force, as the rest of the board has them
   */
  public Explorer(DataSource dataSource, double costPerMinute, Supplier<ReasonNames> names) {
    this.reads = new ExploreReads(dataSource);
    this.rescores = new RescoreStore(dataSource);
    this.costPerMinute = costPerMinute;
    this.names = names;
  }

  public double costPerMinute() {
    return costPerMinute;
  }

  /** The names of the taxonomy version in force. */
  public Names names() {
    return new Names(names.get());
  }

  /** The queues of the contacts kept, for the filter; never null. */
  public List<String> queues() {
    return reads.queues();
  }

  /** The oldest contact kept: a queue filter sees nothing before it. */
  public Optional<Instant> retainedSince() {
    return reads.oldestContact();
  }

  /**
   * Where the figures of a period (and the previous one) come from: the latest done re-score run
   * under the version in force covering both, unless {@code asClassified} or a queue filter (a
   * queue is read from the contacts as classified); otherwise the trends as the analyzer counted
   * them.
   */
  public FigureSource source(Period period, String version, boolean byQueue,
      boolean asClassified) {
    Instant from = period.previous().from();
    Instant to = period.to();
    RescoreStore.Run run = null;
    boolean available = false;
    if (version != null && !byQueue) {
      Optional<RescoreStore.Run> covering = rescores.covering(version, from, to);
      available = covering.isPresent();
      run = asClassified ? null : covering.orElse(null);
    }
    return new FigureSource(version, run, reads.versions(from, to),
        version == null ? List.of() : rescores.pending(version, from, to), from, to,
        reads.oldestContact().orElse(null), available);
  }

  /**
   * The overview of a period, from the figures of re-score run {@code runId} when not null (see
   * {@link #source}); by queue from the contacts of the retention window.
   */
  public Overview overview(Period period, Overview.Filter filter, Names names, String runId) {
    Period before = period.previous();
    List<ExploreReads.ReasonTotals> now;
    List<ExploreReads.ReasonTotals> previous;
    if (filter.queue() == null) {
      now = reads.trendTotals(period.from(), period.to(), filter.channel(), runId);
      previous = reads.trendTotals(before.from(), before.to(), filter.channel(), runId);
    } else {
      now = reads.contactTotals(period.from(), period.to(), filter.channel(), filter.queue());
      previous = reads.contactTotals(before.from(), before.to(), filter.channel(),
          filter.queue());
    }
    return Overview.of(period, filter, now, previous, names.parents(), costPerMinute);
  }

  /**
   * The page of a reason, its series and figures from re-score run {@code runId} when not null
   * (see {@link #source}); its words, attributes and examples are always the contacts as
   * classified.
   *
   * @param resolution minute, hour or day; a minute chart shows at most the last day of the
   *     period
   */
  public ReasonPage reason(String reasonId, Period period, String resolution, String channel,
      String runId) {
    String res = resolution == null || resolution.isBlank() ? "hour"
        : resolution.strip().toLowerCase(Locale.ROOT);
    List<ExploreReads.Point> series = switch (res) {
      case "minute" -> {
        Instant from = period.from().isBefore(period.to().minus(MAX_MINUTE_SPAN))
            ? period.to().minus(MAX_MINUTE_SPAN) : period.from();
        yield reads.series(reasonId, 1, false, from, period.to(), channel, runId);
      }
      case "hour" -> reads.series(reasonId, 60, false, period.from(), period.to(), channel,
          runId);
      case "day" -> reads.series(reasonId, 60, true, period.from(), period.to(), channel, runId);
      default -> throw new IllegalArgumentException("resolution must be minute, hour or day: '"
          + resolution + "'");
    };
    Period before = period.previous();
    Figures now = sum(reads.trendTotals(period.from(), period.to(), channel, runId), reasonId);
    Figures prev = sum(reads.trendTotals(before.from(), before.to(), channel, runId), reasonId);
    ExploreReads.Population population = reads.population(reasonId, period.from(), period.to());
    List<ExploreReads.FeatureCount> features = reads.features(reasonId, period.from(),
        period.to());
    return new ReasonPage(reasonId, period, res, series, now, prev,
        Contrast.strongest(features, "TERM", population.inReason(), population.total(),
            FEATURES),
        Contrast.strongest(features, "ATTRIBUTE", population.inReason(), population.total(),
            FEATURES),
        reads.newestContacts(reasonId, period.from(), period.to(), EXAMPLES),
        definition(reasonId), population.total());
  }

  private static Figures sum(List<ExploreReads.ReasonTotals> totals, String reasonId) {
    return totals.stream().filter(t -> t.reasonId().equals(reasonId)).map(Figures::of)
        .reduce(Figures.NONE, Figures::plus);
  }

  /** The reason's entry in the taxonomy in force, read with the taxonomy module's reader. */
  private Reason definition(String reasonId) {
    Optional<ExploreReads.TaxonomyText> text = reads.taxonomyInForce();
    if (text.isEmpty()) {
      return null;
    }
    try {
      Taxonomy taxonomy = TaxonomyLoader.loadText("taxonomy " + text.get().version(),
          text.get().yaml(), RuleCheck.NONE);
      return taxonomy.reason(reasonId).orElse(null);
    } catch (TaxonomyException e) {
      LOG.warn("taxonomy {} in force does not read: {}", text.get().version(), e.getMessage());
      return null;
    }
  }
}
