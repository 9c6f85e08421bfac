package nl.waarom.sink.consume;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import nl.waarom.sink.backlog.BacklogWriter;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.InsightStore;
import nl.waarom.sink.db.TrendRow;
import nl.waarom.sink.db.TrendStore;

/**
 * Writes one consumed batch (insights, their backlog items, trends) in ONE database transaction.
 * Every statement is an idempotent upsert, so writing the same batch again (after a crash between
 * the database commit and the offset commit) changes nothing: at-least-once delivery plus
 * idempotent writes gives effectively-once results.
 */
public final class SinkRepository {
  private final DataSource dataSource;

  /** @param dataSource never null */
  public SinkRepository(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Counts of what a batch changed.
   *
   * @param insightsInserted new insight rows
   * @param insightsUpdated existing insights whose content changed
   * @param insightsUnchanged identical re-deliveries
   * @param trendsChanged trend rows inserted or changed
   * @param trendsUnchanged identical trend re-deliveries
   */
  public record WriteResult(int insightsInserted, int insightsUpdated, int insightsUnchanged,
      int trendsChanged, int trendsUnchanged) {}

  /**
   * Writes a batch atomically; on any failure nothing of the batch is stored.
   *
   * @param insights never null, in topic order
   * @param trends never null, in topic order (a later record for the same window wins)
   * @throws SQLException when the database is unavailable or rejects the batch
   */
  public WriteResult write(List<InsightRow> insights, List<TrendRow> trends) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        WriteResult result = writeIn(c, insights, trends);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  private static WriteResult writeIn(Connection c, List<InsightRow> insights, List<TrendRow> trends)
      throws SQLException {
    int inserted = 0;
    int updated = 0;
    int unchanged = 0;
    for (InsightRow row : insights) {
      InsightStore.Outcome outcome = InsightStore.upsert(c, row);
      switch (outcome) {
        case INSERTED -> inserted++;
        case UPDATED -> updated++;
        case UNCHANGED -> unchanged++;
      }
      if (outcome != InsightStore.Outcome.UNCHANGED) {
        BacklogWriter.record(c, row, outcome == InsightStore.Outcome.INSERTED);
      }
    }
    int trendsChanged = TrendStore.upsert(c, trends);
    return new WriteResult(inserted, updated, unchanged, trendsChanged, trends.size() - trendsChanged);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
