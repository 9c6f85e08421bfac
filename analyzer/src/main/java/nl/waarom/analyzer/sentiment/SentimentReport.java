package nl.waarom.analyzer.sentiment;

import java.util.Locale;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Turn;
import nl.waarom.schemas.TurnSentiment;

/**
 * A contact's sentiment as text for people: one line per scored turn (index, speaker, polarity,
 * score, the turn's start), then the customer's start and end and whether it is a negative
 * contact. Used by {@code ./waarom classify}.
 */
public final class SentimentReport {
  private static final int QUOTE = 60;

  private SentimentReport() {}

  /** The report, one line each, ending with a newline. */
  public static String of(Contact contact, ContactSentiment sentiment) {
    StringBuilder text = new StringBuilder("sentiment per turn:").append(System.lineSeparator());
    for (TurnSentiment t : sentiment.turns()) {
      Turn turn = contact.getTurns().get(t.getTurnIndex());
      text.append(String.format(Locale.ROOT, "  [%d] %-8s %-8s %+.2f  \"%s\"%n", t.getTurnIndex(),
          turn.getSpeaker().name().toLowerCase(Locale.ROOT), label(t), t.getScore(),
          quote(turn.getText())));
    }
    if (sentiment.negative() == null) {
      return text.append("customer: said nothing to go on").append(System.lineSeparator())
          .toString();
    }
    return text.append(String.format(Locale.ROOT, "customer: %s at the start, %s at the end: %s%n",
        label(sentiment.customerStart()), label(sentiment.customerEnd()),
        sentiment.negative() ? "a negative contact" : "not a negative contact")).toString();
  }

  private static String label(TurnSentiment t) {
    return t.getSentiment().name().toLowerCase(Locale.ROOT);
  }

  private static String quote(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= QUOTE ? line : line.substring(0, QUOTE - 1).stripTrailing() + "…";
  }
}
