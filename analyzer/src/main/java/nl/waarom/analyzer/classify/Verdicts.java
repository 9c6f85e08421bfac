package nl.waarom.analyzer.classify;

import java.util.Optional;

/**
 * What editors said about particular contacts: "this is reason X" or "none of these". The
 * {@link Classifier} gives such a contact the editor's answer (source {@code FEEDBACK}) instead
 * of its own. Implementations are thread-safe and answer without locking: they are asked once per
 * classified contact, on the stream threads.
 */
@FunctionalInterface
public interface Verdicts {
  /** No contact was judged by an editor. */
  Verdicts NONE = contactId -> Optional.empty();

  /** The editor's verdict on the contact; empty when none was given. Never null. */
  Optional<Verdict> verdict(String contactId);

  /**
   * One editor's verdict.
   *
   * @param reasonId the reason the contact is about; null for none of the taxonomy's reasons
   */
  record Verdict(String reasonId) {
    /** Whether the editor said the contact is about none of the taxonomy's reasons. */
    public boolean noneOfThese() {
      return reasonId == null;
    }
  }
}
