package nl.waarom.sink.consume;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.db.Classification;
import nl.waarom.sink.db.ContactBatch;
import nl.waarom.sink.db.ContactText;
import nl.waarom.sink.db.CorrectionRow;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.TaxonomyRow;
import nl.waarom.sink.db.TrendRow;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * One poll's records, decoded: insight and trend rows and the team workspace's records to store, dead letters for records that
 * could not be decoded, and per partition the first offset (to rewind to on failure) and the
 * offset to commit after success.
 *
 * @param insights never null, in poll order
 * @param insightSources the record each insight came from, same order; never null
 * @param trends never null, in poll order
 * @param trendSources the record each trend came from, same order; never null
 * @param shares explained-share rows, in poll order; never null
 * @param shareSources the record each share came from, same order; never null
 * @param contactRecords taxonomy versions, contact words, classifications and corrections, in
 *     poll order; never null
 * @param deadLetters never null
 * @param firstOffsets never null
 * @param commitOffsets never null; last offset + 1 per partition
 */
public record DecodedBatch(List<InsightRow> insights,
    List<ConsumerRecord<byte[], byte[]>> insightSources, List<TrendRow> trends,
    List<ConsumerRecord<byte[], byte[]>> trendSources, List<ShareRow> shares,
    List<ConsumerRecord<byte[], byte[]>> shareSources, List<ContactRecord> contactRecords,
    List<DeadLetter> deadLetters, Map<TopicPartition, Long> firstOffsets,
    Map<TopicPartition, OffsetAndMetadata> commitOffsets) {

  /**
   * A record of the team workspace with the record it came from.
   *
   * @param row a {@link TaxonomyRow}, {@link ContactText}, {@link Classification} or
   *     {@link CorrectionRow}; never null
   * @param source never null
   */
  public record ContactRecord(Object row, ConsumerRecord<byte[], byte[]> source) {
    /** This record alone. */
    public ContactBatch batch() {
      return DecodedBatch.batch(List.of(this));
    }
  }

  /** The workspace's records of the poll, by kind, each in poll order. */
  public ContactBatch contacts() {
    return batch(contactRecords);
  }

  static ContactBatch batch(List<ContactRecord> records) {
    List<TaxonomyRow> taxonomies = new ArrayList<>();
    List<ContactText> texts = new ArrayList<>();
    List<Classification> classifications = new ArrayList<>();
    List<CorrectionRow> corrections = new ArrayList<>();
    for (ContactRecord r : records) {
      switch (r.row()) {
        case TaxonomyRow t -> taxonomies.add(t);
        case ContactText t -> texts.add(t);
        case Classification c -> classifications.add(c);
        case CorrectionRow c -> corrections.add(c);
        default -> throw new IllegalStateException("not a workspace row: " + r.row());
      }
    }
    return new ContactBatch(taxonomies, texts, classifications, corrections);
  }

  /**
   * Decodes every record of a poll with the catalogue's serdes. A record whose value cannot be
   * decoded (or is empty) becomes a dead letter and is skipped, so it never blocks its partition.
   */
  public static DecodedBatch decode(ConsumerRecords<byte[], byte[]> records, Topics topics,
      DeadLetters deadLetterFactory) {
    List<InsightRow> insights = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> insightSources = new ArrayList<>();
    List<TrendRow> trends = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> trendSources = new ArrayList<>();
    List<ShareRow> shares = new ArrayList<>();
    List<ConsumerRecord<byte[], byte[]>> shareSources = new ArrayList<>();
    List<ContactRecord> contacts = new ArrayList<>();
    List<DeadLetter> dead = new ArrayList<>();
    Map<String, Topic<String, Contact>> contactTopics = topics.contactTopics().stream()
        .collect(Collectors.toMap(Topic::name, t -> t));
    Map<TopicPartition, Long> first = new HashMap<>();
    Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
    for (ConsumerRecord<byte[], byte[]> r : records) {
      TopicPartition tp = new TopicPartition(r.topic(), r.partition());
      first.merge(tp, r.offset(), Math::min);
      commit.merge(tp, new OffsetAndMetadata(r.offset() + 1),
          (a, b) -> a.offset() >= b.offset() ? a : b);
      try {
        if (r.value() == null) {
          throw new IllegalArgumentException("record has no value (tombstone)");
        }
        if (r.topic().equals(topics.insights.name())) {
          insights.add(InsightRow.from(topics.insights.valueSerde().deserializer()
              .deserialize(r.topic(), r.value())));
          insightSources.add(r);
        } else if (r.topic().equals(topics.reasonTrends.name())) {
          trends.add(TrendRow.from(topics.reasonTrends.valueSerde().deserializer()
              .deserialize(r.topic(), r.value())));
          trendSources.add(r);
        } else if (r.topic().equals(topics.explainedShare.name())) {
          shares.add(ShareRow.from(topics.explainedShare.valueSerde().deserializer()
              .deserialize(r.topic(), r.value())));
          shareSources.add(r);
        } else if (contactTopics.containsKey(r.topic())) {
          contacts.add(new ContactRecord(ContactText.from(contactTopics.get(r.topic()).valueSerde()
              .deserializer().deserialize(r.topic(), r.value())), r));
        } else if (r.topic().equals(topics.classified.name())) {
          contacts.add(new ContactRecord(Classification.from(topics.classified.valueSerde()
              .deserializer().deserialize(r.topic(), r.value())), r));
        } else if (r.topic().equals(topics.corrections.name())) {
          contacts.add(new ContactRecord(CorrectionRow.from(topics.corrections.valueSerde()
              .deserializer().deserialize(r.topic(), r.value())), r));
        } else if (r.topic().equals(topics.taxonomy.name())) {
          contacts.add(new ContactRecord(TaxonomyRow.from(topics.taxonomy.valueSerde()
              .deserializer().deserialize(r.topic(), r.value())), r));
        } else {
          throw new IllegalArgumentException("unexpected topic " + r.topic());
        }
      } catch (SchemaRegistryException e) {
        throw e; // not the record's fault: the batch is read again later
      } catch (RuntimeException e) {
        dead.add(deadLetterFactory.of(r, e));
      }
    }
    return new DecodedBatch(List.copyOf(insights), List.copyOf(insightSources), List.copyOf(trends),
        List.copyOf(trendSources), List.copyOf(shares), List.copyOf(shareSources),
        List.copyOf(contacts), List.copyOf(dead),
        Map.copyOf(first), Map.copyOf(commit));
  }

}
