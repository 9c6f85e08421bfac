package nl.waarom.sink.db;

import java.util.List;
import java.util.Objects;
import nl.waarom.schemas.Evidence;
import nl.waarom.schemas.ReasonMatch;

/**
 * One reason of a stored contact, as kept in the {@code contacts.reasons} jsonb array.
 *
 * @param reasonId never null
 * @param confidence 0..1
 * @param source RULE, MODEL or FEEDBACK; never null
 * @param evidence the spans that made it; never null
 */
public record ReasonEntry(String reasonId, double confidence, String source,
    List<EvidenceSpan> evidence) {
  /** The source of a reason an editor gave. */
  public static final String FEEDBACK = "FEEDBACK";

  public ReasonEntry {
    Objects.requireNonNull(reasonId, "reasonId");
    Objects.requireNonNull(source, "source");
    evidence = evidence == null ? List.of() : List.copyOf(evidence);
  }

  /**
   * A matched term or weighed word with its character offsets into one turn's text, or into the
   * subject when {@code turnIndex} is -1.
   */
  public record EvidenceSpan(String term, int turnIndex, int start, int end) {}

  /** Maps a decoded Avro reason. */
  public static ReasonEntry from(ReasonMatch match) {
    return new ReasonEntry(match.getReasonId(), match.getConfidence(), match.getSource().name(),
        match.getEvidence().stream().map(ReasonEntry::span).toList());
  }

  private static EvidenceSpan span(Evidence e) {
    return new EvidenceSpan(e.getTerm(), e.getTurnIndex(), e.getStart(), e.getEnd());
  }
}
