package nl.waarom.sink.consume;

import java.nio.ByteBuffer;
import java.time.Clock;
import nl.waarom.schemas.DeadLetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Builds the {@link DeadLetter} for a record the sink cannot process. */
public final class DeadLetters {
  /** Value of {@code DeadLetter.source} for everything the sink rejects. */
  public static final String SOURCE = "insights-sink";

  private final Clock clock;

  /** @param clock sets {@code failedAt}; never null */
  public DeadLetters(Clock clock) {
    this.clock = clock;
  }

  /** A dead letter for a record whose value cannot be decoded. */
  public DeadLetter of(ConsumerRecord<byte[], byte[]> record, Exception error) {
    return build(record, error, "cannot decode record from " + record.topic() + ": ");
  }

  /** A dead letter for a decoded record whose values the database refuses (e.g. out of range). */
  public DeadLetter rejected(ConsumerRecord<byte[], byte[]> record, Exception error) {
    return build(record, error, "database rejected record from " + record.topic() + ": ");
  }

  /** A dead letter carrying the original key and value bytes and where they came from. */
  private DeadLetter build(ConsumerRecord<byte[], byte[]> record, Exception error, String what) {
    return DeadLetter.newBuilder()
        .setSource(SOURCE)
        .setTopic(record.topic())
        .setPartition(record.partition())
        .setOffset(record.offset())
        .setKey(record.key() == null ? null : ByteBuffer.wrap(record.key()))
        .setValue(record.value() == null ? null : ByteBuffer.wrap(record.value()))
        .setError(what + error.getMessage())
        .setErrorClass(error.getClass().getName())
        .setFailedAt(clock.instant())
        .build();
  }
}
