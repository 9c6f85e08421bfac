package nl.waarom.schemas;

import org.apache.kafka.common.KafkaException;

/**
 * The schema registry could not be asked: unreachable, timed out, refused the credentials, or
 * answered with a server error. Not the record's fault, so not a {@code SerializationException}:
 * whoever decodes a record treats it as a transient failure (retry, don't dead-letter).
 */
public final class SchemaRegistryException extends KafkaException {
  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
  }

  public SchemaRegistryException(String message) {
    super(message);
  }
}
