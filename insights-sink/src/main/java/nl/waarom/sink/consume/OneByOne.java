package nl.waarom.sink.consume;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.sink.db.DatabaseException;
import nl.waarom.sink.consume.SinkRepository.WriteResult;

/**
 * Fallback when the database refuses a batch because of its data (e.g. a timestamp out of
 * PostgreSQL's range, an id too long to index): writes the records one at a time so that only the
 * records the database refuses become dead letters, and the partition is never blocked by them.
 * Errors that are not about the data (database down) still fail the whole batch, to be retried.
 */
final class OneByOne {
  private OneByOne() {}

  /**
   * What the fallback stored and rejected.
   *
   * @param written sum over the records written
   * @param rejected dead letters of the refused records; never null
   */
  record Result(WriteResult written, List<DeadLetter> rejected) {}

  static Result write(SinkRepository repository, DecodedBatch batch, DeadLetters deadLetters) {
    List<DeadLetter> rejected = new ArrayList<>();
    WriteResult sum = new WriteResult(0, 0, 0, 0, 0);
    for (int i = 0; i < batch.insights().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(batch.insights().get(i)), List.of()));
      } catch (DatabaseException e) {
        if (!e.refusedData()) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.insightSources().get(i), e.databaseError()));
      }
    }
    for (int i = 0; i < batch.trends().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(), List.of(batch.trends().get(i))));
      } catch (DatabaseException e) {
        if (!e.refusedData()) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.trendSources().get(i), e.databaseError()));
      }
    }
    for (int i = 0; i < batch.shares().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(), List.of(), List.of(batch.shares().get(i))));
      } catch (DatabaseException e) {
        if (!e.refusedData()) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.shareSources().get(i), e.databaseError()));
      }
    }
    for (DecodedBatch.ContactRecord r : batch.contactRecords()) {
      try {
        sum = add(sum, repository.write(List.of(), List.of(), List.of(), r.batch()));
      } catch (DatabaseException e) {
        if (!e.refusedData()) {
          throw e;
        }
        rejected.add(deadLetters.rejected(r.source(), e.databaseError()));
      }
    }
    return new Result(sum, List.copyOf(rejected));
  }

  private static WriteResult add(WriteResult a, WriteResult b) {
    return new WriteResult(a.insightsInserted() + b.insightsInserted(),
        a.insightsUpdated() + b.insightsUpdated(), a.insightsUnchanged() + b.insightsUnchanged(),
        a.trendsChanged() + b.trendsChanged(), a.trendsUnchanged() + b.trendsUnchanged(),
        a.contacts().plus(b.contacts()));
  }
}
