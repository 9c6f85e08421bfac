package nl.waarom.ingest.dlq;

import java.util.Objects;
import nl.waarom.schemas.DeadLetter;

/**
 * One record of the dead-letter topic: where it sits ({@code partition}, {@code offset}) and the
 * {@link DeadLetter} itself. Immutable.
 */
public record DeadLetterEntry(int partition, long offset, DeadLetter letter) {
  public DeadLetterEntry {
    Objects.requireNonNull(letter, "letter");
  }

  /** {@code partition:offset}, the address {@code dlq replay --offset} takes. */
  public String address() {
    return partition + ":" + offset;
  }

  /** Where the dead letter came from: {@code topic-partition@offset}, the request, or "-". */
  public String origin() {
    if (letter.getTopic() != null) {
      return letter.getTopic() + "-" + letter.getPartition() + "@" + letter.getOffset();
    }
    return letter.getRequest() == null ? "-" : letter.getRequest();
  }

  /** Size of the original bytes; 0 when none were kept. */
  public int size() {
    return letter.getValue() == null ? 0 : letter.getValue().remaining();
  }

  /** The original bytes; empty when none were kept; never null. */
  public byte[] value() {
    if (letter.getValue() == null) {
      return new byte[0];
    }
    byte[] bytes = new byte[letter.getValue().remaining()];
    letter.getValue().duplicate().get(bytes);
    return bytes;
  }

  /** The original key bytes; null when none. */
  public byte[] key() {
    if (letter.getKey() == null) {
      return null;
    }
    byte[] bytes = new byte[letter.getKey().remaining()];
    letter.getKey().duplicate().get(bytes);
    return bytes;
  }
}
