package nl.waarom.sink.consume;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import nl.waarom.sink.backlog.BacklogWriter;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.InsightStore;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.ShareStore;
import nl.waarom.sink.db.TrendRow;
import nl.waarom.sink.db.TrendStore;

/**
 * Writes one consumed batch (insights, their backlog items, trends, explained shares) in ONE
 * database transaction.
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
   * @param trendsChanged trend and explained-share rows inserted or changed
   * @param trendsUnchanged identical trend and explained-share re-deliveries
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
    return write(insights, trends, List.of());
  }

  /**
   * Writes a batch with explained-share rows atomically; on any failure nothing is stored.
   *
   * @param shares never null, in topic order
   */
  public WriteResult write(List<InsightRow> insights, List<TrendRow> trends, List<ShareRow> shares)
      throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        WriteResult result = writeIn(c, insights, trends, shares);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      }
    }
  }

  private static WriteResult writeIn(Connection c, List<InsightRow> insights, List<TrendRow> trends,
      List<ShareRow> shares) throws SQLException {
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
    int trendsChanged = TrendStore.upsert(c, trends) + ShareStore.upsert(c, shares);
    int rows = trends.size() + shares.size();
    return new WriteResult(inserted, updated, unchanged, trendsChanged, rows - trendsChanged);
  }

  private static void rollbackQuietly(Connection c, Exception cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
