package nl.waarom.sink.db;

import java.time.Instant;

/**
 * One change to a backlog item, as recorded in {@code backlog_events}.
 *
 * @param eventId increasing id
 * @param at wall-clock time; never null
 * @param actor who made the change; never null
 * @param action status, owner, note or verification; never null
 * @param fromStatus before a status change; null otherwise
 * @param toStatus after a status change; null otherwise
 * @param detail the note, owner, dismissal reason or verification summary; may be null
 */
public record BacklogEvent(long eventId, Instant at, String actor, String action,
    String fromStatus, String toStatus, String detail) {}
