package nl.waarom.sink.consume;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topic;
import nl.waarom.sink.db.DatabaseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores one decoded batch: the rows in one database transaction (falling back to
 * {@link OneByOne} when the database refuses some of the data), then the dead letters to
 * {@code <prefix>dlq}. Offsets are the caller's business: it commits them only after this returns.
 */
final class BatchStore {
  private static final Logger LOG = LoggerFactory.getLogger(BatchStore.class);

  private final SinkRepository repository;
  private final DeadLetterPublisher publisher;
  private final Topic<String, DeadLetter> deadLetterTopic;
  private final DeadLetters deadLetters;
  private final SinkMetrics metrics;

  BatchStore(SinkRepository repository, DeadLetterPublisher publisher,
      Topic<String, DeadLetter> deadLetterTopic, DeadLetters deadLetters, SinkMetrics metrics) {
    this.repository = repository;
    this.publisher = publisher;
    this.deadLetterTopic = deadLetterTopic;
    this.deadLetters = deadLetters;
    this.metrics = metrics;
  }

  /**
   * Stores the batch; when this throws, nothing may be committed and the batch must be retried
   * (the writes are idempotent, so a retry after a partial success changes nothing twice).
   *
   * @throws DatabaseException when the database is unavailable
   * @throws org.apache.kafka.common.KafkaException when the dead letters cannot be sent
   */
  void store(DecodedBatch batch) {
    SinkRepository.WriteResult result;
    List<DeadLetter> dead = new ArrayList<>(batch.deadLetters());
    try {
      result = repository.write(batch.insights(), batch.trends(), batch.shares(),
          batch.contacts());
    } catch (DatabaseException e) {
      if (!e.refusedData()) {
        throw e;
      }
      LOG.warn("database refused part of a batch, writing it record by record: {}", e.getMessage());
      OneByOne.Result isolated = OneByOne.write(repository, batch, deadLetters);
      result = isolated.written();
      dead.addAll(isolated.rejected());
    }
    if (!dead.isEmpty()) {
      publisher.publish(dead);
      LOG.warn("sent {} record(s) that cannot be stored to {}", dead.size(), deadLetterTopic.name());
    }
    metrics.written(result);
    metrics.deadLettered(dead.size());
  }
}
