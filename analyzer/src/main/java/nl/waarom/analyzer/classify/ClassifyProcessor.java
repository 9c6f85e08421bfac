package nl.waarom.analyzer.classify;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;
import nl.waarom.schemas.ArrivalHeader;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.SchemaRegistryException;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes one contact record and classifies it. Reads raw bytes so that a record that cannot be
 * decoded (or fails to classify) becomes a {@link DeadLetter} with its original bytes and its
 * topic, partition and offset, inside the same exactly-once transaction, instead of stopping the
 * application. The forwarded record's timestamp is the contact's {@code occurredAt}, so every
 * window downstream runs on event time; when the contact arrived (the header {@link
 * ArrivalHeader#NAME} if the producer set it, else the input record's timestamp) goes on in that
 * header.
 */
public final class ClassifyProcessor implements FixedKeyProcessor<String, byte[], Outcome> {
  /** Value of {@code DeadLetter.source} for everything this application rejects. */
  public static final String SOURCE = "analyzer";
  /** A contact may be at most this far in the future (clock skew), below Kafka's one hour. */
  static final long MAX_FUTURE_MS = 30 * 60_000L;
  private static final Logger LOG = LoggerFactory.getLogger(ClassifyProcessor.class);

  private final Serde<Contact> contactSerde;
  private final Supplier<Classifier> classifiers;
  private FixedKeyProcessorContext<String, Outcome> context;

  /**
   * @param contactSerde decodes the value; its deserializer must throw on bad bytes
   * @param classifiers the classifier in force, asked once per record (it may be replaced while
   *     running when the taxonomy is reloaded); shared, thread-safe
   */
  public ClassifyProcessor(Serde<Contact> contactSerde, Supplier<Classifier> classifiers) {
    this.contactSerde = contactSerde;
    this.classifiers = classifiers;
  }

  @Override
  public void init(FixedKeyProcessorContext<String, Outcome> context) {
    this.context = context;
  }

  @Override
  public void process(FixedKeyRecord<String, byte[]> record) {
    Contact contact;
    ClassifiedContact classified;
    try {
      if (record.value() == null) {
        throw new IllegalArgumentException("empty value (tombstone) where a Contact was expected");
      }
      RecordMetadata where = context.recordMetadata().orElse(null);
      contact = contactSerde.deserializer().deserialize(where == null ? null : where.topic(),
          record.value());
      long ahead = contact.getOccurredAt().toEpochMilli() - context.currentSystemTimeMs();
      if (ahead > MAX_FUTURE_MS) {
        // its event-time timestamp would be refused by the broker at the first repartition
        // (log.message.timestamp.after.max.ms, one hour by default) and stop the application
        throw new IllegalArgumentException("occurredAt " + contact.getOccurredAt() + " is "
            + ahead / 60_000 + " minutes in the future (the sender's clock?); Kafka refuses "
            + "record timestamps more than an hour ahead");
      }
      Classifier classifier = classifiers.get(); // one classifier, one version, per record
      classified = ClassifiedContacts.of(contact, classifier.classify(contact),
          classifier.taxonomy().version());
    } catch (SchemaRegistryException e) {
      throw e; // the registry is down, not the record bad: the stream thread retries it
    } catch (RuntimeException e) {
      context.forward(record.withValue(Outcome.failed(deadLetter(record, e))));
      return;
    }
    // The arrival travels on as a header: the record timestamp becomes the event time here, and
    // the ordering judges lateness by when the contact arrived, not by where it stands.
    Headers headers = new RecordHeaders(record.headers().toArray());
    if (ArrivalHeader.read(headers).isEmpty()) {
      ArrivalHeader.set(headers, Instant.ofEpochMilli(record.timestamp()));
    }
    context.forward(record.withValue(Outcome.classified(classified))
        .withTimestamp(contact.getOccurredAt().toEpochMilli())
        .withHeaders(headers));
  }

  private DeadLetter deadLetter(FixedKeyRecord<String, byte[]> record, RuntimeException e) {
    RecordMetadata where = context.recordMetadata().orElse(null);
    LOG.warn("dead letter from {}: {}", where == null ? "?" : where.topic() + "-"
        + where.partition() + "@" + where.offset(), e.toString());
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setTopic(where == null ? null : where.topic())
        .setPartition(where == null ? null : where.partition())
        .setOffset(where == null ? null : where.offset())
        .setKey(record.key() == null ? null
            : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setError(e.getMessage() == null ? e.toString() : e.getMessage())
        .setErrorClass(e.getClass().getName())
        .setFailedAt(Instant.ofEpochMilli(context.currentSystemTimeMs()))
        .build();
  }
}
