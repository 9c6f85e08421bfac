package nl.waarom.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.SchemaRegistryClient;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.TrendRow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DecodedBatchTest {
  private static final Topics TOPICS = Topics.withPrefix("t.");
  private static final Instant FAILED_AT = Instant.parse("2026-03-02T10:00:00Z");
  private static final DeadLetters DEAD = new DeadLetters(Clock.fixed(FAILED_AT, ZoneOffset.UTC));

  private static ConsumerRecord<byte[], byte[]> record(String topic, long offset, String key,
      byte[] value) {
    return new ConsumerRecord<>(topic, 0, offset, key.getBytes(StandardCharsets.UTF_8), value);
  }

  @Test
  void decodesInsightsAndTrendsAndDeadLettersGarbage() {
    Insight insight = Fixtures.spike("payment-problem", Fixtures.T0, 40, 100.0);
    ReasonTrend trend = Fixtures.trend("payment-problem", Channel.CHAT, Fixtures.T0, 7);
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    TopicPartition insightsTp = new TopicPartition("t.insights", 0);
    TopicPartition trendsTp = new TopicPartition("t.reason-trends", 0);
    ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(
        insightsTp, List.of(
            record("t.insights", 5, "i1", TOPICS.insights.valueSerde().serializer().serialize("t.insights", insight)),
            record("t.insights", 6, "bad", garbage),
            record("t.insights", 7, "gone", null)),
        trendsTp, List.of(
            record("t.reason-trends", 3, "k", TOPICS.reasonTrends.valueSerde().serializer().serialize("t.reason-trends", trend)))),
        Map.of());

    DecodedBatch batch = DecodedBatch.decode(records, TOPICS, DEAD);

    assertThat(batch.insights()).containsExactly(InsightRow.from(insight));
    assertThat(batch.trends()).containsExactly(TrendRow.from(trend));
    assertThat(batch.firstOffsets()).isEqualTo(Map.of(insightsTp, 5L, trendsTp, 3L));
    assertThat(batch.commitOffsets()).isEqualTo(Map.of(
        insightsTp, new OffsetAndMetadata(8), trendsTp, new OffsetAndMetadata(4)));
    assertThat(batch.deadLetters()).hasSize(2);
    DeadLetter bad = batch.deadLetters().get(0);
    assertThat(bad.getSource()).isEqualTo("insights-sink");
    assertThat(bad.getTopic()).isEqualTo("t.insights");
    assertThat(bad.getPartition()).isZero();
    assertThat(bad.getOffset()).isEqualTo(6L);
    assertThat(bad.getKey()).isEqualTo(ByteBuffer.wrap("bad".getBytes(StandardCharsets.UTF_8)));
    assertThat(bad.getValue()).isEqualTo(ByteBuffer.wrap(garbage));
    assertThat(bad.getError()).startsWith("cannot decode record from t.insights: not a Insight");
    assertThat(bad.getErrorClass()).isEqualTo("org.apache.kafka.common.errors.SerializationException");
    assertThat(bad.getFailedAt()).isEqualTo(FAILED_AT);
    DeadLetter tombstone = batch.deadLetters().get(1);
    assertThat(tombstone.getOffset()).isEqualTo(7L);
    assertThat(tombstone.getValue()).isNull();
    assertThat(tombstone.getError()).contains("no value");
  }

  @Test
  void aRecordWhoseSchemaRegistryIsDownIsRetriedNotDeadLettered() {
    // a registry on a port where nothing listens: the schema of id 7 cannot be fetched
    Topics viaRegistry = Topics.withPrefix("t.", new SchemaRegistryClient(
        new SchemaRegistryClient.Options(URI.create("http://127.0.0.1:1"), "", "", true,
            Duration.ofSeconds(2))));
    byte[] registryFormat = {0, 0, 0, 0, 7, 2, 'x'};
    ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(
        new TopicPartition("t.insights", 0), List.of(record("t.insights", 5, "i1", registryFormat))),
        Map.of());

    assertThatThrownBy(() -> DecodedBatch.decode(records, viaRegistry, DEAD))
        .isInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void decodesTheWorkspacesRecordsIntoOneContactBatchInPollOrder() {
    nl.waarom.schemas.Contact words = nl.waarom.sink.ContactFixtures.chat("c1", Fixtures.T0,
        "dubbel afgeschreven");
    nl.waarom.schemas.ClassifiedContact classified = nl.waarom.sink.ContactFixtures.classified(
        words, "payment-problem", "afgeschreven");
    TopicPartition call = new TopicPartition("t.contacts.call", 0);
    TopicPartition chat = new TopicPartition("t.contacts.chat", 0);
    TopicPartition classifiedTp = new TopicPartition("t.contacts.classified", 0);
    ConsumerRecords<byte[], byte[]> records = new ConsumerRecords<>(Map.of(
        chat, List.of(record("t.contacts.chat", 1, "c1",
            TOPICS.contactsChat.valueSerde().serializer().serialize("t.contacts.chat", words))),
        call, List.of(record("t.contacts.call", 4, "bad",
            "not avro".getBytes(StandardCharsets.UTF_8))),
        classifiedTp, List.of(record("t.contacts.classified", 2, "c1",
            TOPICS.classified.valueSerde().serializer().serialize("t.contacts.classified",
                classified)))), Map.of());

    DecodedBatch batch = DecodedBatch.decode(records, TOPICS, DEAD);

    assertThat(batch.contacts().texts()).containsExactly(
        nl.waarom.sink.db.ContactText.from(words));
    assertThat(batch.contacts().classifications()).containsExactly(
        nl.waarom.sink.db.Classification.from(classified));
    assertThat(batch.contactRecords()).extracting(r -> r.source().topic())
        .containsExactlyInAnyOrder("t.contacts.chat", "t.contacts.classified");
    assertThat(batch.deadLetters()).extracting(DeadLetter::getTopic)
        .containsExactly("t.contacts.call");
    assertThat(batch.commitOffsets().get(call).offset()).isEqualTo(5);
  }
}
