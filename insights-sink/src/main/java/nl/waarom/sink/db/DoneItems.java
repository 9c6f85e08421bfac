package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/** The backlog items marked done with a reason, which the impact verification judges. */
public final class DoneItems {
  private final Db db;

  /** @param dataSource never null */
  public DoneItems(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /** An item marked done: its reason and when the fix went live; all never null. */
  public record DoneItem(String itemId, String reasonId, Instant doneAt) {}

  /** Every done item with a reason and a done time, by id; never null. */
  public List<DoneItem> all() {
    return db.read(h -> h.createQuery("SELECT item_id, reason_id, done_at FROM backlog_items"
            + " WHERE status = 'done' AND reason_id IS NOT NULL AND done_at IS NOT NULL"
            + " ORDER BY item_id")
        .map((rs, ctx) -> new DoneItem(rs.getString(1), rs.getString(2), Sql.getInstant(rs, 3)))
        .list());
  }
}
