package nl.waarom.analyzer.spikes;

import java.util.List;
import nl.waarom.schemas.ClassifiedContact;

/**
 * What the SPIKE detector takes from one classified contact.
 *
 * @param contactId never null
 * @param atMillis event time (occurredAt), epoch millis
 * @param channel channel name; never null
 * @param handleMillis talk + wrap-up; may be null
 * @param snippet redacted excerpt; may be null
 * @param keys the contact's signal keys ({@link Signals}); never null
 */
public record Observation(String contactId, long atMillis, String channel, Long handleMillis,
    String snippet, List<String> keys) {
  public Observation {
    keys = List.copyOf(keys);
  }

  /** The observation of a contact whose record timestamp is {@code atMillis}. */
  public static Observation of(ClassifiedContact contact, long atMillis) {
    return new Observation(contact.getContactId(), atMillis, contact.getChannel().name(),
        contact.getHandleMillis(), contact.getSnippet(), Signals.keys(contact));
  }
}
