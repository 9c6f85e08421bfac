package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Records Waarom writes in the schema-registry wire format are read by Confluent's own Avro serde
 * library, and records that library writes are read by Waarom: the npm package
 * {@code @confluentinc/schemaregistry}, run by Node.js from {@code src/test/node} against the
 * stand-in registry. Skipped where Node.js or the package is missing
 * ({@code cd test-support/src/test/node && npm ci} installs it; CI does).
 */
class ConfluentSerdeInteropTest {
  private static final Path NODE_DIR = Path.of("src/test/node");
  private static final String TOPIC = "waarom.contacts.chat";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HexFormat HEX = HexFormat.of();

  private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start("analyst", "pw");
  private final Topics topics = Topics.withPrefix("waarom.", new SchemaRegistryClient(
      new SchemaRegistryClient.Options(java.net.URI.create(registry.url()), "analyst", "pw", true,
          java.time.Duration.ofSeconds(5))));

  @AfterEach
  void stop() {
    registry.close();
  }

  private static Contact contact(String id, String text) {
    return Contact.newBuilder()
        .setContactId(id)
        .setChannel(Channel.CHAT)
        .setCustomerKey("c0ffee")
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setLanguage("nl")
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L),
            new Turn(Speaker.AGENT, "Ik kijk even mee", 4_000L)))
        .setTalkMillis(180_000L)
        .setAttributes(Map.of("campaign", "nov-mail"))
        .build();
  }

  @Test
  void confluentsDeserializerReadsWhatWaaromWrote() throws Exception {
    List<String> hex = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      hex.add(HEX.formatHex(topics.contactsChat.valueSerde().serializer()
          .serialize(TOPIC, contact("chat-" + i, "De betaallink werkt niet " + i))));
    }

    List<JsonNode> read = new ArrayList<>();
    for (String line : confluent("read", hex)) {
      read.add(JSON.readTree(line));
    }

    assertThat(read).hasSize(2);
    JsonNode first = read.get(0);
    assertThat(first.path("contactId").asText()).isEqualTo("chat-0");
    assertThat(first.path("channel").asText()).isEqualTo("CHAT");
    assertThat(first.path("occurredAt").asLong())
        .isEqualTo(Instant.parse("2026-11-24T10:15:30Z").toEpochMilli());
    assertThat(first.path("turns").get(0).path("text").asText())
        .isEqualTo("De betaallink werkt niet 0");
    assertThat(first.path("turns").get(1).path("offsetMillis").asLong()).isEqualTo(4_000L);
    assertThat(first.path("attributes").path("campaign").asText()).isEqualTo("nov-mail");
    assertThat(read.get(1).path("contactId").asText()).isEqualTo("chat-1");
  }

  @Test
  void waaromReadsWhatConfluentsSerializerWrote() throws Exception {
    // the subject's schema as a Waarom writer registers it; Confluent's serializer uses it
    topics.contactsChat.valueSerde().serializer().serialize(TOPIC, contact("seed", "x"));
    ObjectNode value = JSON.createObjectNode()
        .put("contactId", "from-confluent")
        .put("channel", "CALL")
        .put("customerKey", "beef")
        .put("occurredAt", Instant.parse("2026-11-24T11:00:00Z").toEpochMilli())
        .put("language", "en")
        .putNull("subject")
        .put("ivrMillis", 12_000)
        .putNull("queueMillis")
        .put("talkMillis", 60_000)
        .putNull("wrapUpMillis")
        .put("queue", "parcels")
        .put("ivrPath", "2>1")
        .put("callbackRequested", true);
    value.putArray("turns").addObject().put("speaker", "CUSTOMER")
        .put("text", "Where is my parcel?").put("offsetMillis", 0);
    value.putObject("attributes").put("source", "confluent");

    List<String> written = confluent("write", List.of(value.toString()));

    byte[] bytes = HEX.parseHex(written.get(0));
    assertThat(bytes[0]).as("magic byte").isZero();
    Contact read = topics.contactsChat.valueSerde().deserializer().deserialize(TOPIC, bytes);
    assertThat(read.getContactId()).isEqualTo("from-confluent");
    assertThat(read.getChannel()).isEqualTo(Channel.CALL);
    assertThat(read.getOccurredAt()).isEqualTo(Instant.parse("2026-11-24T11:00:00Z"));
    assertThat(read.getTurns()).extracting(Turn::getText).containsExactly("Where is my parcel?");
    assertThat(read.getIvrMillis()).isEqualTo(12_000L);
    assertThat(read.getCallbackRequested()).isTrue();
    assertThat(read.getAttributes()).containsEntry("source", "confluent");
  }

  /** Runs the Node.js script in {@code mode} over {@code input} lines; its output lines. */
  private List<String> confluent(String mode, List<String> input)
      throws IOException, InterruptedException {
    assumeTrue(Files.isDirectory(NODE_DIR.resolve("node_modules/@confluentinc/schemaregistry")),
        "npm ci in " + NODE_DIR + " installs Confluent's serde library");
    Process node;
    try {
      node = new ProcessBuilder("node", "confluent-serde.js", mode, registry.url(), "analyst:pw",
          TOPIC).directory(NODE_DIR.toFile()).redirectError(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      assumeTrue(false, "Node.js is not installed: " + e.getMessage());
      throw e;
    }
    try (var in = node.getOutputStream()) {
      in.write((String.join("\n", input) + "\n").getBytes(StandardCharsets.UTF_8));
    }
    String out = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(node.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as("node: %s", err).isZero();
    return out.lines().toList();
  }
}
