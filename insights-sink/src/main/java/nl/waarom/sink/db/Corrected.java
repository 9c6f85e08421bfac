package nl.waarom.sink.db;

import java.util.ArrayList;
import java.util.List;

/**
 * The reasons in force of a contact: the classifier's reasons with the latest correction
 * applied. "This is reason X" puts X first with source {@code FEEDBACK} and confidence 1 (keeping
 * the classifier's evidence for X when it had X), followed by the classifier's other reasons;
 * "none of these" leaves the contact unexplained, without reasons. A pure function of the two, so
 * the row is the same whichever of them the sink reads first.
 *
 * @param primaryReasonId null when unexplained
 * @param reasons primary first; never null
 * @param unexplained whether no reason applies
 */
public record Corrected(String primaryReasonId, List<ReasonEntry> reasons, boolean unexplained) {
  public Corrected {
    reasons = List.copyOf(reasons);
  }

  /**
   * @param classified the classifier's reasons, primary first; never null
   * @param latest the contact's latest correction; null when it has none
   */
  public static Corrected apply(List<ReasonEntry> classified, CorrectionRow latest) {
    if (latest == null) {
      return new Corrected(classified.isEmpty() ? null : classified.get(0).reasonId(), classified,
          classified.isEmpty());
    }
    if (latest.reasonId() == null) {
      return new Corrected(null, List.of(), true);
    }
    List<ReasonEntry> reasons = new ArrayList<>();
    List<ReasonEntry.EvidenceSpan> evidence = classified.stream()
        .filter(r -> r.reasonId().equals(latest.reasonId())).findFirst()
        .map(ReasonEntry::evidence).orElse(List.of());
    reasons.add(new ReasonEntry(latest.reasonId(), 1.0, ReasonEntry.FEEDBACK, evidence));
    classified.stream().filter(r -> !r.reasonId().equals(latest.reasonId())).forEach(reasons::add);
    return new Corrected(latest.reasonId(), reasons, false);
  }
}
