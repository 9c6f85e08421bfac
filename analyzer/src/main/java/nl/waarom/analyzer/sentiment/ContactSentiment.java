package nl.waarom.analyzer.sentiment;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Sentiment;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import nl.waarom.schemas.TurnSentiment;

/**
 * The sentiment of a contact: of every customer, agent and bot turn with words, and the
 * customer's at the start and at the end.
 *
 * <p><b>A negative contact</b> is one whose customer ended negative (their last turn with words
 * is negative) or was negative overall (more than half of their turns with words are). The end
 * alone would miss the customer who complained throughout and said "ok, thanks" at the end; the
 * share alone would miss the one who left angry after a polite start. A customer who complained
 * once and ended content is not counted: the contact left them better off.
 *
 * @param turns         in turn order; never null
 * @param customerStart the customer's first turn with words; null when the customer said nothing
 * @param customerEnd   the customer's last turn with words; null when the customer said nothing
 * @param negative      whether this is a negative contact; null when the customer said nothing
 */
public record ContactSentiment(List<TurnSentiment> turns, TurnSentiment customerStart,
    TurnSentiment customerEnd, Boolean negative) {
  /** A contact without words. */
  public static final ContactSentiment NONE = new ContactSentiment(List.of(), null, null, null);

  public ContactSentiment {
    turns = List.copyOf(turns);
  }

  /** Scores every turn of the contact with the model; system turns are left out. */
  public static ContactSentiment of(Contact contact, SentimentModel model) {
    List<TurnSentiment> turns = new ArrayList<>();
    List<TurnSentiment> customer = new ArrayList<>();
    List<Turn> all = contact.getTurns();
    for (int i = 0; i < all.size(); i++) {
      Turn turn = all.get(i);
      if (turn.getSpeaker() == Speaker.SYSTEM || turn.getText() == null) {
        continue;
      }
      SentimentScore score = model.scoreOrNull(turn.getText());
      if (score == null) {
        continue;
      }
      TurnSentiment sentiment = new TurnSentiment(i, Sentiment.valueOf(score.polarity().name()),
          (float) score.score());
      turns.add(sentiment);
      if (turn.getSpeaker() == Speaker.CUSTOMER) {
        customer.add(sentiment);
      }
    }
    if (customer.isEmpty()) {
      return new ContactSentiment(turns, null, null, null);
    }
    return new ContactSentiment(turns, customer.get(0), customer.get(customer.size() - 1),
        negative(customer));
  }

  /** The customer ended negative, or more than half of their turns are negative. */
  static boolean negative(List<TurnSentiment> customer) {
    long negatives = customer.stream().filter(t -> t.getSentiment() == Sentiment.NEGATIVE).count();
    return customer.get(customer.size() - 1).getSentiment() == Sentiment.NEGATIVE
        || 2 * negatives > customer.size();
  }
}
