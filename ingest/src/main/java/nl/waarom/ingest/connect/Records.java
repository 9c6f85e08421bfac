package nl.waarom.ingest.connect;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import nl.waarom.schemas.ArrivalHeader;
import nl.waarom.schemas.AvroSerde;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the {@link SourceRecord}s both connectors emit: a {@link Contact} on the topic of its
 * channel, or a {@link DeadLetter} on the dlq topic. Keys are {@code STRING}, values are
 * {@code BYTES} holding the topic catalogue's Avro encoding (see the package description for the
 * converters this needs); with a schema registry, in its wire format. Thread-safe.
 */
public final class Records {
  private final Topics topics;
  private final String source;
  private final Map<String, Serde<Contact>> otherTopics = new ConcurrentHashMap<>();

  /**
   * @param topics the topic catalogue (prefix applied); never null
   * @param source the {@code DeadLetter.source} of this connector, e.g. {@code imap-connector}
   */
  public Records(Topics topics, String source) {
    this.topics = Objects.requireNonNull(topics, "topics");
    this.source = Objects.requireNonNull(source, "source");
  }

  public Topics topics() {
    return topics;
  }

  /**
   * The Contact serde for {@code topic}: the catalogue's for a contacts topic, else (a topic the
   * connector was told to write to instead) one that registers under that topic's own subject.
   */
  private Serde<Contact> contactSerde(String topic) {
    for (Topic<String, Contact> t : topics.contactTopics()) {
      if (t.name().equals(topic)) {
        return t.valueSerde();
      }
    }
    return otherTopics.computeIfAbsent(topic,
        name -> AvroSerde.of(Contact.class, name, topics.registry().orElse(null)));
  }

  /**
   * A record for one contact on {@code topic}, keyed by its contactId, timestamped with its
   * occurredAt, and with the header {@value ArrivalHeader#NAME}: now, when the connector read it.
   * An e-mail fetched hours after it was sent has then arrived long after its time, and the
   * analyzer places it by that arrival, whatever else its partition holds.
   */
  public SourceRecord contact(Map<String, ?> partition, Map<String, ?> offset, String topic,
      Contact contact) {
    byte[] value = contactSerde(topic).serializer().serialize(topic, contact);
    return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA,
        contact.getContactId(), Schema.BYTES_SCHEMA, value,
        contact.getOccurredAt().toEpochMilli(),
        new ConnectHeaders().addString(ArrivalHeader.NAME, Instant.now().toString()));
  }

  /**
   * A dead letter for input that could not become a contact.
   *
   * @param request where the input came from (folder/UID, file name, file:line); never null
   * @param original the original bytes; may be null when unreadable
   * @param reason a clear reason; never null
   * @param error the exception behind it; may be null
   */
  public SourceRecord deadLetter(Map<String, ?> partition, Map<String, ?> offset, String request,
      byte[] original, String reason, Throwable error) {
    DeadLetter letter = DeadLetter.newBuilder()
        .setSource(source)
        .setRequest(request)
        .setValue(original == null ? null : ByteBuffer.wrap(original))
        .setError(reason)
        .setErrorClass(error == null ? null : error.getClass().getName())
        .setFailedAt(Instant.ofEpochMilli(System.currentTimeMillis()))
        .build();
    String topic = topics.deadLetters.name();
    byte[] value = topics.deadLetters.valueSerde().serializer().serialize(topic, letter);
    return new SourceRecord(partition, offset, topic, null, Schema.STRING_SCHEMA, source,
        Schema.BYTES_SCHEMA, value);
  }
}
