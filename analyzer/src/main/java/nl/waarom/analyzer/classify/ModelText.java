package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * The text the learned model reads for a contact: the e-mail subject, then what the customer said
 * (every turn when the customer said nothing), one line each; and the way back from an offset in
 * that text to the turn, or the subject, it came from.
 */
final class ModelText {
  private final String text;
  private final List<Part> parts;

  /** One line of the text: a turn ({@code turnIndex} &ge; 0) or the subject (-1). */
  private record Part(int turnIndex, int base, String source) {}

  private ModelText(String text, List<Part> parts) {
    this.text = text;
    this.parts = parts;
  }

  static ModelText of(Contact contact) {
    StringBuilder text = new StringBuilder();
    List<Part> parts = new ArrayList<>();
    if (ContactText.hasSubject(contact)) {
      add(text, parts, EvidenceSpan.SUBJECT, contact.getSubject());
    }
    List<Turn> turns = contact.getTurns();
    boolean customerSpoke = turns.stream().anyMatch(t -> t.getSpeaker() == Speaker.CUSTOMER);
    for (int i = 0; i < turns.size(); i++) {
      if (!customerSpoke || turns.get(i).getSpeaker() == Speaker.CUSTOMER) {
        add(text, parts, i, turns.get(i).getText());
      }
    }
    return new ModelText(text.toString(), List.copyOf(parts));
  }

  private static void add(StringBuilder text, List<Part> parts, int turnIndex, String source) {
    parts.add(new Part(turnIndex, text.length(), source));
    text.append(source).append('\n');
  }

  /** The text the model reads; never null. */
  String text() {
    return text;
  }

  /** Evidence for the range {@code [start, end)} of {@link #text()}; empty when it spans two parts. */
  Optional<EvidenceSpan> locate(int start, int end) {
    for (Part p : parts) {
      if (start >= p.base() && end <= p.base() + p.source().length()) {
        return Optional.of(new EvidenceSpan(p.source().substring(start - p.base(), end - p.base()),
            p.turnIndex(), start - p.base(), end - p.base()));
      }
    }
    return Optional.empty();
  }
}
