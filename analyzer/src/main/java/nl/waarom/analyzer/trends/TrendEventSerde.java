package nl.waarom.analyzer.trends;

import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.schemas.ClassifiedContact;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde of the {@code reason-channel} repartition topic: writes {@link TrendEvent}s as JSON and
 * reads them back. It also reads what the previous analyzer version wrote to that topic (a
 * {@link ClassifiedContact} in Avro single-object encoding) as the contact's arrival, so an
 * upgrade with records still in flight neither fails nor loses them. Bytes that are neither
 * fail with the Avro serde's error. Immutable and thread-safe.
 */
public final class TrendEventSerde implements Serde<TrendEvent> {
  private final JsonSerde<TrendEvent> json = new JsonSerde<>(TrendEvent.class);
  private final Deserializer<ClassifiedContact> previousVersion;

  /** @param classified the serde of classified contacts; never null */
  public TrendEventSerde(Serde<ClassifiedContact> classified) {
    this.previousVersion = classified.deserializer();
  }

  @Override
  public Serializer<TrendEvent> serializer() {
    return json.serializer();
  }

  @Override
  public Deserializer<TrendEvent> deserializer() {
    Deserializer<TrendEvent> events = json.deserializer();
    return (topic, bytes) -> {
      if (bytes == null) {
        return null;
      }
      if (bytes.length > 0 && bytes[0] == '{') {
        return events.deserialize(topic, bytes);
      }
      return TrendEvent.of(previousVersion.deserialize(topic, bytes)).get(0).value;
    };
  }
}
