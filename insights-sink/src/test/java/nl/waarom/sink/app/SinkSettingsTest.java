package nl.waarom.sink.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.platform.HttpsListener;
import nl.waarom.platform.Setting;
import org.junit.jupiter.api.Test;

class SinkSettingsTest {

  @Test
  void everySettingHasADescriptionAndAUniqueName() {
    assertThat(SinkSettings.all()).allSatisfy(s ->
        assertThat(s.description()).as(s.env()).isNotBlank().hasSizeGreaterThan(20));
    assertThat(SinkSettings.all().stream().map(Setting::env).distinct())
        .hasSameSizeAs(SinkSettings.all());
    assertThat(SinkSettings.all()).allSatisfy(s -> assertThat(s.env()).startsWith("WAAROM_"));
  }

  @Test
  void defaultsMatchTheDocumentedValues() {
    Config config = Config.load(SinkSettings.all(), Map.of());

    assertThat(config.get(SinkSettings.BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    assertThat(config.get(SinkSettings.TOPIC_PREFIX)).isEqualTo("waarom.");
    assertThat(config.get(SinkSettings.GROUP_ID)).isEqualTo("waarom-insights-sink");
    assertThat(config.get(SinkSettings.PORT)).isEqualTo(8080);
    assertThat(config.get(SinkSettings.DATA_DIR)).isEqualTo(".waarom");
    assertThat(config.get(SinkSettings.PG_PORT)).isZero();
    assertThat(config.get(SinkSettings.JDBC_URL)).isEmpty();
    assertThat(config.get(SinkSettings.RETRY_BACKOFF_MAX)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void httpsNeedsBothCertificateAndKeyAndTheManagementPortIsOffByDefault() {
    assertThatThrownBy(() -> SinkApp.start(Map.of("WAAROM_SINK_TLS_CERT", "/etc/board.crt")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("WAAROM_SINK_TLS_CERT and WAAROM_SINK_TLS_KEY go together");
    Config config = Config.load(SinkSettings.all(), Map.of());
    assertThat(config.get(SinkSettings.MANAGEMENT_PORT)).isEqualTo(-1);
    assertThat(HttpsListener.configured(config, SinkSettings.TLS_CERT, SinkSettings.TLS_KEY,
        null)).isEmpty();
  }

  @Test
  void thePasswordIsMaskedInTheStartUpLog() {
    Config config = Config.load(SinkSettings.all(),
        Map.of("WAAROM_JDBC_URL", "jdbc:postgresql://db/waarom", "WAAROM_JDBC_PASSWORD", "s3cret"));

    assertThat(config.describe()).contains("WAAROM_JDBC_PASSWORD=******")
        .contains("WAAROM_JDBC_URL=jdbc:postgresql://db/waarom").doesNotContain("s3cret");
  }

  @Test
  void aBadPortFailsTheStartNamingTheVariable() {
    assertThatThrownBy(() -> Config.load(SinkSettings.all(), Map.of("WAAROM_SINK_PORT", "70000")))
        .hasMessageContaining("WAAROM_SINK_PORT");
  }
}
