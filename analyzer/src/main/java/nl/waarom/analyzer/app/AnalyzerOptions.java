package nl.waarom.analyzer.app;

import java.time.Duration;
import nl.waarom.analyzer.insights.SpikeOptions;
import nl.waarom.analyzer.trends.TrendOptions;
import nl.waarom.common.Config;

/**
 * The settings that shape the topology (as opposed to how it is run).
 *
 * @param trends trend roll-up, grace and baseline; never null
 * @param spike spike thresholds and cost; never null
 */
public record AnalyzerOptions(TrendOptions trends, SpikeOptions spike) {
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
        config.get(AnalyzerSettings.TREND_BASELINE_WEEKS), TrendOptions.DEFAULT_REPEAT_WINDOW),
        new SpikeOptions(WINDOW, config.get(AnalyzerSettings.SPIKE_BASELINE_WINDOWS),
            config.get(AnalyzerSettings.SPIKE_MIN_COUNT), config.get(AnalyzerSettings.SPIKE_FACTOR),
            config.get(AnalyzerSettings.SPIKE_MIN_HISTORY_WINDOWS),
            config.get(AnalyzerSettings.COST_PER_MINUTE)));
  }
}
