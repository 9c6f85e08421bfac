package nl.waarom.analyzer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import nl.waarom.analyzer.streams.order.OrderOptions;
import java.util.Map;
import nl.waarom.analyzer.emerging.EmergingOptions;
import nl.waarom.analyzer.spikes.SpikeOptions;
import nl.waarom.analyzer.repeats.RepeatOptions;
import nl.waarom.analyzer.trends.TrendOptions;
import nl.waarom.platform.Config;
import nl.waarom.platform.Setting;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

class AnalyzerSettingsTest {

  @Test
  void everySettingIsDocumentedAndUnique() {
    assertThat(AnalyzerSettings.all()).allSatisfy(s -> {
      assertThat(s.description()).as(s.env()).isNotBlank();
      assertThat(s.env()).startsWith("WAAROM_");
    });
    assertThat(AnalyzerSettings.all()).extracting(Setting::env).doesNotHaveDuplicates();
  }

  @Test
  void defaultsLoadIntoTheDocumentedValues() {
    Config config = Config.load(AnalyzerSettings.all(), Map.of());

    assertThat(AnalyzerOptions.from(config)).isEqualTo(new AnalyzerOptions(
        new TrendOptions(Duration.ofMinutes(5), Duration.ofHours(48), 15, 4, Duration.ofDays(7)),
        new SpikeOptions(Duration.ofMinutes(1), 15, 60, 4, 8, 8.0, 4.0, 3, Duration.ofHours(48),
            1.0),
        new RepeatOptions(Duration.ofDays(7), Duration.ofMinutes(15), Duration.ofDays(2),
            Duration.ofHours(24), 0.25, 10, 3.0, 1.25, 14, 3, 1.0),
        EmergingOptions.defaults(1.0),
        new OrderOptions(Duration.ofMinutes(2), Duration.ofSeconds(10), Duration.ofSeconds(1), 1),
        Duration.ofHours(24)));
    assertThat(AnalyzerOptions.from(config).spike()).isEqualTo(SpikeOptions.defaults());
    assertThat(AnalyzerApp.streamsProperties(config)).containsEntry(
            StreamsConfig.APPLICATION_ID_CONFIG, "waarom-analyzer")
        .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "exactly_once_v2")
        .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100L)
        .containsEntry("producer.linger.ms", 5);
    assertThat(config.get(AnalyzerSettings.PORT)).isEqualTo(8082);
    assertThat(config.get(AnalyzerSettings.TAXONOMY_FILE)).isEmpty();
  }

  @Test
  void processingGuaranteeIsForgiving() {
    assertThat(ProcessingGuarantee.parse(" Exactly-Once-V2 ")).isEqualTo(ProcessingGuarantee.EXACTLY_ONCE_V2);
    assertThat(ProcessingGuarantee.parse("at_least_once")).isEqualTo(ProcessingGuarantee.AT_LEAST_ONCE);
    assertThatThrownBy(() -> Config.load(AnalyzerSettings.all(),
        Map.of("WAAROM_ANALYZER_PROCESSING_GUARANTEE", "maybe")))
        .hasMessageContaining("WAAROM_ANALYZER_PROCESSING_GUARANTEE: not a processing guarantee");
  }

  @Test
  void trendStoresKeepWindowsForGraceBaselineAndRepeats() {
    Config config = Config.load(AnalyzerSettings.all(), Map.of("WAAROM_TREND_GRACE", "2m",
        "WAAROM_TREND_ROLLUP_GRACE", "1h", "WAAROM_TREND_BASELINE_WEEKS", "2"));

    // 1m: the 15 baseline windows beat 1m + 2m grace; 15m: the 15 baseline windows beat
    // 15m + 1h; 60m: 2 weeks of same-hour baseline beat the 7-day repeat window.
    assertThat(AnalyzerOptions.from(config).trends().rollups()).containsExactly(
        new TrendOptions.Rollup(1, Duration.ofMinutes(2), Duration.ofMinutes(16)),
        new TrendOptions.Rollup(15, Duration.ofHours(1), Duration.ofMinutes(240)),
        new TrendOptions.Rollup(60, Duration.ofHours(1), Duration.ofDays(14).plusHours(1)));
    assertThat(AnalyzerOptions.from(Config.load(AnalyzerSettings.all(), Map.of()))
        .trends().rollups()).extracting(TrendOptions.Rollup::retention).containsExactly(
        Duration.ofMinutes(16), Duration.ofHours(48).plusMinutes(15),
        Duration.ofDays(28).plusHours(1));
  }
}
