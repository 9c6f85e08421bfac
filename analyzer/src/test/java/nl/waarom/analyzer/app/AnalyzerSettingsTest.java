package nl.waarom.analyzer.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.waarom.analyzer.emerging.EmergingOptions;
import nl.waarom.analyzer.insights.SpikeOptions;
import nl.waarom.common.Config;
import nl.waarom.common.Setting;
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

    assertThat(AnalyzerOptions.from(config)).isEqualTo(new AnalyzerOptions(Duration.ofMinutes(5),
        new SpikeOptions(Duration.ofMinutes(1), 15, 10, 3.0, 3, 1.0),
        EmergingOptions.defaults(1.0)));
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
  void trendStoreKeepsEnoughWindowsForTheBaseline() {
    Config config = Config.load(AnalyzerSettings.all(), Map.of("WAAROM_TREND_GRACE", "2m"));

    assertThat(AnalyzerOptions.from(config).trendRetention()).isEqualTo(Duration.ofMinutes(16));
  }
}
