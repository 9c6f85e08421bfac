package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.auth.ApiKey;
import nl.waarom.ingest.auth.RateLimit;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * The gateway in schema-registry mode: contacts are written in the registry's wire format, and
 * while the registry cannot be asked a client is told so (503 naming the registry, retry later)
 * and nothing is written.
 */
class GatewayRegistryIT {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String KEY = ApiKey.generate();

  @Test
  void contactsGoInTheRegistryFormatAndARegistryOutageIsA503ThatSaysSo() throws Exception {
    Topics plain = Topics.withPrefix("gw-reg.");
    try (KafkaBroker broker = KafkaBroker.start();
        SchemaRegistryStandIn registry = SchemaRegistryStandIn.start()) {
      broker.createTopics(plain, 1);
      TopicRecords records = new TopicRecords(broker);
      Map<TopicPartition, Long> before = records.snapshot(plain.contactTopics());
      try (Gateway gateway = Gateway.start(Map.of(
          "WAAROM_GATEWAY_API_KEYS", ApiKey.of("registry-it", KEY, RateLimit.UNLIMITED)
              .settingEntry(),
          "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
          "WAAROM_TOPIC_PREFIX", plain.prefix(),
          "WAAROM_PSEUDONYM_SECRET", "registry-it-secret",
          "WAAROM_GATEWAY_PORT", "0",
          "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "10s",
          "WAAROM_SCHEMA_REGISTRY_URL", registry.url(),
          "WAAROM_SCHEMA_REGISTRY_TIMEOUT", "2s"))) {
        HttpResponse<String> accepted = post(gateway, GatewayIT.contact("reg-1", "CHAT",
            "mijn betaling is mislukt").toString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(registry.subjects()).containsExactly("gw-reg.contacts.chat-value");

        registry.close(); // the call topic's schema was never asked for: it cannot be now
        HttpResponse<String> refused = post(gateway, GatewayIT.contact("reg-2", "CALL",
            "ik wil opzeggen").toString());
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
        JsonNode body = MAPPER.readTree(refused.body());
        assertThat(body.path("error").asText()).isEqualTo("schema registry unavailable");
        assertThat(body.path("message").asText()).contains("retry later");
      }

      Map<TopicPartition, Long> after = records.snapshot(plain.contactTopics());
      assertThat(written(before, after, plain.contactsChat.name())).isEqualTo(1);
      assertThat(written(before, after, plain.contactsCall.name())).as("nothing half-written")
          .isZero();
    }
  }

  private static long written(Map<TopicPartition, Long> before, Map<TopicPartition, Long> after,
      String topic) {
    return after.entrySet().stream().filter(e -> e.getKey().topic().equals(topic))
        .mapToLong(e -> e.getValue() - before.getOrDefault(e.getKey(), 0L)).sum();
  }

  private static HttpResponse<String> post(Gateway gateway, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + gateway.port() + "/v1/contacts"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + KEY)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
