package nl.waarom.analyzer.app;

import java.time.Duration;
import nl.waarom.analyzer.emerging.EmergingOptions;
import nl.waarom.analyzer.emerging.EmergingSettings;
import nl.waarom.analyzer.spikes.SpikeOptions;
import nl.waarom.analyzer.streams.order.OrderOptions;
import nl.waarom.analyzer.repeats.RepeatOptions;
import nl.waarom.analyzer.trends.TrendOptions;
import nl.waarom.platform.Config;

/**
 * The settings that shape the topology (as opposed to how it is run).
 *
 * @param trends trend roll-up, grace and baseline; never null
 * @param spike spike thresholds and cost; never null
 * @param repeat repeat ledger and repeat hotspot settings; never null
 * @param emerging EMERGING_REASON detector settings; never null
 * @param order event-time ordering at the repartition hops; its {@code sources} is 1 unless set
 *     from the real topics ({@link #withSources}); never null
 * @param dedupHorizon how long a copy of a contact (same topic and contactId) is dropped; zero:
 *     never
 */
public record AnalyzerOptions(TrendOptions trends, SpikeOptions spike, RepeatOptions repeat,
    EmergingOptions emerging, OrderOptions order, Duration dedupHorizon) {
  /** Width of every spike window (trends have 1, 15 and 60 minutes, see TrendOptions). */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  public AnalyzerOptions {
    if (!spike.windowSize().equals(WINDOW)) {
      throw new IllegalArgumentException("spike windows must be " + WINDOW);
    }
  }

  public static AnalyzerOptions from(Config config) {
    return new AnalyzerOptions(new TrendOptions(config.get(AnalyzerSettings.TREND_GRACE),
        config.get(AnalyzerSettings.TREND_ROLLUP_GRACE),
        config.get(AnalyzerSettings.TREND_BASELINE_WINDOWS),
        config.get(AnalyzerSettings.TREND_BASELINE_WEEKS), config.get(AnalyzerSettings.REPEAT_WINDOW)),
        new SpikeOptions(WINDOW, config.get(AnalyzerSettings.SPIKE_BASELINE_WINDOWS),
            config.get(AnalyzerSettings.SPIKE_LEVEL_WINDOWS),
            config.get(AnalyzerSettings.SPIKE_SEASON_WEEKS),
            config.get(AnalyzerSettings.SPIKE_MIN_COUNT), config.get(AnalyzerSettings.SPIKE_THRESHOLD),
            config.get(AnalyzerSettings.SPIKE_SHIFT),
            config.get(AnalyzerSettings.SPIKE_MIN_HISTORY_WINDOWS),
            config.get(AnalyzerSettings.SPIKE_LATE_HORIZON),
            config.get(AnalyzerSettings.COST_PER_MINUTE)),
        repeatOptions(config),
        EmergingSettings.options(config, config.get(AnalyzerSettings.COST_PER_MINUTE)),
        new OrderOptions(config.get(AnalyzerSettings.DISORDER_TOLERANCE),
            config.get(AnalyzerSettings.IDLE_TIMEOUT),
            config.get(AnalyzerSettings.WATERMARK_INTERVAL), 1),
        config.get(AnalyzerSettings.DEDUP_HORIZON));
  }

  /**
   * These options for contact topics of {@code partitions} partitions: each repartition hop then
   * has that many source tasks.
   */
  public AnalyzerOptions withSources(int partitions) {
    return new AnalyzerOptions(trends, spike, repeat, emerging, order.withSources(partitions),
        dedupHorizon);
  }

  private static RepeatOptions repeatOptions(Config config) {
    return new RepeatOptions(config.get(AnalyzerSettings.REPEAT_WINDOW),
        config.get(AnalyzerSettings.REPEAT_TRANSFER_GAP),
        config.get(AnalyzerSettings.REPEAT_LATENESS),
        config.get(AnalyzerSettings.REPEAT_EARLY_HORIZON),
        config.get(AnalyzerSettings.REPEAT_RATE_THRESHOLD),
        config.get(AnalyzerSettings.REPEAT_MIN_COUNT), config.get(AnalyzerSettings.REPEAT_MIN_Z),
        config.get(AnalyzerSettings.REPEAT_MIN_RISE),
        config.get(AnalyzerSettings.REPEAT_HISTORY_DAYS),
        config.get(AnalyzerSettings.REPEAT_MIN_HISTORY_DAYS),
        config.get(AnalyzerSettings.COST_PER_MINUTE));
  }
}
