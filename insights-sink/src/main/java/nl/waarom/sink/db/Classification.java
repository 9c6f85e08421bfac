package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import nl.waarom.schemas.ClassifiedContact;

/**
 * The analyzer's classification of one contact, for the classification columns of its
 * {@code contacts} row.
 *
 * @param contactId never null
 * @param channel never null
 * @param occurredAt never null
 * @param language may be null
 * @param queue may be null
 * @param ivrPath may be null
 * @param attributes never null
 * @param customerKey may be null
 * @param handleMillis may be null
 * @param taxonomyVersion never null
 * @param reasons the classifier's reasons, primary first; never null, empty when unexplained
 * @param repeatOf may be null
 * @param customerNegative may be null
 * @param turnSentiments never null
 * @param terms never null
 * @param callbackRequested whether the customer asked to be called back
 */
public record Classification(String contactId, String channel, Instant occurredAt, String language,
    String queue, String ivrPath, Map<String, String> attributes, String customerKey,
    Long handleMillis, String taxonomyVersion, List<ReasonEntry> reasons, String repeatOf,
    Boolean customerNegative, List<TurnSentimentEntry> turnSentiments, List<String> terms,
    boolean callbackRequested) {
  public Classification {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(taxonomyVersion, "taxonomyVersion");
    attributes = Map.copyOf(attributes);
    reasons = List.copyOf(reasons);
    turnSentiments = List.copyOf(turnSentiments);
    terms = List.copyOf(terms);
  }

  /**
   * The sentiment of one turn, as kept in the {@code contacts.turn_sentiments} jsonb array.
   *
   * @param turnIndex index into the turns
   * @param sentiment NEGATIVE, NEUTRAL or POSITIVE; never null
   * @param score -1..1
   */
  public record TurnSentimentEntry(int turnIndex, String sentiment, double score) {}

  /** Maps a decoded Avro classified contact. */
  public static Classification from(ClassifiedContact c) {
    return new Classification(c.getContactId(), c.getChannel().name(), c.getOccurredAt(),
        c.getLanguage(), c.getQueue(), c.getIvrPath(), c.getAttributes(), c.getCustomerKey(),
        c.getHandleMillis(), c.getTaxonomyVersion(),
        c.getReasons().stream().map(ReasonEntry::from).toList(), c.getRepeatOf(),
        c.getCustomerNegative(),
        c.getTurnSentiments().stream().map(t -> new TurnSentimentEntry(t.getTurnIndex(),
            t.getSentiment().name(), t.getScore())).toList(), c.getTerms(),
        c.getCallbackRequested());
  }
}
