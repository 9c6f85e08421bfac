package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Turn;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;

/**
 * The searchable text of one contact: per field, the texts of its turns joined with a boundary
 * marker, plus where each turn starts, so that an offset in a field maps back to an offset in a
 * turn. Immutable once built.
 */
final class ContactText {
  private static final String SEPARATOR = "\n" + TurnBreakFilter.MARKER + "\n";

  private final Map<String, FieldText> fields = new LinkedHashMap<>();
  private final List<Turn> turns;

  private ContactText(Contact contact) {
    this.turns = contact.getTurns();
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      String text = turn.getText();
      if (text == null || text.isBlank()) {
        continue;
      }
      field(Fields.TEXT).add(i, text);
      switch (turn.getSpeaker()) {
        case CUSTOMER -> field(Fields.CUSTOMER).add(i, text);
        case AGENT -> field(Fields.AGENT).add(i, text);
        default -> { } // bots and system messages only count in the text field
      }
    }
  }

  static ContactText of(Contact contact) {
    return new ContactText(contact);
  }

  /** A Lucene document with one value per non-empty field. */
  Document document() {
    Document doc = new Document();
    fields.forEach((name, text) -> doc.add(new TextField(name, text.text(), Field.Store.NO)));
    return doc;
  }

  /** Whether the contact has any text at all. */
  boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * The evidence for a highlight in a field; empty when the offsets fall outside a turn (which
   * would mean the analyzer and this class disagree).
   */
  Optional<EvidenceSpan> locate(String field, int start, int end) {
    FieldText text = fields.get(field);
    return text == null ? Optional.empty() : text.locate(start, end, turns);
  }

  private FieldText field(String name) {
    return fields.computeIfAbsent(name, n -> new FieldText());
  }

  /** Turn texts of one field, joined; segments record where each turn starts. */
  private static final class FieldText {
    private final StringBuilder text = new StringBuilder();
    private final List<int[]> segments = new ArrayList<>(); // {turnIndex, start, length}

    void add(int turnIndex, String turnText) {
      if (!text.isEmpty()) {
        text.append(SEPARATOR);
      }
      segments.add(new int[] {turnIndex, text.length(), turnText.length()});
      text.append(turnText);
    }

    String text() {
      return text.toString();
    }

    Optional<EvidenceSpan> locate(int start, int end, List<Turn> turns) {
      for (int[] s : segments) {
        int from = s[1];
        int to = s[1] + s[2];
        if (start >= from && end <= to) {
          String turnText = turns.get(s[0]).getText();
          return Optional.of(new EvidenceSpan(turnText.substring(start - from, end - from), s[0],
              start - from, end - from));
        }
      }
      return Optional.empty();
    }
  }
}
