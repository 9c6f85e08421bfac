package nl.waarom.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {
  private final Topics topics = Topics.defaults();

  static Contact contact() {
    return Contact.newBuilder()
        .setContactId("chat-1")
        .setChannel(Channel.CHAT)
        .setCustomerKey("c0ffee")
        .setOccurredAt(Instant.parse("2026-11-24T10:15:30Z"))
        .setLanguage("nl")
        .setTurns(List.of(
            new Turn(Speaker.CUSTOMER, "De betaallink in jullie mail werkt niet", 0L),
            new Turn(Speaker.AGENT, "Dat spijt me, ik kijk even mee", 4_000L)))
        .setTalkMillis(180_000L)
        .setQueue("billing")
        .setAttributes(Map.of("campaign", "nov-mail"))
        .build();
  }

  @Test
  void contactRoundTripsThroughTheTopicSerde() {
    var serde = topics.contactsChat.valueSerde();
    byte[] bytes = serde.serializer().serialize(topics.contactsChat.name(), contact());
    Contact back = serde.deserializer().deserialize(topics.contactsChat.name(), bytes);
    assertThat(back).isEqualTo(contact());
  }

  @Test
  void recordsCarryTheSingleObjectMarkerAndFingerprint() {
    byte[] bytes = AvroSerde.of(Contact.class).encode(contact());
    assertThat(bytes[0]).isEqualTo((byte) 0xC3);
    assertThat(bytes[1]).isEqualTo((byte) 0x01);
    assertThat(bytes.length).isGreaterThan(10);
  }

  @Test
  void everyRecordTypeRoundTrips() {
    Insight insight = Insight.newBuilder()
        .setInsightId("SPIKE|payment-problem|2026-11-24T10:15Z")
        .setKind(InsightKind.SPIKE)
        .setReasonId("payment-problem")
        .setWindowStart(Instant.parse("2026-11-24T10:15:00Z"))
        .setWindowEnd(Instant.parse("2026-11-24T10:16:00Z"))
        .setCount(40)
        .setBaseline(4.5)
        .setChannels(List.of(Channel.CHAT, Channel.EMAIL))
        .setExamples(List.of(new InsightExample("chat-1", "de betaallink werkt niet")))
        .setDetectedAt(Instant.parse("2026-11-24T10:16:00Z"))
        .build();
    assertThat(AvroSerde.of(Insight.class).decode(AvroSerde.of(Insight.class).encode(insight)))
        .isEqualTo(insight);
    DeadLetter dl = DeadLetter.newBuilder()
        .setSource("analyzer").setTopic("waarom.contacts.chat").setPartition(0).setOffset(7L)
        .setValue(java.nio.ByteBuffer.wrap("garbage".getBytes(StandardCharsets.UTF_8)))
        .setError("not a Contact").setFailedAt(Instant.EPOCH).build();
    assertThat(AvroSerde.of(DeadLetter.class).decode(AvroSerde.of(DeadLetter.class).encode(dl)))
        .isEqualTo(dl);
  }

  @Test
  void garbageIsASerializationExceptionThatSaysWhatWasExpected() {
    byte[] garbage = "{\"contactId\":\"x\"}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> topics.contactsChat.valueSerde().deserializer().deserialize("t", garbage))
        .isInstanceOf(SerializationException.class)
        .hasMessageContaining("Contact");
  }

  @Test
  void unknownWriterSchemaIsRejectedNotMisread() {
    Schema other = SchemaBuilder.record("Contact").namespace("nl.waarom.schemas").fields()
        .requiredString("somethingElse").endRecord();
    GenericRecord r = new GenericData.Record(other);
    r.put("somethingElse", "x");
    byte[] bytes = encodeGeneric(other, r);
    assertThatThrownBy(() -> AvroSerde.of(Contact.class).decode(bytes))
        .isInstanceOf(SerializationException.class);
  }

  @Test
  void recordsWrittenWithTheReleasedV1SchemaAreRead() {
    Schema v1 = ReleasedSchemas.versionsOf(Contact.class.getName()).get(0);
    GenericRecord r = new GenericData.Record(v1);
    r.put("contactId", "call-9");
    r.put("channel", new GenericData.EnumSymbol(v1.getField("channel").schema(), "CALL"));
    r.put("occurredAt", 1_700_000_000_000L);
    r.put("turns", List.of());
    r.put("callbackRequested", true);
    r.put("attributes", Map.of());
    Contact read = AvroSerde.of(Contact.class).decode(encodeGeneric(v1, r));
    assertThat(read.getContactId()).isEqualTo("call-9");
    assertThat(read.getChannel()).isEqualTo(Channel.CALL);
    assertThat(read.getCallbackRequested()).isTrue();
  }

  @Test
  void aClassifiedContactOfBeforeSentimentReadsWithoutOne() {
    Schema v2 = ReleasedSchemas.versionsOf(ClassifiedContact.class.getName()).get(1);
    GenericRecord r = new GenericData.Record(v2);
    r.put("contactId", "chat-2");
    r.put("channel", new GenericData.EnumSymbol(v2.getField("channel").schema(), "CHAT"));
    r.put("occurredAt", 1_700_000_000_000L);
    r.put("taxonomyVersion", "1");
    r.put("reasons", List.of());
    r.put("unexplained", true);
    r.put("attributes", Map.of());
    r.put("terms", List.of());
    ClassifiedContact read = AvroSerde.of(ClassifiedContact.class).decode(encodeGeneric(v2, r));
    assertThat(read.getContactId()).isEqualTo("chat-2");
    assertThat(read.getTurnSentiments()).isEmpty();
    assertThat(read.getCustomerStart()).isNull();
    assertThat(read.getCustomerEnd()).isNull();
    assertThat(read.getCustomerNegative()).isNull();
  }

  @Test
  void recordsOfBeforeCallbackRequestsReadAsWithoutOne() {
    Schema v3 = ReleasedSchemas.versionsOf(ClassifiedContact.class.getName()).get(2);
    GenericRecord r = new GenericData.Record(v3);
    r.put("contactId", "chat-3");
    r.put("channel", new GenericData.EnumSymbol(v3.getField("channel").schema(), "CHAT"));
    r.put("occurredAt", 1_700_000_000_000L);
    r.put("taxonomyVersion", "1");
    r.put("reasons", List.of());
    r.put("unexplained", true);
    r.put("attributes", Map.of());
    r.put("terms", List.of());
    r.put("turnSentiments", List.of());
    ClassifiedContact read = AvroSerde.of(ClassifiedContact.class).decode(encodeGeneric(v3, r));
    assertThat(read.getContactId()).isEqualTo("chat-3");
    assertThat(read.getCallbackRequested()).isFalse();

    Schema trendV3 = ReleasedSchemas.versionsOf(ReasonTrend.class.getName()).get(2);
    GenericRecord t = new GenericData.Record(trendV3);
    t.put("reasonId", "billing");
    t.put("channel", new GenericData.EnumSymbol(trendV3.getField("channel").schema(), "CALL"));
    t.put("windowStart", 1_700_000_000_000L);
    t.put("windowEnd", 1_700_000_060_000L);
    t.put("count", 7L);
    t.put("handleMillisTotal", 0L);
    t.put("windowMinutes", 1);
    t.put("handleCount", 0L);
    t.put("repeatCount", 0L);
    t.put("repeatsComplete", false);
    t.put("sentimentCount", 5L);
    t.put("negativeCount", 2L);
    ReasonTrend trend = AvroSerde.of(ReasonTrend.class).decode(encodeGeneric(trendV3, t));
    assertThat(List.of(trend.getCount(), trend.getNegativeCount(), trend.getCallbackCount()))
        .containsExactly(7L, 2L, 0L);
  }

  @Test
  void topicPrefixIsApplied() {
    assertThat(Topics.withPrefix("acme.").all()).extracting(Topic::name).containsExactly(
        "acme.contacts.chat", "acme.contacts.call", "acme.contacts.email",
        "acme.contacts.classified", "acme.reason-trends", "acme.explained-share", "acme.insights",
        "acme.dlq", "acme.taxonomy", "acme.corrections");
    assertThat(topics.contactsFor(Channel.EMAIL).name()).isEqualTo("waarom.contacts.email");
    assertThatThrownBy(() -> Topics.withPrefix("bad prefix/")).isInstanceOf(IllegalArgumentException.class);
  }

  private static byte[] encodeGeneric(Schema schema, GenericRecord r) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(r, out);
      return out.toByteArray();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
