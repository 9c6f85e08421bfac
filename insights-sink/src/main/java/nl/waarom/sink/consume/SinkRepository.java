package nl.waarom.sink.consume;

import java.util.List;
import javax.sql.DataSource;
import nl.waarom.sink.backlog.BacklogKey;
import nl.waarom.sink.db.BatchWriter;
import nl.waarom.sink.db.ContactBatch;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.TrendRow;

/**
 * Writes one consumed batch (insights, their backlog items, trends, explained shares, taxonomy
 * versions, contacts, corrections) in ONE
 * database transaction ({@link BatchWriter}), each insight recorded on the backlog item of its
 * {@link BacklogKey}. Every statement is an idempotent upsert, so writing the same batch again
 * (after a crash between the database commit and the offset commit) changes nothing: at-least-once
 * delivery plus idempotent writes gives effectively-once results.
 */
public final class SinkRepository {
  private final BatchWriter writer;

  /** @param dataSource never null */
  public SinkRepository(DataSource dataSource) {
    this.writer = new BatchWriter(dataSource);
  }

  /**
   * Counts of what a batch changed.
   *
   * @param insightsInserted new insight rows
   * @param insightsUpdated existing insights whose content changed
   * @param insightsUnchanged identical re-deliveries
   * @param trendsChanged trend and explained-share rows inserted or changed
   * @param trendsUnchanged identical trend and explained-share re-deliveries
   * @param contacts workspace rows inserted or changed per kind; never null
   */
  public record WriteResult(int insightsInserted, int insightsUpdated, int insightsUnchanged,
      int trendsChanged, int trendsUnchanged, ContactBatch.Counts contacts) {
    /** A result without workspace records. */
    public WriteResult(int insightsInserted, int insightsUpdated, int insightsUnchanged,
        int trendsChanged, int trendsUnchanged) {
      this(insightsInserted, insightsUpdated, insightsUnchanged, trendsChanged, trendsUnchanged,
          ContactBatch.Counts.NONE);
    }
  }

  /**
   * Writes a batch atomically; on any failure nothing of the batch is stored.
   *
   * @param insights never null, in topic order
   * @param trends never null, in topic order (a later record for the same window wins)
   * @throws nl.waarom.sink.db.DatabaseException when the database is unavailable or rejects the
   *     batch
   */
  public WriteResult write(List<InsightRow> insights, List<TrendRow> trends) {
    return write(insights, trends, List.of());
  }

  /**
   * Writes a batch with explained-share rows atomically; on any failure nothing is stored.
   *
   * @param shares never null, in topic order
   */
  public WriteResult write(List<InsightRow> insights, List<TrendRow> trends, List<ShareRow> shares) {
    return write(insights, trends, shares, ContactBatch.EMPTY);
  }

  /**
   * Writes a batch with the team workspace's records (taxonomy versions, contacts and their
   * classifications merged by contact id, corrections) atomically.
   *
   * @param contacts never null
   */
  public WriteResult write(List<InsightRow> insights, List<TrendRow> trends, List<ShareRow> shares,
      ContactBatch contacts) {
    BatchWriter.Counts c = writer.write(insights, trends, shares, contacts, BacklogKey::itemOf);
    int rows = trends.size() + shares.size();
    return new WriteResult(c.insightsInserted(), c.insightsUpdated(), c.insightsUnchanged(),
        c.trendsChanged(), rows - c.trendsChanged(), c.contacts());
  }
}
