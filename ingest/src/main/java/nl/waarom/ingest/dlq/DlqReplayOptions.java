package nl.waarom.ingest.dlq;

import java.util.Objects;

/**
 * What {@link DlqMain#replay} sends back, validated. Immutable.
 *
 * @param filter which dead letters; never null. A filter without addresses selects every letter
 *     it matches, so the command line asks for {@code --all} before it passes one
 * @param dryRun validate and report, produce nothing
 */
public record DlqReplayOptions(DeadLetterFilter filter, boolean dryRun) {
  public DlqReplayOptions {
    Objects.requireNonNull(filter, "filter");
  }
}
