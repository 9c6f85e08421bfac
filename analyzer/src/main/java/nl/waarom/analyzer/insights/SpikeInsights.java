package nl.waarom.analyzer.insights;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.waarom.analyzer.taxonomy.Reason;
import nl.waarom.analyzer.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Preventability;

/** Builds the {@link Insight} for a spike: id, cost estimate and summary sentence. */
public final class SpikeInsights {
  /**
   * Minutes per week in which a spike's rate is assumed to hold for the cost estimate: one busy
   * hour a day, seven days a week (60 × 24 × 7 / 24). Extrapolating one minute to every minute
   * of a week would overstate a spike roughly 24-fold; a spike that is not acted on typically
   * comes back at the daily peak, which is what an hour a day models.
   */
  public static final double SPIKE_MINUTES_PER_WEEK = 60.0 * 24 * 7 / 24;
  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Supplier<Taxonomy> taxonomy;
  private final SpikeOptions options;

  public SpikeInsights(Supplier<Taxonomy> taxonomy, SpikeOptions options) {
    this.taxonomy = taxonomy;
    this.options = options;
  }

  /** {@code spike:<reasonId>:<windowStartIso>}: the same spike always gets the same id. */
  public static String insightId(String reasonId, Instant windowStart) {
    return "spike:" + reasonId + ":" + windowStart;
  }

  /**
   * Estimated cost per week: the window's rate per minute (count / window minutes), assumed to
   * hold for {@link #SPIKE_MINUTES_PER_WEEK} minutes a week, × the mean handle time in minutes of
   * the window's contacts × the cost per minute. Null when no contact had a known handle time.
   */
  public Double weeklyCost(WindowStat window) {
    Double handleMinutes = window.avgHandleMinutes();
    if (handleMinutes == null) {
      return null;
    }
    double windowMinutes = options.windowSize().toMillis() / 60_000.0;
    return window.count() / windowMinutes * SPIKE_MINUTES_PER_WEEK * handleMinutes
        * options.costPerMinute();
  }

  /** The insight for a window that crossed the threshold at event time {@code detectedAt}. */
  public Insight spike(String reasonId, WindowStat window, double baseline, Instant detectedAt) {
    Instant start = Instant.ofEpochMilli(window.start());
    List<Channel> channels = window.channels().stream().map(Channel::valueOf).toList();
    return Insight.newBuilder()
        .setInsightId(insightId(reasonId, start))
        .setKind(InsightKind.SPIKE)
        .setReasonId(reasonId)
        .setCandidateTerms(List.of())
        .setWindowStart(start)
        .setWindowEnd(start.plus(options.windowSize()))
        .setCount(window.count())
        .setBaseline(baseline)
        .setChannels(channels)
        .setExamples(window.examples().stream()
            .map(e -> new InsightExample(e.contactId(), e.snippet())).toList())
        .setEstimatedCost(weeklyCost(window))
        .setPreventability(taxonomy.get().reason(reasonId).map(Reason::preventability)
            .orElse(Preventability.UNKNOWN))
        .setDetectedAt(detectedAt)
        .setSummary(summary(reasonId, window, baseline, channels))
        .build();
  }

  private String summary(String reasonId, WindowStat window, double baseline,
      List<Channel> channels) {
    String name = taxonomy.get().reason(reasonId).map(r -> r.name().en()).orElse(reasonId);
    String via = channels.stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList().toString();
    return String.format(Locale.ROOT,
        "Spike in '%s': %d contacts in the minute from %s UTC, %.1f× the usual %.1f (%s).",
        name, window.count(), HH_MM.format(Instant.ofEpochMilli(window.start())),
        window.count() / Math.max(baseline, 1.0), baseline,
        via.substring(1, via.length() - 1));
  }
}
