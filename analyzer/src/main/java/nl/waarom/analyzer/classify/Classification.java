package nl.waarom.analyzer.classify;

import java.util.List;
import java.util.Optional;

/**
 * The reasons found in one contact, strongest first; empty when the contact is unexplained.
 *
 * @param reasons never null; the first is the primary reason
 */
public record Classification(List<ReasonScore> reasons) {
  public Classification {
    reasons = List.copyOf(reasons);
  }

  public boolean unexplained() {
    return reasons.isEmpty();
  }

  /** The primary reason; empty when unexplained. */
  public Optional<ReasonScore> primary() {
    return reasons.stream().findFirst();
  }
}
