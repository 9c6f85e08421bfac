package nl.waarom.analyzer.repeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.waarom.analyzer.app.AnalyzerOptions;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.platform.Config;
import org.junit.jupiter.api.Test;

class RepeatOptionsTest {
  private static RepeatOptions load(Map<String, String> env) {
    return AnalyzerOptions.from(Config.load(AnalyzerSettings.all(), env)).repeat();
  }

  @Test
  void settingsReachTheOptions() {
    RepeatOptions options = load(Map.of("WAAROM_REPEAT_WINDOW", "3d",
        "WAAROM_REPEAT_TRANSFER_GAP", "5m", "WAAROM_REPEAT_RATE_THRESHOLD", "0.4",
        "WAAROM_COST_PER_MINUTE", "0.8"));

    assertThat(options.window()).hasDays(3);
    assertThat(options.transferGap()).hasMinutes(5);
    assertThat(options.rateThreshold()).isEqualTo(0.4);
    assertThat(options.costPerMinute()).isEqualTo(0.8);
    assertThat(options.ledgerRetention()).hasDays(5); // 3 d window + 2 d lateness
  }

  @Test
  void inconsistentSettingsAreRejectedWithTheValues() {
    assertThatThrownBy(() -> load(Map.of("WAAROM_REPEAT_TRANSFER_GAP", "7d")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("transfer gap PT168H").hasMessageContaining("gap < window");
    assertThatThrownBy(() -> load(Map.of("WAAROM_REPEAT_EARLY_HORIZON", "8d")))
        .hasMessageContaining("early horizon PT192H");
    assertThatThrownBy(() -> load(Map.of("WAAROM_REPEAT_MIN_HISTORY_DAYS", "20")))
        .hasMessageContaining("history 20/14");
  }
}
