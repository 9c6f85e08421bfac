package nl.waarom.tools.backtest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import nl.waarom.analyzer.backtest.Backtest;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.feedback.CorrectionReader;
import nl.waarom.platform.CommonSettings;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import nl.waarom.tools.query.TopicScan;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A running installation's contacts, its taxonomy in force and its editors' corrections, read
 * from Kafka with consumers that join no group and commit nothing ({@link TopicScan}: assign,
 * then seek by time): nobody's position moves and nothing is written. A contact delivered twice (the same key) counts once.
 */
final class KafkaContacts {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  /** Records are stamped when they arrived, at or after occurredAt; a minute covers skew. */
  private static final Duration SEEK_MARGIN = Duration.ofMinutes(1);

  private final Config config;
  private final Topics topics;

  KafkaContacts(Config config) {
    this.config = config;
    this.topics = CommonSettings.topics(config);
  }

  String taxonomyTopic() {
    return topics.taxonomy.name();
  }

  /**
   * The document of the latest taxonomy the analyzer published (the greatest publishedAt; of
   * equal ones the later record); empty when none was published or the topic does not exist.
   */
  Optional<TaxonomyDocument> taxonomyInForce() {
    Deserializer<TaxonomySnapshot> values = topics.taxonomy.valueSerde().deserializer();
    TaxonomySnapshot[] latest = new TaxonomySnapshot[1];
    TopicScan scan;
    try {
      scan = open(topics.taxonomy, null);
    } catch (IllegalStateException noSuchTopic) {
      return Optional.empty();
    }
    try (scan) {
      scan.readToEnd(r -> {
        if (r.value() == null) {
          return;
        }
        TaxonomySnapshot s = values.deserialize(r.topic(), r.headers(), r.value());
        if (latest[0] == null || !s.getPublishedAt().isBefore(latest[0].getPublishedAt())) {
          latest[0] = s;
        }
      });
    }
    return Optional.ofNullable(latest[0]).map(KafkaContacts::document);
  }

  /** The document an analyzer published: its YAML exactly as the analyzer loaded it. */
  static TaxonomyDocument document(TaxonomySnapshot snapshot) {
    return new TaxonomyDocument("taxonomy " + snapshot.getVersion() + " as published",
        snapshot.getYaml());
  }

  String correctionsTopic() {
    return topics.corrections.name();
  }

  /**
   * Reads the corrections topic to its end into {@code book}, record by record as the analyzer's
   * {@link CorrectionReader} does (a tombstone withdraws the contact's correction).
   *
   * @return records that were no correction and were passed over; -1 when the topic does not
   *     exist (no correction was ever made)
   */
  int corrections(CorrectionBook book) {
    TopicScan scan;
    try {
      scan = open(topics.corrections, null);
    } catch (IllegalStateException noSuchTopic) {
      return -1;
    }
    int[] undecodable = {0};
    try (scan) {
      scan.readToEnd(r -> {
        String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
        if (CorrectionReader.apply(topics.corrections, book, key, r.value(), r.topic())
            == CorrectionReader.Applied.UNDECODABLE) {
          undecodable[0]++;
        }
      });
    }
    return undecodable[0];
  }

  /** The records of the three contact topics that may hold contacts since {@code since}. */
  Backtest.Source<ConsumerRecord<byte[], byte[]>> records(Instant since) {
    Instant from = since == null ? null : since.minus(SEEK_MARGIN);
    return each -> {
      Set<String> seen = new HashSet<>();
      for (Topic<String, Contact> topic : topics.contactTopics()) {
        try (TopicScan scan = open(topic, from)) {
          scan.readToEnd(r -> {
            String key = r.key() == null ? r.topic() + r.partition() + ":" + r.offset()
                : new String(r.key(), StandardCharsets.UTF_8);
            if (seen.add(key)) {
              each.accept(r);
            }
          });
        }
      }
    };
  }

  /**
   * Decodes a contact record (thread-safe); null for a tombstone, a record that is no contact,
   * and a contact that occurred before {@code since}.
   */
  Function<ConsumerRecord<byte[], byte[]>, Contact> decoder(Instant since) {
    Deserializer<Contact> contacts = topics.contactsChat.valueSerde().deserializer();
    return r -> {
      if (r.value() == null) {
        return null;
      }
      Contact contact;
      try {
        contact = contacts.deserialize(r.topic(), r.headers(), r.value());
      } catch (SerializationException e) {
        return null;
      }
      return since != null && contact.getOccurredAt().isBefore(since) ? null : contact;
    };
  }

  private TopicScan open(Topic<String, ?> topic, Instant from) {
    return TopicScan.open(config.get(CommonSettings.KAFKA_BOOTSTRAP_SERVERS),
        config.kafkaClients(), topic.name(), from, TIMEOUT);
  }
}
