package nl.waarom.sink.backlog;

import java.time.Instant;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.waarom.sink.db.BacklogLifecycle;
import nl.waarom.sink.db.BacklogLifecycle.LockedItem;

/**
 * What the team does with a backlog item: change its status, assign an owner, add a note. Each
 * action runs in one transaction that locks the item row ({@link BacklogLifecycle}), checks
 * the move against {@link Status#next()}, updates the item and appends a {@code backlog_events}
 * row with who and when, so concurrent clicks cannot skip a state or lose a history entry.
 * Thread-safe.
 */
public final class BacklogActions {
  /** Longest note, owner or reason accepted. */
  public static final int MAX_TEXT = 2000;
  /** The actor the impact verification records. */
  public static final String VERIFIER = "waarom-verifier";

  private final BacklogLifecycle lifecycle;

  /** @param dataSource never null */
  public BacklogActions(DataSource dataSource) {
    this.lifecycle = new BacklogLifecycle(dataSource);
  }

  /**
   * Moves an item to another status.
   *
   * @param actor who; required
   * @param reason required when dismissing; an optional note otherwise
   * @param effectiveAt for {@code done}: when the fix went live (the impact verification compares
   *     the volume after it with the weeks before); null means now
   * @throws BacklogException 404 unknown item, 400 bad field, 409 move not allowed
   */
  public void changeStatus(String itemId, Status to, String actor, String reason,
      Instant effectiveAt) {
    String who = required("actor", actor);
    String why = optional("reason", reason);
    if (to == Status.DISMISSED && why == null) {
      throw BacklogException.badField("reason", "a dismissal needs a reason");
    }
    if (effectiveAt != null && to != Status.DONE) {
      throw BacklogException.badField("effectiveAt", "only a move to done takes effectiveAt");
    }
    change(itemId, item -> {
      Status from = status(item);
      if (!from.next().contains(to)) {
        throw BacklogException.conflict("cannot move " + itemId + " from " + from.value() + " to "
            + to.value() + "; allowed: " + from.next().stream().map(Status::value).toList());
      }
      // verified / not effective keep the done time they were judged against
      item.moveTo(to.value(), who, to == Status.DISMISSED ? why : null, to == Status.DONE,
          effectiveAt, to == Status.VERIFIED || to == Status.NOT_EFFECTIVE);
      item.record(who, "status", from.value(), to.value(),
          effectiveAt == null ? why : join(why, "effective " + effectiveAt));
    });
  }

  /**
   * Records the impact verification's verdict on a done item: status verified or not_effective
   * plus the figures. Does nothing when the item is no longer done (the team moved it meanwhile).
   *
   * @return whether the item was updated
   */
  public boolean recordVerification(String itemId, boolean effective, String figuresJson,
      String summary) {
    boolean[] updated = {false};
    change(itemId, item -> {
      Status from = status(item);
      if (from != Status.DONE) {
        return;
      }
      Status to = effective ? Status.VERIFIED : Status.NOT_EFFECTIVE;
      item.judge(to.value(), VERIFIER, figuresJson);
      item.record(VERIFIER, "verification", from.value(), to.value(), summary);
      updated[0] = true;
    });
    return updated[0];
  }

  /**
   * Promotes an emerging reason: records the taxonomy draft in the item's history (action
   * {@code promote}) and moves a new item to triaged, because a decision has been made to pursue
   * it. Only items of kind EMERGING_REASON that are new or triaged can be promoted.
   *
   * @throws BacklogException 404 unknown item, 409 not an open emerging reason
   */
  public void promote(String itemId, String kind, String draftYaml, String actor) {
    String who = required("actor", actor);
    change(itemId, item -> {
      Status from = status(item);
      if (!"EMERGING_REASON".equals(kind) || (from != Status.NEW && from != Status.TRIAGED)) {
        throw BacklogException.conflict("only a new or triaged emerging reason can be promoted; "
            + itemId + " is " + kind + ", " + from.value());
      }
      if (from == Status.NEW) {
        item.setStatus(Status.TRIAGED.value(), who);
      }
      item.record(who, "promote", from.value(), Status.TRIAGED.value(), draftYaml);
    });
  }

  /** Assigns an owner (blank clears it). */
  public void assign(String itemId, String owner, String actor) {
    String who = required("actor", actor);
    String newOwner = optional("owner", owner);
    change(itemId, item -> {
      item.assign(newOwner);
      item.record(who, "owner", null, null, newOwner);
    });
  }

  /** Adds a note to the item's history. */
  public void addNote(String itemId, String note, String actor) {
    String who = required("actor", actor);
    String text = required("note", note);
    change(itemId, item -> item.record(who, "note", null, null, text));
  }

  /** Runs a change on the locked item; 404 when there is no such item. */
  private void change(String itemId, Consumer<LockedItem> work) {
    if (!lifecycle.change(itemId, work)) {
      throw BacklogException.notFound(itemId);
    }
  }

  private static Status status(LockedItem item) {
    return Status.parse(item.status()).orElseThrow();
  }

  private static String required(String field, String value) {
    String v = optional(field, value);
    if (v == null) {
      throw BacklogException.badField(field, "is required");
    }
    return v;
  }

  private static String optional(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.strip();
    if (v.length() > MAX_TEXT) {
      throw BacklogException.badField(field, "longer than " + MAX_TEXT + " characters");
    }
    return v;
  }

  private static String join(String a, String b) {
    return a == null ? b : a + "; " + b;
  }
}
