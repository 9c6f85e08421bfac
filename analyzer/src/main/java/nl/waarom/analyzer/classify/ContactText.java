package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

/**
 * The searchable text of one contact. Each turn is analysed once ({@link TurnTokens}); the text
 * fields ({@code any}, {@code customer}, {@code agent}, {@code first}) replay the tokens of their
 * turns, so a turn that is in three fields is still analysed only once. Within a field each turn
 * gets its own offset range and a position gap from the previous turn, so that an offset maps back
 * to a turn and a phrase or proximity rule never matches words of two different turns.
 */
final class ContactText {
  /** Larger than any slop or gap a sensible rule uses. */
  static final int TURN_GAP = 100;

  private final Contact contact;
  private final TurnTokens[] tokens;
  private final Map<String, List<Segment>> fields = new LinkedHashMap<>();

  /** Where one turn sits in a field: offsets in the field are {@code base} + offset in the turn. */
  record Segment(int turnIndex, int base) {}

  private ContactText(Contact contact, Analyzer analyzer) {
    this.contact = contact;
    List<Turn> turns = contact.getTurns();
    this.tokens = new TurnTokens[turns.size()];
    int customerTurns = 0;
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      if (turn.getText() == null || turn.getText().isBlank()) {
        continue;
      }
      tokens[i] = TurnTokens.analyse(analyzer, Fields.ANY, turn.getText());
      add(Fields.ANY, i);
      if (turn.getSpeaker() == Speaker.CUSTOMER) {
        add(Fields.CUSTOMER, i);
        if (isOpening(turn, customerTurns++)) {
          add(Fields.FIRST, i);
        }
      } else if (turn.getSpeaker() == Speaker.AGENT) {
        add(Fields.AGENT, i);
      }
    }
  }

  static ContactText of(Contact contact, Analyzer analyzer) {
    return new ContactText(contact, analyzer);
  }

  private boolean isOpening(Turn customerTurn, int earlierCustomerTurns) {
    return contact.getChannel() == Channel.CALL
        ? customerTurn.getOffsetMillis() < Fields.FIRST_CALL_MILLIS
        : earlierCustomerTurns < Fields.FIRST_TURNS;
  }

  private void add(String field, int turnIndex) {
    List<Segment> segments = fields.computeIfAbsent(field, f -> new ArrayList<>());
    int base = 0;
    if (!segments.isEmpty()) {
      Segment last = segments.get(segments.size() - 1);
      base = last.base() + contact.getTurns().get(last.turnIndex()).getText().length() + 1;
    }
    segments.add(new Segment(turnIndex, base));
  }

  /** Whether the contact has any text at all. */
  boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * A Lucene document: the pre-analysed text fields that some rule searches (a field no rule
   * names would only cost indexing and presearching time), the prefix anchors, and the channel
   * and language keywords.
   */
  Document document(Language language, Set<String> fieldsUsed, Set<String> anchors) {
    Document doc = new Document();
    fields.forEach((name, segments) -> {
      if (fieldsUsed.contains(name)) {
        doc.add(new TextField(name, new ReplayTokenStream(tokens, segments, TURN_GAP)));
      }
    });
    doc.add(new TextField(PrefixAnchors.FIELD, PrefixAnchors.stream(tokens, anchors)));
    doc.add(new StringField(Fields.CHANNEL, contact.getChannel().name().toLowerCase(Locale.ROOT),
        Field.Store.NO));
    doc.add(new StringField(Fields.LANG, language.code(), Field.Store.NO));
    return doc;
  }

  /**
   * The evidence for a match in a field; empty when the offsets fall outside a turn (which would
   * mean the analysis and this class disagree).
   */
  Optional<EvidenceSpan> locate(String field, int start, int end) {
    List<Segment> segments = fields.get(field);
    if (segments == null) {
      return Optional.empty();
    }
    for (Segment s : segments) {
      String text = contact.getTurns().get(s.turnIndex()).getText();
      if (start >= s.base() && end <= s.base() + text.length()) {
        return Optional.of(new EvidenceSpan(text.substring(start - s.base(), end - s.base()),
            s.turnIndex(), start - s.base(), end - s.base()));
      }
    }
    return Optional.empty();
  }

  /** The start of what the customer said (or of anything, without customer turns), to detect the language. */
  static String opening(Contact contact) {
    StringBuilder text = new StringBuilder();
    for (boolean customerOnly : new boolean[] {true, false}) {
      for (Turn turn : contact.getTurns()) {
        if (text.length() >= LanguageDetector.MAX_CHARS) {
          return text.toString();
        }
        if (turn.getText() != null && (!customerOnly || turn.getSpeaker() == Speaker.CUSTOMER)) {
          text.append(turn.getText()).append(' ');
        }
      }
      if (!text.isEmpty()) {
        break;
      }
    }
    return text.toString();
  }
}
