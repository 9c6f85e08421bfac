package nl.waarom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {
  private static final String PASSWORD = "pa55-w0rd-nobody-may-see";
  private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule "
      + "required username=\"waarom\" password=\"" + PASSWORD + "\";";
  private static final List<Setting<?>> CATALOGUE = List.of(
      CommonSettings.KAFKA_BOOTSTRAP_SERVERS, CommonSettings.KAFKA_SESSION_TIMEOUT,
      CommonSettings.KAFKA_CLIENT_PROPERTIES);

  @TempDir Path dir;

  @Test
  void everyOtherWaaromKafkaVariableBecomesAClientProperty() {
    Config config = Config.load(CATALOGUE, Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9093",
        "WAAROM_KAFKA_SESSION_TIMEOUT", "20s",
        "WAAROM_KAFKA_PORT", "9092",
        "WAAROM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "WAAROM_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
        "WAAROM_KAFKA_SASL_JAAS_CONFIG", JAAS,
        "WAAROM_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
        "WAAROM_OTHER", "x"));

    KafkaClientProperties kafka = config.kafkaClients();
    assertThat(kafka.names()).containsExactly("sasl.jaas.config", "sasl.mechanism",
        "security.protocol", "ssl.truststore.location");
    assertThat(kafka.producer(Map.of("linger.ms", 5))).containsEntry("linger.ms", 5)
        .containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.jaas.config", JAAS);
    Properties streams = new Properties();
    streams.put("application.id", "a");
    assertThat(kafka.streams(streams)).containsEntry("application.id", "a")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void eachClientGetsOnlyThePropertiesItKnows() {
    KafkaClientProperties kafka = KafkaClientProperties.load("", Map.of(
        "WAAROM_KAFKA_SECURITY_PROTOCOL", "SSL",
        "WAAROM_KAFKA_LINGER_MS", "20",
        "WAAROM_KAFKA_FETCH_MAX_BYTES", "1048576"));

    assertThat(kafka.producer(Map.of()).keySet())
        .containsExactlyInAnyOrder("security.protocol", "linger.ms");
    assertThat(kafka.consumer(Map.of()).keySet())
        .containsExactlyInAnyOrder("security.protocol", "fetch.max.bytes");
    assertThat(kafka.admin(Map.of()).keySet()).containsExactly("security.protocol");
  }

  @Test
  void theFileIsReadAndTheEnvironmentWinsOverIt() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, """
        # a standard client properties file
        security.protocol=SSL
        ssl.keystore.location=/etc/kafka/client.p12
        ssl.keystore.password=from-the-file
        """, StandardCharsets.UTF_8);

    KafkaClientProperties kafka = Config.load(CATALOGUE, Map.of(
        "WAAROM_KAFKA_CLIENT_PROPERTIES", file.toString(),
        "WAAROM_KAFKA_SSL_KEYSTORE_PASSWORD", "from-the-environment")).kafkaClients();

    assertThat(kafka.consumer(Map.of())).containsEntry("security.protocol", "SSL")
        .containsEntry("ssl.keystore.location", "/etc/kafka/client.p12")
        .containsEntry("ssl.keystore.password", "from-the-environment");
  }

  @Test
  void aTypoIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> Config.load(CATALOGUE, Map.of(
        "WAAROM_KAFKA_SECURITY_PROTOCL", "SASL_SSL")))
        .isInstanceOfSatisfying(Config.ConfigException.class, e -> assertThat(e.errors())
            .singleElement().asString().startsWith("WAAROM_KAFKA_SECURITY_PROTOCL: ")
            .contains("security.protocl is not a Kafka"));
  }

  @Test
  void propertiesWaaromControlsAreRefusedWithTheReason() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "isolation.level=read_uncommitted\nsecurity.protocol=SSL\n",
        StandardCharsets.UTF_8);
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_CLIENT_PROPERTIES", file.toString());
    env.put("WAAROM_KAFKA_ENABLE_IDEMPOTENCE", "false");
    env.put("WAAROM_KAFKA_TRANSACTIONAL_ID", "mine");
    env.put("WAAROM_KAFKA_VALUE_SERIALIZER", "x.Y");
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092"); // Waarom's own setting: fine

    assertThatThrownBy(() -> Config.load(CATALOGUE, env))
        .isInstanceOfSatisfying(Config.ConfigException.class, e -> assertThat(e.errors())
            .hasSize(4)
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_KAFKA_ENABLE_IDEMPOTENCE: ")
                .contains("enable.idempotence is controlled by Waarom"))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_KAFKA_TRANSACTIONAL_ID: "))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_KAFKA_VALUE_SERIALIZER: "))
            .anySatisfy(m -> assertThat(m).startsWith("WAAROM_KAFKA_CLIENT_PROPERTIES: ")
                .contains(file.toString()).contains("isolation.level is controlled by Waarom")));
  }

  @Test
  void aMissingFileIsAnError() {
    assertThatThrownBy(() -> Config.load(CATALOGUE, Map.of(
        "WAAROM_KAFKA_CLIENT_PROPERTIES", dir.resolve("nope.properties").toString())))
        .hasMessageContaining("WAAROM_KAFKA_CLIENT_PROPERTIES: cannot read");
  }

  @Test
  void secretsNeverAppearInTheDescription() throws IOException {
    Path file = dir.resolve("client.properties");
    Files.writeString(file, "ssl.key.password=" + PASSWORD + "-key\n"
        + "ssl.keystore.key=-----BEGIN PRIVATE KEY----- " + PASSWORD + "-pem\n",
        StandardCharsets.UTF_8);
    Config config = Config.load(CATALOGUE, Map.of(
        "WAAROM_KAFKA_CLIENT_PROPERTIES", file.toString(),
        "WAAROM_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
        "WAAROM_KAFKA_SASL_JAAS_CONFIG", JAAS,
        "WAAROM_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
        "WAAROM_KAFKA_SSL_TRUSTSTORE_PASSWORD", PASSWORD + "-trust",
        "WAAROM_KAFKA_SSL_TRUSTSTORE_TYPE", "PKCS12",
        "WAAROM_KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET", PASSWORD + "-oauth"));

    String described = config.describe();

    assertThat(described).doesNotContain(PASSWORD)
        .contains("security.protocol=SASL_SSL")
        .contains("sasl.jaas.config=****")
        .contains("ssl.truststore.password=****")
        .contains("ssl.key.password=****")
        .contains("ssl.keystore.key=****")
        .contains("sasl.oauthbearer.client.credentials.client.secret=****")
        .contains("ssl.truststore.location=/etc/kafka/truststore.p12")
        .contains("ssl.truststore.type=PKCS12")
        .contains("WAAROM_KAFKA_CLIENT_PROPERTIES=" + file);
    assertThat(config.kafkaClients().toString()).doesNotContain(PASSWORD);
  }

  @Test
  void withoutPropertiesTheDescriptionSaysPlaintext() {
    assertThat(Config.load(CATALOGUE, Map.of()).describe())
        .contains("Kafka client properties: none (plaintext, no authentication)");
    assertThat(Config.load(CATALOGUE, Map.of()).kafkaClients().isEmpty()).isTrue();
  }

  @Test
  void aCatalogueWithoutKafkaClientsReadsNoProperties() {
    Config config = Config.load(List.of(CommonSettings.TOPIC_PREFIX),
        Map.of("WAAROM_KAFKA_SECURITY_PROTOCL", "typo, but nobody here reads it"));
    assertThat(config.describe()).doesNotContain("Kafka client properties");
    assertThatThrownBy(config::kafkaClients).hasMessageContaining("WAAROM_KAFKA_CLIENT_PROPERTIES");
  }
}
