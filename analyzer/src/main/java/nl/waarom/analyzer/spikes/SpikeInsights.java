package nl.waarom.analyzer.spikes;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import nl.waarom.analyzer.insight.InsightCosts;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;

/**
 * Builds the {@link Insight} for a spike: deterministic id, counts, explanation, examples, cost
 * ({@link InsightCosts}) and a summary sentence. Stateless apart from the taxonomy supplier;
 * thread-safe when that is.
 */
public final class SpikeInsights {
  /** Examples per insight. */
  public static final int MAX_EXAMPLES = 5;
  private static final DateTimeFormatter HH_MM =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final Supplier<Taxonomy> taxonomy;
  private final SpikeOptions options;

  public SpikeInsights(Supplier<Taxonomy> taxonomy, SpikeOptions options) {
    this.taxonomy = taxonomy;
    this.options = options;
  }

  /** {@code spike:<reasonId>:<episodeStartIso>}: the same episode always gets the same id. */
  public static String insightId(String reasonId, Instant episodeStart) {
    return "spike:" + reasonId + ":" + episodeStart;
  }

  /**
   * The insight for a spike of {@code reasonId} detected at event time {@code detectedAt}:
   * {@code count} = contacts of the episode so far, {@code baseline} = their expected number,
   * {@code score} = the CUSUM statistic, window = the episode's first minute up to the end of the
   * minute in which it fired.
   */
  public Insight spike(String reasonId, SpikeState.Spike spike, SignalCounts background,
      Instant detectedAt) {
    SpikeEpisode episode = spike.episode();
    Instant start = Instant.ofEpochMilli(episode.startMinute() * SpikeState.MINUTE);
    Instant end = Instant.ofEpochMilli((spike.currentMinute() + 1) * SpikeState.MINUTE);
    List<InsightSignal> signals = SpikeExplainer.explain(episode.signals(), episode.count(),
        background, spike.cell());
    Insight.Builder insight = Insight.newBuilder()
        .setInsightId(insightId(reasonId, start))
        .setKind(InsightKind.SPIKE)
        .setCandidateTerms(signals.stream().filter(s -> s.getKind() == SignalKind.TERM)
            .map(InsightSignal::getValue).toList())
        .setWindowStart(start)
        .setWindowEnd(end)
        .setCount(episode.count())
        .setBaseline(spike.expected())
        .setScore(spike.score())
        .setChannels(episode.channels().stream().map(Channel::valueOf).toList())
        .setExamples(examples(episode, signals))
        .setSignals(signals)
        .setDetectedAt(detectedAt);
    InsightCosts.withReason(insight, taxonomy.get(), reasonId);
    InsightCosts.withEpisodeCost(insight, episode.count(), spike.expected(),
        spike.currentMinute() + 1 - episode.startMinute(), episode.avgHandleMinutes(),
        options.costPerMinute());
    return insight.setSummary(summary(insight.getReasonName().toString(), episode, spike, start,
        signals)).build();
  }

  /** Up to {@link #MAX_EXAMPLES} contacts, those that carry the strongest signal first. */
  static List<InsightExample> examples(SpikeEpisode episode, List<InsightSignal> signals) {
    String top = signals.isEmpty() ? null : Signals.key(signals.get(0).getKind(),
        signals.get(0).getName().toString(), signals.get(0).getValue().toString());
    List<SpikeEpisode.Example> ordered = new ArrayList<>();
    episode.examples().stream().filter(e -> top != null && e.keys().contains(top))
        .forEach(ordered::add);
    episode.examples().stream().filter(e -> top == null || !e.keys().contains(top))
        .forEach(ordered::add);
    return ordered.stream().limit(MAX_EXAMPLES)
        .map(e -> new InsightExample(e.contactId(), e.snippet())).toList();
  }

  private static String summary(String name, SpikeEpisode episode, SpikeState.Spike spike,
      Instant start, List<InsightSignal> signals) {
    String because = "";
    if (!signals.isEmpty()) {
      InsightSignal s = signals.get(0);
      because = String.format(Locale.ROOT, "; most over-represented: %s '%s' (%.0f%% vs %.0f%% "
          + "usually)", s.getName(), s.getValue(), 100 * s.getShare(),
          100 * s.getBackgroundShare());
    }
    return String.format(Locale.ROOT,
        "Spike in '%s': %d contacts since %s UTC where %.1f were expected%s.",
        name, episode.count(), HH_MM.format(start), spike.expected(), because);
  }
}
