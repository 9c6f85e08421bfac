package nl.waarom.analyzer.model;

import java.util.Objects;

/**
 * A label with the model's calibrated probability for it.
 *
 * @param label       never null
 * @param probability in [0, 1]
 */
public record ScoredLabel(String label, double probability) {
  public ScoredLabel {
    Objects.requireNonNull(label, "label");
    if (!(probability >= 0.0 && probability <= 1.0)) {
      throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
    }
  }
}
