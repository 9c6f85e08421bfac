package nl.waarom.analyzer.classify;

import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.DeadLetter;

/**
 * What became of one input record: a classified contact, or a dead letter. Exactly one of the
 * two is non-null. Lives only between two processors of one task, so it needs no serde.
 */
public record Outcome(ClassifiedContact classified, DeadLetter deadLetter) {
  public Outcome {
    if ((classified == null) == (deadLetter == null)) {
      throw new IllegalArgumentException("exactly one of classified and deadLetter must be set");
    }
  }

  public static Outcome classified(ClassifiedContact classified) {
    return new Outcome(classified, null);
  }

  public static Outcome failed(DeadLetter deadLetter) {
    return new Outcome(null, deadLetter);
  }

  public boolean failed() {
    return deadLetter != null;
  }
}
