package nl.waarom.sink.backlog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.BacklogStore;
import nl.waarom.sink.db.InsightRow;

/**
 * Reads the backlog: items ranked by value at stake (see {@link Ranking}; highest first, then the
 * most recently seen), each with its latest insight; one item with its insight history and its
 * change history.
 */
public final class BacklogQueries {
  private final BacklogStore store;
  private final Ranking ranking;

  /** Ranked with the default weights. */
  public BacklogQueries(DataSource dataSource) {
    this(dataSource, Ranking.defaults());
  }

  /** @param dataSource never null; @param ranking never null */
  public BacklogQueries(DataSource dataSource, Ranking ranking) {
    this.store = new BacklogStore(dataSource, ranking.order());
    this.ranking = ranking;
  }

  public Ranking ranking() {
    return ranking;
  }

  /** The top {@code limit} items of every status in rank order; never null. */
  public List<BacklogItem> ranked(int limit) {
    return ranked(limit, List.of());
  }

  /**
   * The top {@code limit} items whose status is one of {@code statuses} (all when empty), in rank
   * order; never null.
   */
  public List<BacklogItem> ranked(int limit, Collection<Status> statuses) {
    return store.ranked(limit, statuses.stream().map(Status::value).toList());
  }

  /** One item; empty when there is none with this id. */
  public Optional<BacklogItem> item(String itemId) {
    return store.item(itemId);
  }

  /** The insights behind an item, latest first; never null. */
  public List<InsightRow> insights(String itemId, int limit) {
    return store.insights(itemId, limit);
  }

  /** Every change to an item, oldest first; never null. */
  public List<BacklogEvent> history(String itemId) {
    return store.history(itemId);
  }
}
