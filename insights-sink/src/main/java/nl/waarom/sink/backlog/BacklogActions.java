package nl.waarom.sink.backlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import javax.sql.DataSource;
import nl.waarom.sink.db.Sql;

/**
 * What the team does with a backlog item: change its status, assign an owner, add a note. Each
 * action runs in one transaction that locks the item row ({@code SELECT ... FOR UPDATE}), checks
 * the move against {@link Status#next()}, updates the item and appends a {@code backlog_events}
 * row with who and when, so concurrent clicks cannot skip a state or lose a history entry.
 * Thread-safe.
 */
public final class BacklogActions {
  /** Longest note, owner or reason accepted. */
  public static final int MAX_TEXT = 2000;
  /** The actor the impact verification records. */
  public static final String VERIFIER = "waarom-verifier";

  private final DataSource dataSource;

  /** @param dataSource never null */
  public BacklogActions(DataSource dataSource) {
    this.dataSource = dataSource;
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
      Instant effectiveAt) throws SQLException {
    String who = required("actor", actor);
    String why = optional("reason", reason);
    if (to == Status.DISMISSED && why == null) {
      throw BacklogException.badField("reason", "a dismissal needs a reason");
    }
    if (effectiveAt != null && to != Status.DONE) {
      throw BacklogException.badField("effectiveAt", "only a move to done takes effectiveAt");
    }
    inTransaction(c -> {
      Status from = lockStatus(c, itemId);
      if (!from.next().contains(to)) {
        throw BacklogException.conflict("cannot move " + itemId + " from " + from.value() + " to "
            + to.value() + "; allowed: " + from.next().stream().map(Status::value).toList());
      }
      try (PreparedStatement ps = c.prepareStatement("UPDATE backlog_items SET status = ?,"
          + " status_changed_at = now(), status_changed_by = ?,"
          + " dismissed_reason = CASE WHEN ? THEN ? ELSE NULL END,"
          + " done_at = CASE WHEN ? THEN COALESCE(?, now()) WHEN ? THEN done_at ELSE NULL END,"
          + " verification = CASE WHEN ? THEN verification ELSE NULL END"
          + " WHERE item_id = ?")) {
        int i = 1;
        ps.setString(i++, to.value());
        ps.setString(i++, who);
        ps.setBoolean(i++, to == Status.DISMISSED);
        ps.setString(i++, why);
        ps.setBoolean(i++, to == Status.DONE);
        Sql.setInstant(ps, i++, effectiveAt);
        // verified / not effective keep the done time they were judged against
        ps.setBoolean(i++, to == Status.VERIFIED || to == Status.NOT_EFFECTIVE);
        ps.setBoolean(i++, to == Status.VERIFIED || to == Status.NOT_EFFECTIVE);
        ps.setString(i, itemId);
        ps.executeUpdate();
      }
      event(c, itemId, who, "status", from.value(), to.value(),
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
      String summary) throws SQLException {
    boolean[] updated = {false};
    inTransaction(c -> {
      Status from = lockStatus(c, itemId);
      if (from != Status.DONE) {
        return;
      }
      Status to = effective ? Status.VERIFIED : Status.NOT_EFFECTIVE;
      try (PreparedStatement ps = c.prepareStatement("UPDATE backlog_items SET status = ?,"
          + " status_changed_at = now(), status_changed_by = ?, verification = ?::jsonb"
          + " WHERE item_id = ?")) {
        ps.setString(1, to.value());
        ps.setString(2, VERIFIER);
        ps.setString(3, figuresJson);
        ps.setString(4, itemId);
        ps.executeUpdate();
      }
      event(c, itemId, VERIFIER, "verification", from.value(), to.value(), summary);
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
  public void promote(String itemId, String kind, String draftYaml, String actor)
      throws SQLException {
    String who = required("actor", actor);
    inTransaction(c -> {
      Status from = lockStatus(c, itemId);
      if (!"EMERGING_REASON".equals(kind) || (from != Status.NEW && from != Status.TRIAGED)) {
        throw BacklogException.conflict("only a new or triaged emerging reason can be promoted; "
            + itemId + " is " + kind + ", " + from.value());
      }
      if (from == Status.NEW) {
        try (PreparedStatement ps = c.prepareStatement("UPDATE backlog_items SET status = ?,"
            + " status_changed_at = now(), status_changed_by = ? WHERE item_id = ?")) {
          ps.setString(1, Status.TRIAGED.value());
          ps.setString(2, who);
          ps.setString(3, itemId);
          ps.executeUpdate();
        }
      }
      event(c, itemId, who, "promote", from.value(), Status.TRIAGED.value(), draftYaml);
    });
  }

  /** Assigns an owner (blank clears it). */
  public void assign(String itemId, String owner, String actor) throws SQLException {
    String who = required("actor", actor);
    String newOwner = optional("owner", owner);
    inTransaction(c -> {
      lockStatus(c, itemId);
      try (PreparedStatement ps = c.prepareStatement(
          "UPDATE backlog_items SET owner = ? WHERE item_id = ?")) {
        ps.setString(1, newOwner);
        ps.setString(2, itemId);
        ps.executeUpdate();
      }
      event(c, itemId, who, "owner", null, null, newOwner);
    });
  }

  /** Adds a note to the item's history. */
  public void addNote(String itemId, String note, String actor) throws SQLException {
    String who = required("actor", actor);
    String text = required("note", note);
    inTransaction(c -> {
      lockStatus(c, itemId);
      event(c, itemId, who, "note", null, null, text);
    });
  }

  private interface Work {
    void run(Connection c) throws SQLException;
  }

  private void inTransaction(Work work) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        work.run(c);
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static Status lockStatus(Connection c, String itemId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT status FROM backlog_items WHERE item_id = ? FOR UPDATE")) {
      ps.setString(1, itemId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw BacklogException.notFound(itemId);
        }
        return Status.parse(rs.getString(1)).orElseThrow();
      }
    }
  }

  private static void event(Connection c, String itemId, String actor, String action,
      String from, String to, String detail) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO backlog_events (item_id, actor,"
        + " action, from_status, to_status, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setString(1, itemId);
      ps.setString(2, actor);
      ps.setString(3, action);
      ps.setString(4, from);
      ps.setString(5, to);
      ps.setString(6, detail);
      ps.executeUpdate();
    }
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
