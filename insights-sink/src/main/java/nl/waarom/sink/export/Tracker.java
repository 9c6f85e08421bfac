package nl.waarom.sink.export;

import java.util.Optional;

/**
 * One tracker the exporter writes to. Implementations speak the tracker's HTTP API; they keep no
 * state about items (the exporter keeps that in {@code tracker_links}) and are used from the
 * exporter's single thread.
 */
public interface Tracker {
  /** Which tracker; never null. */
  TrackerKind kind();

  /**
   * The issue already carrying the item's label, if the tracker can be searched (used before a
   * creation whose claim was taken over from a crashed exporter, so it is not created twice).
   */
  Optional<RemoteIssue> find(IssueContent content) throws TrackerException;

  /** Creates the issue; never null. */
  RemoteIssue create(IssueContent content) throws TrackerException;

  /** Replaces the title and description of an existing issue; never null. */
  RemoteIssue update(RemoteIssue issue, IssueContent content) throws TrackerException;

  /**
   * Reads the tracker's status of an issue; empty when the tracker cannot be asked (webhook: the
   * status comes only in the receiver's answers).
   */
  Optional<RemoteIssue> status(RemoteIssue issue) throws TrackerException;
}
