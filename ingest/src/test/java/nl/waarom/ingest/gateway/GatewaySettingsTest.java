package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import nl.waarom.ingest.IngestSettings;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.KeyFile;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.platform.Config;
import nl.waarom.platform.Setting;
import org.junit.jupiter.api.Test;

class GatewaySettingsTest {
  /** A key configured where its hash belongs: refused, and not echoed. */
  private static final String KEY = ApiKey.generate();

  @Test
  void everySettingIsDocumentedAndNamedOnce() {
    assertThat(GatewaySettings.all())
        .allSatisfy(s -> assertThat(s.description()).as(s.env()).isNotBlank())
        .allSatisfy(s -> assertThat(s.env()).startsWith("WAAROM_"))
        .extracting(Setting::env).doesNotHaveDuplicates()
        .containsExactly("WAAROM_KAFKA_BOOTSTRAP_SERVERS", "WAAROM_KAFKA_CLIENT_PROPERTIES",
            "WAAROM_TOPIC_PREFIX", "WAAROM_SCHEMA_REGISTRY_URL", "WAAROM_SCHEMA_REGISTRY_USER",
            "WAAROM_SCHEMA_REGISTRY_PASSWORD", "WAAROM_SCHEMA_REGISTRY_TOKEN_FILE",
            "WAAROM_SCHEMA_REGISTRY_CA", "WAAROM_SCHEMA_REGISTRY_TIMEOUT",
            "WAAROM_SCHEMA_REGISTRY_AUTO_REGISTER",
            "WAAROM_PSEUDONYM_SECRET", "WAAROM_GATEWAY_PORT", "WAAROM_GATEWAY_MAX_BODY_BYTES",
            "WAAROM_GATEWAY_MAX_BATCH", "WAAROM_GATEWAY_PRODUCE_TIMEOUT",
            "WAAROM_GATEWAY_API_KEYS", "WAAROM_GATEWAY_API_KEYS_FILE", "WAAROM_GATEWAY_RATE_LIMIT",
            "WAAROM_GATEWAY_BIND", "WAAROM_GATEWAY_MANAGEMENT_PORT", "WAAROM_GATEWAY_TLS_CERT", "WAAROM_GATEWAY_TLS_KEY",
            "WAAROM_GATEWAY_TLS_CLIENT_CA",
            "WAAROM_WEBHOOK_INTERCOM_SECRET", "WAAROM_WEBHOOK_ZENDESK_SECRET",
            "WAAROM_WEBHOOK_MAX_AGE");
  }

  @Test
  void defaultsMatchTheDocumentation() {
    Config c = Config.load(GatewaySettings.all(), Map.of());
    assertThat(c.get(IngestSettings.KAFKA_BOOTSTRAP_SERVERS)).isEqualTo("localhost:9092");
    assertThat(c.get(IngestSettings.TOPIC_PREFIX)).isEqualTo("waarom.");
    assertThat(c.get(GatewaySettings.PORT)).isEqualTo(8081);
    assertThat(c.get(GatewaySettings.MAX_BODY_BYTES)).isEqualTo(5 * 1024 * 1024);
    assertThat(c.get(GatewaySettings.MAX_BATCH)).isEqualTo(1000);
    assertThat(c.get(GatewaySettings.PRODUCE_TIMEOUT)).isEqualTo(Duration.ofSeconds(30));
    assertThat(c.get(GatewaySettings.INTERCOM_SECRET)).isEmpty();
    assertThat(c.get(GatewaySettings.ZENDESK_SECRET)).isEmpty();
    assertThat(c.get(GatewaySettings.WEBHOOK_MAX_AGE)).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.get(GatewaySettings.API_KEYS).isEmpty()).isTrue();
    assertThat(c.get(GatewaySettings.API_KEYS_FILE)).isSameAs(KeyFile.NONE);
    assertThat(c.get(GatewaySettings.RATE_LIMIT)).isEqualTo(new RateLimit(200, Duration.ofSeconds(1)));
    assertThat(Config.load(GatewaySettings.all(), Map.of("WAAROM_WEBHOOK_ZENDESK_SECRET", "zk"))
        .describe()).contains("WAAROM_WEBHOOK_ZENDESK_SECRET=******").doesNotContain("=zk");
    assertThat(c.describe()).contains("WAAROM_PSEUDONYM_SECRET=******")
        .doesNotContain(IngestSettings.DEFAULT_PSEUDONYM_SECRET);
  }

  @Test
  void badValuesAreAllReported() {
    assertThatThrownBy(() -> Config.load(GatewaySettings.all(), Map.of(
        "WAAROM_TOPIC_PREFIX", "bad prefix!", "WAAROM_GATEWAY_PORT", "70000",
        "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "500ms", "WAAROM_GATEWAY_API_KEYS", "crm:" + KEY,
        "WAAROM_GATEWAY_API_KEYS_FILE", "/no/such/keys", "WAAROM_GATEWAY_RATE_LIMIT", "lots")))
        .isInstanceOfSatisfying(Config.ConfigException.class, e -> assertThat(e.errors())
            .hasSize(6)
            .noneSatisfy(m -> assertThat(m).contains(KEY))
            .contains("WAAROM_GATEWAY_API_KEYS: entry 1: the hash of key 'crm' is not a SHA-256 "
                + "in hex (64 hex digits)", "WAAROM_GATEWAY_API_KEYS_FILE: no such file: "
                + "/no/such/keys")
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_GATEWAY_RATE_LIMIT: not a rate limit"))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_TOPIC_PREFIX"))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_GATEWAY_PORT"))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_GATEWAY_PRODUCE_TIMEOUT")
                .contains("at least 1s")));
  }

  @Test
  void tlsSettingsGoTogether() {
    assertThat(Gateway.tls(Config.load(GatewaySettings.all(), Map.of()))).isEmpty();
    assertThatThrownBy(() -> Gateway.tls(Config.load(GatewaySettings.all(),
        Map.of("WAAROM_GATEWAY_TLS_CERT", "/etc/tls/tls.crt"))))
        .hasMessageContaining("WAAROM_GATEWAY_TLS_KEY").hasMessageContaining("set both");
    assertThatThrownBy(() -> Gateway.tls(Config.load(GatewaySettings.all(),
        Map.of("WAAROM_GATEWAY_TLS_CLIENT_CA", "/etc/tls/ca.crt"))))
        .hasMessageContaining("needs HTTPS");
    assertThat(Gateway.tls(Config.load(GatewaySettings.all(), Map.of(
        "WAAROM_GATEWAY_TLS_CERT", "/etc/tls/tls.crt", "WAAROM_GATEWAY_TLS_KEY", "/etc/tls/tls.key"))))
        .hasValueSatisfying(pem -> assertThat(pem.clientCa()).isNull());
  }
}
