package nl.waarom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.SchemaRegistryClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaRegistrySettingsTest {
  private static Config load(Map<String, String> env) {
    List<Setting<?>> settings = new ArrayList<>(List.of(CommonSettings.TOPIC_PREFIX));
    settings.addAll(CommonSettings.schemaRegistry());
    return Config.load(settings, env);
  }

  @Test
  void withoutAUrlTheTopicsAreRegistryFree() {
    Config config = load(Map.of());
    assertThat(CommonSettings.schemaRegistry(config)).isNull();
    assertThat(CommonSettings.topics(config).registry()).isEmpty();
    assertThat(((AvroSerde<?>) CommonSettings.topics(config).classified.valueSerde())
        .usesRegistry()).isFalse();
  }

  @Test
  void withAUrlEveryTopicUsesOneClientWithTheConfiguredCredentials() {
    Config config = load(Map.of("WAAROM_SCHEMA_REGISTRY_URL", " https://registry.example:8443/ ",
        "WAAROM_SCHEMA_REGISTRY_USER", "waarom", "WAAROM_SCHEMA_REGISTRY_PASSWORD", "hunter2",
        "WAAROM_SCHEMA_REGISTRY_AUTO_REGISTER", "false"));
    SchemaRegistryClient.Options options = CommonSettings.schemaRegistry(config).options();
    assertThat(options.url()).hasToString("https://registry.example:8443/");
    assertThat(options.user()).isEqualTo("waarom");
    assertThat(options.password()).isEqualTo("hunter2");
    assertThat(options.autoRegister()).isFalse();
    assertThat(CommonSettings.topics(config).all()).allSatisfy(topic ->
        assertThat(((AvroSerde<?>) topic.valueSerde()).usesRegistry()).isTrue());
    assertThat(config.describe()).contains("WAAROM_SCHEMA_REGISTRY_PASSWORD=******")
        .doesNotContain("hunter2");
  }

  @Test
  void aUrlThatIsNotHttpIsRefusedAtStart() {
    assertThatThrownBy(() -> load(Map.of("WAAROM_SCHEMA_REGISTRY_URL", "registry:8081")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("WAAROM_SCHEMA_REGISTRY_URL: must be empty or an http(s) URL");
  }

  @Test
  void aTokenFileATrustFileAndATimeoutReachTheClientAndContradictionsAreNamed(@TempDir Path dir)
      throws Exception {
    Path token = Files.writeString(dir.resolve("token"), "t");
    Config config = load(Map.of("WAAROM_SCHEMA_REGISTRY_URL", "https://registry.example",
        "WAAROM_SCHEMA_REGISTRY_TOKEN_FILE", token.toString(),
        "WAAROM_SCHEMA_REGISTRY_TIMEOUT", "3s"));
    SchemaRegistryClient.Options options = CommonSettings.schemaRegistry(config).options();
    assertThat(options.bearerTokenFile()).isEqualTo(token);
    assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(3));
    assertThat(options.trustedCertificates()).isNull();

    assertThatThrownBy(() -> CommonSettings.schemaRegistry(load(Map.of(
        "WAAROM_SCHEMA_REGISTRY_URL", "https://registry.example",
        "WAAROM_SCHEMA_REGISTRY_USER", "ops", "WAAROM_SCHEMA_REGISTRY_TOKEN_FILE",
        token.toString())))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WAAROM_SCHEMA_REGISTRY_USER and WAAROM_SCHEMA_REGISTRY_TOKEN_FILE");
    assertThatThrownBy(() -> CommonSettings.schemaRegistry(load(Map.of(
        "WAAROM_SCHEMA_REGISTRY_URL", "https://registry.example",
        "WAAROM_SCHEMA_REGISTRY_CA", dir.resolve("missing.pem").toString()))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("WAAROM_SCHEMA_REGISTRY_CA").hasMessageContaining("missing.pem");
    assertThatThrownBy(() -> load(Map.of("WAAROM_SCHEMA_REGISTRY_TIMEOUT", "10m")))
        .isInstanceOf(Config.ConfigException.class)
        .hasMessageContaining("WAAROM_SCHEMA_REGISTRY_TIMEOUT");
  }
}
