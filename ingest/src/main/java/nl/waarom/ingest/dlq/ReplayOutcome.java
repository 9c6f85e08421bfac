package nl.waarom.ingest.dlq;

import java.util.Objects;

/**
 * What {@code dlq replay} did with one dead letter.
 *
 * @param entry the dead letter; never null
 * @param status what happened; never null
 * @param detail where it went (topic names) or why it stays dead; never null
 */
public record ReplayOutcome(DeadLetterEntry entry, Status status, String detail) {
  /** The fate of one dead letter. */
  public enum Status {
    /** Produced again to where it came from (or would be, in a dry run). */
    REPLAYED,
    /** Still not valid, or no way back: it stays in the dead-letter topic. */
    STILL_DEAD,
    /** Valid but holds nothing to produce (e.g. a webhook ping). */
    IGNORED
  }

  public ReplayOutcome {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }
}
