package nl.waarom.sink.consume;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.DeadLetter;
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

  /**
   * Whether PostgreSQL refused the data itself (SQLSTATE class 22, 23 or 54) rather than the
   * connection failing; looks through causes and JDBC's chained "next" exceptions of batches.
   */
  static boolean isDataError(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null;
          sql = sql.getNextException()) {
        if (isDataState(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDataState(String state) {
    return state != null
        && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
  }

  static Result write(SinkRepository repository, DecodedBatch batch, DeadLetters deadLetters)
      throws SQLException {
    List<DeadLetter> rejected = new ArrayList<>();
    WriteResult sum = new WriteResult(0, 0, 0, 0, 0);
    for (int i = 0; i < batch.insights().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(batch.insights().get(i)), List.of()));
      } catch (SQLException e) {
        if (!isDataError(e)) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.insightSources().get(i), e));
      }
    }
    for (int i = 0; i < batch.trends().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(), List.of(batch.trends().get(i))));
      } catch (SQLException e) {
        if (!isDataError(e)) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.trendSources().get(i), e));
      }
    }
    for (int i = 0; i < batch.shares().size(); i++) {
      try {
        sum = add(sum, repository.write(List.of(), List.of(), List.of(batch.shares().get(i))));
      } catch (SQLException e) {
        if (!isDataError(e)) {
          throw e;
        }
        rejected.add(deadLetters.rejected(batch.shareSources().get(i), e));
      }
    }
    return new Result(sum, List.copyOf(rejected));
  }

  private static WriteResult add(WriteResult a, WriteResult b) {
    return new WriteResult(a.insightsInserted() + b.insightsInserted(),
        a.insightsUpdated() + b.insightsUpdated(), a.insightsUnchanged() + b.insightsUnchanged(),
        a.trendsChanged() + b.trendsChanged(), a.trendsUnchanged() + b.trendsUnchanged());
  }
}
