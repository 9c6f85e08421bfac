package nl.waarom.ingest.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import nl.waarom.ingest.auth.ApiKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway without a reachable Kafka (no broker needed): it must never answer 2xx, it reports
 * not ready, and its errors are JSON.
 */
class GatewayKafkaDownTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String KEY = ApiKey.generate();
  private static Gateway gateway;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    gateway = Gateway.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1",
        "WAAROM_GATEWAY_PORT", "0",
        "WAAROM_GATEWAY_PRODUCE_TIMEOUT", "1s",
        "WAAROM_GATEWAY_API_KEYS", ApiKey.of("kafka-down", KEY, null).settingEntry()));
  }

  @AfterAll
  static void stop() {
    gateway.close();
    gateway.close(); // idempotent
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder at(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + gateway.port() + path));
  }

  @Test
  void validContactsAreAnswered503WhenKafkaDoesNotAcknowledge() throws Exception {
    String contact = "{\"contactId\":\"c-1\",\"channel\":\"CHAT\",\"occurredAt\":"
        + "\"2026-11-24T10:15:30Z\",\"turns\":[{\"speaker\":\"CUSTOMER\",\"text\":\"hoi\"}]}";
    HttpResponse<String> response = send(at("/v1/contacts")
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + KEY)
        .POST(HttpRequest.BodyPublishers.ofString("[" + contact + "," + contact + "]")));
    assertThat(response.statusCode()).isEqualTo(503);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        v -> assertThat(v).startsWith("application/json"));
    assertThat(MAPPER.readTree(response.body())).isEqualTo(MAPPER.readTree(
        "{\"error\":\"kafka unavailable\","
            + "\"message\":\"contacts were not acknowledged by Kafka; retry later\"}"));
    assertThat(gateway.registry().scrape())
        .contains("waarom_gateway_requests_rejected_total{reason=\"kafka_unavailable\"} 1.0")
        .contains("waarom_gateway_contacts_accepted_total{channel=\"CHAT\"} 0.0");
  }

  @Test
  void notReadyButHealthy() throws Exception {
    assertThat(send(at("/ready")).statusCode()).isEqualTo(503);
    assertThat(send(at("/healthy")).statusCode()).isEqualTo(200);
  }

  @Test
  void unknownPathsAndMethodsAreAnsweredWithJson() throws Exception {
    HttpResponse<String> notFound = send(at("/v2/nothing"));
    assertThat(notFound.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(notFound.body())).isEqualTo(MAPPER.readTree(
        "{\"error\":\"not found\",\"message\":\"no endpoint GET /v2/nothing\"}"));
    HttpResponse<String> wrongMethod = send(at("/v1/contacts").DELETE());
    assertThat(wrongMethod.statusCode()).isEqualTo(405);
    JsonNode body = MAPPER.readTree(wrongMethod.body());
    assertThat(body.get("error").asText()).isEqualTo("method not allowed");
  }
}
