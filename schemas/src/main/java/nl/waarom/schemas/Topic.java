package nl.waarom.schemas;

import java.util.Objects;
import org.apache.kafka.common.serialization.Serde;

/**
 * One Kafka topic with the serdes of its key and value. Immutable; declared once in {@link Topics}
 * so that no other code spells a topic name or picks a serde for it.
 *
 * @param name the full topic name including the configured prefix, never null
 * @param keySerde serde of the record key, never null
 * @param valueSerde serde of the record value, never null
 */
public record Topic<K, V>(String name, Serde<K> keySerde, Serde<V> valueSerde) {
  public Topic {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(keySerde, "keySerde");
    Objects.requireNonNull(valueSerde, "valueSerde");
    if (name.isBlank()) {
      throw new IllegalArgumentException("topic name must not be blank");
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
