package nl.waarom.analyzer.emerging;

import java.util.List;
import java.util.Locale;
import nl.waarom.schemas.ClassifiedContact;

/**
 * What the detector keeps of one recent unexplained contact: enough to count its terms, quote it
 * as an example and estimate its cost. Immutable; a JSON value of the {@code emerging-recent}
 * store.
 *
 * @param contactId never null
 * @param occurredAt event time, epoch millis
 * @param channel channel name; never null
 * @param handleMillis talk + wrap-up; may be null
 * @param snippet redacted excerpt; may be null
 * @param terms the contact's distinct terms ({@link ClassifiedContact#getTerms()}); never null
 */
public record RecentContact(String contactId, long occurredAt, String channel, Long handleMillis,
    String snippet, List<String> terms) {
  /** Terms longer than this are not vocabulary (a URL, a code) and are not kept. */
  static final int MAX_TERM_LENGTH = 48;

  public RecentContact {
    terms = List.copyOf(terms);
  }

  static RecentContact of(ClassifiedContact contact, long occurredAt) {
    return new RecentContact(contact.getContactId(), occurredAt, contact.getChannel().name(),
        contact.getHandleMillis(), contact.getSnippet(), contact.getTerms().stream()
            .filter(t -> t.length() <= MAX_TERM_LENGTH).distinct().toList());
  }

  /** Store key: zero-padded event time then id, so the store iterates oldest first. */
  String key() {
    return key(occurredAt, contactId);
  }

  static String key(long occurredAt, String contactId) {
    return String.format(Locale.ROOT, "%019d|%s", Math.max(0, occurredAt), contactId);
  }
}
