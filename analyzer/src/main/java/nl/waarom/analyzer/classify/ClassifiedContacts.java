package nl.waarom.analyzer.classify;

import java.util.List;
import nl.waarom.analyzer.sentiment.ContactSentiment;
import nl.waarom.analyzer.sentiment.SentimentModel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Evidence;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * Builds the {@link ClassifiedContact} record from a contact and its classification, with the
 * sentiment of its turns ({@link ContactSentiment}, by the shipped model).
 */
public final class ClassifiedContacts {
  /** Longest snippet, in characters, before it is cut with an ellipsis. */
  public static final int SNIPPET_LENGTH = 160;

  private ClassifiedContacts() {}

  /**
   * @param taxonomyVersion version of the taxonomy that produced the classification; never null
   */
  public static ClassifiedContact of(Contact contact, Classification classification,
      String taxonomyVersion) {
    List<ReasonMatch> reasons = classification.reasons().stream()
        .map(ClassifiedContacts::reasonMatch).toList();
    ContactSentiment sentiment = ContactSentiment.of(contact, SentimentModel.shipped());
    return ClassifiedContact.newBuilder()
        .setContactId(contact.getContactId())
        .setChannel(contact.getChannel())
        .setCustomerKey(contact.getCustomerKey())
        .setOccurredAt(contact.getOccurredAt())
        .setLanguage(contact.getLanguage())
        .setQueue(contact.getQueue())
        .setHandleMillis(handleMillis(contact))
        .setTaxonomyVersion(taxonomyVersion)
        .setReasons(reasons)
        .setUnexplained(classification.unexplained())
        .setRepeatOf(null)
        .setSnippet(snippet(contact))
        .setIvrPath(contact.getIvrPath())
        .setAttributes(contact.getAttributes() == null ? java.util.Map.of() : contact.getAttributes())
        .setTerms(ContactTerms.of(contact))
        .setTurnSentiments(sentiment.turns())
        .setCustomerStart(sentiment.customerStart())
        .setCustomerEnd(sentiment.customerEnd())
        .setCustomerNegative(sentiment.negative())
        .setCallbackRequested(contact.getCallbackRequested())
        .build();
  }

  /** Talk plus wrap-up time, counting the parts that are known; null when neither is known. */
  static Long handleMillis(Contact contact) {
    Long talk = contact.getTalkMillis();
    Long wrapUp = contact.getWrapUpMillis();
    if (talk == null && wrapUp == null) {
      return null;
    }
    return (talk == null ? 0L : talk) + (wrapUp == null ? 0L : wrapUp);
  }

  /**
   * The start of the customer's first turn (already redacted upstream), cut at
   * {@link #SNIPPET_LENGTH} characters; null when the customer said nothing.
   */
  public static String snippet(Contact contact) {
    for (Turn turn : contact.getTurns()) {
      if (turn.getSpeaker() == Speaker.CUSTOMER && !turn.getText().isBlank()) {
        String text = turn.getText().strip();
        return text.length() <= SNIPPET_LENGTH ? text
            : text.substring(0, SNIPPET_LENGTH - 1).stripTrailing() + "…";
      }
    }
    return null;
  }

  private static ReasonMatch reasonMatch(ReasonScore score) {
    List<Evidence> evidence = score.evidence().stream()
        .map(e -> new Evidence(e.term(), e.turnIndex(), e.start(), e.end())).toList();
    return new ReasonMatch(score.reasonId(), score.confidence(), score.source(), evidence);
  }
}
