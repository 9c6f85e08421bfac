package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import nl.waarom.testing.SchemaRegistryStandIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The schema-registry wire format of {@link AvroSerde}, against the stand-in registry (here, not
 * in {@code schemas}, because the stand-in lives in test-support, which depends on schemas).
 */
class RegistryEncodingTest {
  private static final String CHAT = "waarom.contacts.chat";
  private final SchemaRegistryStandIn registry = SchemaRegistryStandIn.start();
  private final SchemaRegistryClient client =
      new SchemaRegistryClient(SchemaRegistryClient.Options.of(registry.url()));
  private final Topics topics = Topics.withPrefix("waarom.", client);

  @AfterEach
  void stop() {
    registry.close();
  }

  static Contact contact(String id) {
    return Contact.newBuilder()
        .setContactId(id)
        .setChannel(Channel.CHAT)
        .setCustomerKey("c0ffee")
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setLanguage("nl")
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, "De betaallink werkt niet", 0L)))
        .setQueue("billing")
        .setAttributes(Map.of("campaign", "nov-mail"))
        .build();
  }

  private byte[] write(Contact contact) {
    return topics.contactsChat.valueSerde().serializer().serialize(CHAT, contact);
  }

  private Contact read(byte[] bytes) {
    return topics.contactsChat.valueSerde().deserializer().deserialize(CHAT, bytes);
  }

  @Test
  void writesMagicByteZeroAndTheIdOfTheLatestReleasedSchemaRegisteredUnderTopicValue() {
    byte[] bytes = write(contact("chat-1"));

    assertThat(registry.subjects()).containsExactly(CHAT + "-value");
    int id = registry.versions(CHAT + "-value").get(0);
    assertThat(bytes[0]).isEqualTo((byte) 0);
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
    List<Schema> released = ReleasedSchemas.versionsOf(Contact.class.getName());
    assertThat(SchemaNormalization.parsingFingerprint64(client.schema(id)))
        .isEqualTo(SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)));
    assertThat(client.schema(id).toString()).doesNotContain("avro.java.string");
    assertThat(read(bytes)).isEqualTo(contact("chat-1"));
  }

  @Test
  void aGenericReaderThatKnowsOnlyTheWireFormatReadsTheRecord() throws Exception {
    byte[] bytes = write(contact("chat-2"));

    // what any Confluent-compatible consumer does: magic byte, id, fetch, plain Avro binary
    assertThat(bytes[0]).isZero();
    Schema writer = new SchemaRegistryClient(SchemaRegistryClient.Options.of(registry.url()))
        .schema(ByteBuffer.wrap(bytes, 1, 4).getInt());
    GenericRecord r = new GenericDatumReader<GenericRecord>(writer)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
    assertThat(r.get("contactId")).hasToString("chat-2");
    assertThat(r.get("channel")).hasToString("CHAT");
    assertThat(r.get("occurredAt")).isEqualTo(Instant.parse("2026-11-24T10:15:30Z").toEpochMilli());
  }

  @Test
  void theSchemaIsRegisteredAndFetchedOnceNotPerRecord() {
    read(write(contact("a")));
    int after = registry.requests();
    for (int i = 0; i < 50; i++) {
      read(write(contact("c" + i)));
    }
    assertThat(registry.requests()).isEqualTo(after);
  }

  @Test
  void readersUnderstandBothEncodings() {
    byte[] singleObject = AvroSerde.of(Contact.class).encode(contact("old"));
    byte[] registryFormat = write(contact("new"));

    assertThat(singleObject[0]).isEqualTo((byte) 0xC3);
    assertThat(read(singleObject)).isEqualTo(contact("old"));
    assertThat(read(registryFormat)).isEqualTo(contact("new"));
  }

  @Test
  void aRegistryFreeReaderSaysWhichSettingItLacks() {
    byte[] registryFormat = write(contact("new"));
    assertThatThrownBy(() -> AvroSerde.of(Contact.class).decode(registryFormat))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("WAAROM_SCHEMA_REGISTRY_URL");
  }

  @Test
  void internalTopicsKeepSingleObjectEncodingAndAreNotRegistered() {
    byte[] changelog = topics.classified.valueSerde().serializer()
        .serialize("waarom-analyzer-repeat-ledger-changelog", ClassifiedContact.newBuilder()
            .setContactId("x").setChannel(Channel.CHAT).setOccurredAt(Instant.EPOCH)
            .setTaxonomyVersion("1").setReasons(List.of()).setUnexplained(true).build());

    assertThat(changelog[0]).isEqualTo((byte) 0xC3);
    assertThat(changelog[1]).isEqualTo((byte) 0x01);
    assertThat(registry.subjects()).isEmpty();
  }

  @Test
  void aRecordWrittenWithTheReleasedV1SchemaIsResolvedToTheCurrentOne() throws Exception {
    Schema v1 = ReleasedSchemas.versionsOf(Contact.class.getName()).get(0);
    int id = client.register(CHAT + "-value", v1);
    GenericRecord r = new GenericData.Record(v1);
    r.put("contactId", "call-9");
    r.put("channel", new GenericData.EnumSymbol(v1.getField("channel").schema(), "CALL"));
    r.put("occurredAt", 1_700_000_000_000L);
    r.put("turns", List.of());
    r.put("callbackRequested", true);
    r.put("attributes", Map.of());

    Contact read = read(frame(id, v1, r));

    assertThat(read.getContactId()).isEqualTo("call-9");
    assertThat(read.getChannel()).isEqualTo(Channel.CALL);
    assertThat(read.getCallbackRequested()).isTrue();
  }

  @Test
  void anIncompatibleSchemaChangeIsRefusedByTheRegistry() {
    write(contact("first")); // registers the released Contact under the subject
    Schema current = ReleasedSchemas.versionsOf(Contact.class.getName()).get(
        ReleasedSchemas.versionsOf(Contact.class.getName()).size() - 1);
    Schema withRequiredField = withExtraRequiredField(current);

    assertThatThrownBy(() -> client.register(CHAT + "-value", withRequiredField))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("incompatible");
    assertThat(registry.versions(CHAT + "-value")).hasSize(1);
  }

  @Test
  void aWriterSchemaTheReaderCannotResolveIsASerializationException() throws Exception {
    Schema other = SchemaBuilder.record("Contact").namespace("nl.waarom.schemas").fields()
        .requiredString("somethingElse").endRecord();
    int id = client.register("elsewhere-value", other);
    GenericRecord r = new GenericData.Record(other);
    r.put("somethingElse", "x");

    assertThatThrownBy(() -> read(frame(id, other, r)))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("schema id " + id);
  }

  @Test
  void anUnknownSchemaIdIsTheRecordsFault() {
    byte[] bytes = {0, 0, 0, 0x7f, 0x01, 2, 'x'};
    assertThatThrownBy(() -> read(bytes))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("404");
  }

  @Test
  void anUnreachableRegistryIsNotTheRecordsFault() {
    byte[] bytes = write(contact("a"));
    registry.close();
    Topics fresh = Topics.withPrefix("waarom.", new SchemaRegistryClient(
        new SchemaRegistryClient.Options(java.net.URI.create(registry.url()), "", "", true,
            Duration.ofSeconds(2))));

    assertThatThrownBy(() -> fresh.contactsChat.valueSerde().deserializer().deserialize(CHAT, bytes))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(SerializationException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void withoutAutoRegistrationTheSchemaMustBeRegisteredBeforehand() {
    SchemaRegistryClient lookUpOnly = new SchemaRegistryClient(new SchemaRegistryClient.Options(
        java.net.URI.create(registry.url()), "", "", false, Duration.ofSeconds(5)));
    Topics strict = Topics.withPrefix("waarom.", lookUpOnly);

    assertThatThrownBy(() -> strict.contactsChat.valueSerde().serializer().serialize(CHAT, contact("a")))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("automatic registration is off");
    assertThat(registry.subjects()).isEmpty();

    List<Schema> released = ReleasedSchemas.versionsOf(Contact.class.getName());
    int id = client.register(CHAT + "-value", RegisteredSchema.of(released.get(released.size() - 1)));
    byte[] bytes = strict.contactsChat.valueSerde().serializer().serialize(CHAT, contact("a"));
    assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);
  }

  @Test
  void basicAuthenticationIsSentAndAWrongPasswordIsNotTheRecordsFault() {
    try (SchemaRegistryStandIn guarded = SchemaRegistryStandIn.start("waarom", "s3cret")) {
      java.net.URI url = java.net.URI.create(guarded.url());
      Topics good = Topics.withPrefix("waarom.", new SchemaRegistryClient(
          new SchemaRegistryClient.Options(url, "waarom", "s3cret", true, Duration.ofSeconds(5))));
      Topics bad = Topics.withPrefix("waarom.", new SchemaRegistryClient(
          new SchemaRegistryClient.Options(url, "waarom", "wrong", true, Duration.ofSeconds(5))));

      byte[] bytes = good.contactsChat.valueSerde().serializer().serialize(CHAT, contact("a"));
      assertThat(good.contactsChat.valueSerde().deserializer().deserialize(CHAT, bytes))
          .isEqualTo(contact("a"));
      assertThatThrownBy(() -> bad.contactsChat.valueSerde().deserializer().deserialize(CHAT, bytes))
          .isInstanceOf(SchemaRegistryException.class)
          .hasMessageContaining("401");
    }
  }

  @Test
  void thePasswordIsNotPrinted() {
    var options = new SchemaRegistryClient.Options(java.net.URI.create("https://r.example"), "u",
        "hunter2", true, Duration.ofSeconds(1));
    assertThat(options.toString()).doesNotContain("hunter2");
    assertThatThrownBy(() -> SchemaRegistryClient.Options.of("ftp://r.example"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Schema withExtraRequiredField(Schema schema) {
    String json = schema.toString();
    String field = "{\"name\":\"mandatoryNewField\",\"type\":\"string\"},";
    return new Schema.Parser().parse(json.replaceFirst("\"fields\":\\[", "\"fields\":[" + field));
  }

  private static byte[] frame(int id, Schema schema, GenericRecord r) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0);
    out.write(ByteBuffer.allocate(4).putInt(id).array());
    BinaryEncoder e = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(r, e);
    e.flush();
    return out.toByteArray();
  }
}
