package nl.waarom.analyzer.app;

import java.time.Duration;
import nl.waarom.analyzer.emerging.EmergingOptions;
import nl.waarom.analyzer.emerging.EmergingSettings;
import nl.waarom.analyzer.insights.SpikeOptions;
import nl.waarom.common.Config;

/**
 * The settings that shape the topology (as opposed to how it is run).
 *
 * @param trendGrace how long a trend window accepts late contacts; not negative
 * @param spike spike thresholds and cost; never null
 * @param emerging EMERGING_REASON detector settings; never null
 */
public record AnalyzerOptions(Duration trendGrace, SpikeOptions spike, EmergingOptions emerging) {
  /** Width of every trend and spike window. */
  public static final Duration WINDOW = Duration.ofMinutes(1);

  public AnalyzerOptions {
    if (trendGrace.isNegative()) {
      throw new IllegalArgumentException("trend grace must not be negative: " + trendGrace);
    }
    if (!spike.windowSize().equals(WINDOW)) {
      throw new IllegalArgumentException("spike windows must be " + WINDOW);
    }
  }

  public static AnalyzerOptions from(Config config) {
    return new AnalyzerOptions(config.get(AnalyzerSettings.TREND_GRACE),
        new SpikeOptions(WINDOW, config.get(AnalyzerSettings.SPIKE_BASELINE_WINDOWS),
            config.get(AnalyzerSettings.SPIKE_MIN_COUNT), config.get(AnalyzerSettings.SPIKE_FACTOR),
            config.get(AnalyzerSettings.SPIKE_MIN_HISTORY_WINDOWS),
            config.get(AnalyzerSettings.COST_PER_MINUTE)),
        EmergingSettings.options(config, config.get(AnalyzerSettings.COST_PER_MINUTE)));
  }

  /** How long the trend store keeps windows: long enough for the grace and for the baseline. */
  public Duration trendRetention() {
    Duration forGrace = WINDOW.plus(trendGrace);
    Duration forBaseline = WINDOW.multipliedBy(spike.baselineWindows() + 1L);
    return forGrace.compareTo(forBaseline) >= 0 ? forGrace : forBaseline;
  }
}
