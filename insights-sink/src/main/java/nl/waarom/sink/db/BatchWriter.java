package nl.waarom.sink.db;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Writes one consumed batch (insights, their backlog items, trends, explained shares, and the
 * workspace's taxonomy versions, contacts and corrections ({@link ContactStore})) in ONE
 * database transaction. Every statement is an idempotent upsert, so writing the same batch again
 * changes nothing. Thread-safe.
 */
public final class BatchWriter {
  private final Db db;

  /** @param dataSource never null */
  public BatchWriter(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * The backlog item an insight belongs to.
   *
   * @param itemId never null
   * @param title never null
   * @param reasonId the insight's reason; null when the item is keyed by candidate terms
   * @param terms the normalised candidate terms of an item without a reason; never null, empty
   *     for an item with a reason
   */
  public record ItemKey(String itemId, String title, String reasonId, List<String> terms) {
    public ItemKey {
      Objects.requireNonNull(itemId, "itemId");
      Objects.requireNonNull(title, "title");
      terms = List.copyOf(terms);
    }
  }

  /**
   * What a batch changed.
   *
   * @param insightsInserted new insight rows
   * @param insightsUpdated existing insights whose content changed
   * @param insightsUnchanged identical re-deliveries
   * @param trendsChanged trend and explained-share rows inserted or changed
   * @param contacts workspace rows inserted or changed; never null
   */
  public record Counts(int insightsInserted, int insightsUpdated, int insightsUnchanged,
      int trendsChanged, ContactBatch.Counts contacts) {}

  /**
   * Writes a batch atomically; on any failure nothing of the batch is stored.
   *
   * @param insights never null, in topic order
   * @param trends never null, in topic order (a later record for the same window wins)
   * @param shares never null, in topic order
   * @param items the backlog item of each insight; never null
   * @throws DatabaseException when the database is unavailable or rejects the batch
   */
  public Counts write(List<InsightRow> insights, List<TrendRow> trends, List<ShareRow> shares,
      Function<InsightRow, ItemKey> items) {
    return write(insights, trends, shares, ContactBatch.EMPTY, items);
  }

  /**
   * Writes a batch with the team workspace's records (taxonomy versions, contacts,
   * classifications, corrections) atomically; on any failure nothing of the batch is stored.
   *
   * @param contacts never null
   */
  public Counts write(List<InsightRow> insights, List<TrendRow> trends, List<ShareRow> shares,
      ContactBatch contacts, Function<InsightRow, ItemKey> items) {
    return db.inTransaction(h -> {
      int inserted = 0;
      int updated = 0;
      int unchanged = 0;
      for (InsightRow row : insights) {
        InsightStore.Outcome outcome = InsightStore.upsert(h, row);
        switch (outcome) {
          case INSERTED -> inserted++;
          case UPDATED -> updated++;
          case UNCHANGED -> unchanged++;
        }
        if (outcome != InsightStore.Outcome.UNCHANGED) {
          BacklogItemWriter.record(h, items.apply(row), row,
              outcome == InsightStore.Outcome.INSERTED);
        }
      }
      int trendsChanged = TrendStore.upsert(h, trends) + ShareStore.upsert(h, shares);
      return new Counts(inserted, updated, unchanged, trendsChanged,
          ContactStore.write(h, contacts));
    });
  }
}
