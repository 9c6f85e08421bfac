package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One row of {@code contacts} as the contact page shows it.
 *
 * @param contactId never null
 * @param channel never null
 * @param occurredAt never null
 * @param language may be null
 * @param queue may be null
 * @param attributes never null
 * @param handleMillis may be null
 * @param subject may be null
 * @param turns empty until the words were read from the contact topic; never null
 * @param taxonomyVersion null until classified
 * @param primaryReasonId null when unexplained (or not classified yet)
 * @param reasons in force, primary first; never null
 * @param unexplained null until classified
 * @param repeatOf may be null
 * @param customerNegative may be null
 * @param turnSentiments never null
 * @param searchText the subject and customer words; may be null
 * @param callbackRequested whether the customer asked to be called back; null when unknown (not
 *     classified yet, or stored before callback requests were kept)
 */
public record StoredContact(String contactId, String channel, Instant occurredAt, String language,
    String queue, Map<String, String> attributes, Long handleMillis, String subject,
    List<ContactText.Turn> turns, String taxonomyVersion, String primaryReasonId,
    List<ReasonEntry> reasons, Boolean unexplained, String repeatOf, Boolean customerNegative,
    List<Classification.TurnSentimentEntry> turnSentiments, String searchText,
    Boolean callbackRequested) {
  public StoredContact {
    attributes = Map.copyOf(attributes);
    turns = List.copyOf(turns);
    reasons = List.copyOf(reasons);
    turnSentiments = List.copyOf(turnSentiments);
  }

  /** The source of the primary reason (RULE, MODEL, FEEDBACK); null when there is none. */
  public String primarySource() {
    return reasons.isEmpty() ? null : reasons.get(0).source();
  }
}
