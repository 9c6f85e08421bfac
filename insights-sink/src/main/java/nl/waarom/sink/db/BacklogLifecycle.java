package nl.waarom.sink.db;

import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;

/**
 * Changes to backlog items by the team and the impact verification. Each change runs in one
 * transaction that first locks the item row ({@code SELECT ... FOR UPDATE}); the caller checks the
 * move against the current status, then updates the item and appends its {@code backlog_events}
 * row in the same transaction, so concurrent clicks cannot skip a state or lose a history entry.
 * Thread-safe.
 */
public final class BacklogLifecycle {
  private final Db db;

  /** @param dataSource never null */
  public BacklogLifecycle(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * Locks an item and runs {@code change} on it in one transaction, committed when it returns and
   * rolled back when it throws.
   *
   * @return false (and nothing done) when there is no such item
   */
  public boolean change(String itemId, Consumer<LockedItem> change) {
    return db.inTransaction(h -> {
      var status = h.createQuery("SELECT status FROM backlog_items WHERE item_id = :itemId"
          + " FOR UPDATE").bind("itemId", itemId).mapTo(String.class).findOne();
      if (status.isEmpty()) {
        return false;
      }
      change.accept(new LockedItem(h, itemId, status.get()));
      return true;
    });
  }

  /** An item locked for the duration of a {@link #change}. */
  public static final class LockedItem {
    private final Handle h;
    private final String itemId;
    private final String status;

    private LockedItem(Handle h, String itemId, String status) {
      this.h = h;
      this.itemId = itemId;
      this.status = status;
    }

    /** The status when it was locked, as stored (e.g. {@code in_progress}); never null. */
    public String status() {
      return status;
    }

    /**
     * Moves the item to another status by {@code actor}.
     *
     * @param dismissedReason stored as the dismissal reason; null clears it
     * @param done whether the move is to done: {@code done_at} becomes {@code effectiveAt}, or now
     *     when that is null
     * @param keepJudgement whether {@code done_at} and the verification figures stay (a move to a
     *     verdict keeps the done time it was judged against); otherwise they are cleared
     */
    public void moveTo(String newStatus, String actor, String dismissedReason, boolean done,
        Instant effectiveAt, boolean keepJudgement) {
      h.createUpdate("UPDATE backlog_items SET status = :status, status_changed_at = now(),"
              + " status_changed_by = :actor, dismissed_reason = :dismissedReason,"
              + " done_at = CASE WHEN :done THEN COALESCE(:effectiveAt, now())"
              + " WHEN :keep THEN done_at ELSE NULL END,"
              + " verification = CASE WHEN :keep THEN verification ELSE NULL END"
              + " WHERE item_id = :itemId")
          .bind("status", newStatus).bind("actor", actor).bind("dismissedReason", dismissedReason)
          .bind("done", done).bindByType("effectiveAt", effectiveAt, Instant.class)
          .bind("keep", keepJudgement).bind("itemId", itemId)
          .execute();
    }

    /** Records a verdict of the impact verification: the status and the figures (JSON). */
    public void judge(String verdictStatus, String actor, String figuresJson) {
      h.createUpdate("UPDATE backlog_items SET status = :status, status_changed_at = now(),"
              + " status_changed_by = :actor, verification = :figures::jsonb"
              + " WHERE item_id = :itemId")
          .bind("status", verdictStatus).bind("actor", actor).bind("figures", figuresJson)
          .bind("itemId", itemId)
          .execute();
    }

    /** Sets the status only (no other field changes), e.g. when an item is promoted. */
    public void setStatus(String newStatus, String actor) {
      h.createUpdate("UPDATE backlog_items SET status = :status, status_changed_at = now(),"
              + " status_changed_by = :actor WHERE item_id = :itemId")
          .bind("status", newStatus).bind("actor", actor).bind("itemId", itemId)
          .execute();
    }

    /** Sets the owner; null clears it. */
    public void assign(String owner) {
      h.createUpdate("UPDATE backlog_items SET owner = :owner WHERE item_id = :itemId")
          .bind("owner", owner).bind("itemId", itemId)
          .execute();
    }

    /** Appends a {@code backlog_events} row; statuses and detail may be null. */
    public void record(String actor, String action, String fromStatus, String toStatus,
        String detail) {
      h.createUpdate("INSERT INTO backlog_events (item_id, actor, action, from_status, to_status,"
              + " detail) VALUES (:itemId, :actor, :action, :from, :to, :detail)")
          .bind("itemId", itemId).bind("actor", actor).bind("action", action)
          .bind("from", fromStatus).bind("to", toStatus).bind("detail", detail)
          .execute();
    }
  }
}
