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
 * The searchable text of one contact. Each part (a turn, or an e-mail's subject) is analysed once
 * ({@link TurnTokens}); the text fields ({@code any}, {@code customer}, {@code agent},
 * {@code first}, {@code subject}) replay the tokens of their parts, so a turn that is in three
 * fields is still analysed only once. Within a field each part gets its own offset range and a
 * position gap from the previous part, so that an offset maps back to a turn (or the subject) and a
 * phrase or proximity rule never matches words of two different parts.
 */
final class ContactText {
  /** Larger than any slop or gap a sensible rule uses. */
  static final int TURN_GAP = 100;

  private final Contact contact;
  /** The texts of the parts: the turns in order, then the subject (null when not read). */
  private final String[] texts;
  private final TurnTokens[] tokens;
  private final Map<String, List<Segment>> fields = new LinkedHashMap<>();

  /**
   * Where one part sits in a field: offsets in the field are {@code base} + offset in the part.
   * {@code part} is the turn's index, or the number of turns for the subject.
   */
  record Segment(int part, int base) {}

  private ContactText(Contact contact, Analyzer analyzer) {
    this.contact = contact;
    List<Turn> turns = contact.getTurns();
    this.texts = new String[turns.size() + 1];
    this.tokens = new TurnTokens[texts.length];
    if (hasSubject(contact)) {
      int subject = turns.size();
      texts[subject] = contact.getSubject();
      tokens[subject] = TurnTokens.analyse(analyzer, Fields.ANY, texts[subject]);
      add(Fields.ANY, subject);
      add(Fields.SUBJECT, subject);
    }
    int customerTurns = 0;
    for (int i = 0; i < turns.size(); i++) {
      Turn turn = turns.get(i);
      if (turn.getText() == null || turn.getText().isBlank()) {
        continue;
      }
      texts[i] = turn.getText();
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

  /**
   * Whether the contact's subject is read: it has one, and it is not also the text of a turn (an
   * e-mail without a body arrives with its subject as its only turn).
   */
  static boolean hasSubject(Contact contact) {
    String subject = contact.getSubject();
    return subject != null && !subject.isBlank() && contact.getTurns().stream()
        .noneMatch(t -> t.getText() != null && t.getText().strip().equals(subject.strip()));
  }

  private boolean isOpening(Turn customerTurn, int earlierCustomerTurns) {
    return contact.getChannel() == Channel.CALL
        ? customerTurn.getOffsetMillis() < Fields.FIRST_CALL_MILLIS
        : earlierCustomerTurns < Fields.FIRST_TURNS;
  }

  private void add(String field, int part) {
    List<Segment> segments = fields.computeIfAbsent(field, f -> new ArrayList<>());
    int base = 0;
    if (!segments.isEmpty()) {
      Segment last = segments.get(segments.size() - 1);
      base = last.base() + texts[last.part()].length() + 1;
    }
    segments.add(new Segment(part, base));
  }

  /** The turn index of a part: {@link EvidenceSpan#SUBJECT} for the subject. */
  private int turnIndex(int part) {
    return part == texts.length - 1 ? EvidenceSpan.SUBJECT : part;
  }

  /** The part of a turn index. */
  private int part(int turnIndex) {
    return turnIndex == EvidenceSpan.SUBJECT ? texts.length - 1 : turnIndex;
  }

  /** Whether the contact has any text at all. */
  boolean isEmpty() {
    return fields.isEmpty();
  }

  /**
   * A Lucene document with the fields a rule may need of those in {@code fields}: the
   * pre-analysed text fields the contact has, and the channel and language keywords. (A field
   * that no rule tried on this contact reads would only cost indexing time.)
   */
  Document document(Language language, Set<String> fields) {
    Document doc = new Document();
    this.fields.forEach((name, segments) -> {
      if (fields.contains(name)) {
        doc.add(new TextField(name, new ReplayTokenStream(tokens, segments, TURN_GAP)));
      }
    });
    if (fields.contains(Fields.CHANNEL)) {
      doc.add(new StringField(Fields.CHANNEL, channel(), Field.Store.NO));
    }
    if (fields.contains(Fields.LANG)) {
      doc.add(new StringField(Fields.LANG, language.code(), Field.Store.NO));
    }
    return doc;
  }

  /** The channel keyword: {@code chat}, {@code call} or {@code email}. */
  String channel() {
    return contact.getChannel().name().toLowerCase(Locale.ROOT);
  }

  /** Every analysed term of a text field, as often as it occurs; nothing for a field the contact lacks. */
  void forEachTerm(String field, java.util.function.Consumer<String> action) {
    for (Segment s : fields.getOrDefault(field, List.of())) {
      TurnTokens turn = tokens[s.part()];
      for (int i = 0; i < turn.size(); i++) {
        action.accept(turn.term(i));
      }
    }
  }

  /**
   * The starts of the contact's terms that are some rule's anchor ({@link PrefixAnchors});
   * {@code starts} are the anchors' first letters ({@link PrefixAnchors#starts}).
   */
  Set<String> prefixes(Set<String> anchors, Set<String> starts) {
    return PrefixAnchors.prefixes(tokens, anchors, starts);
  }

  /**
   * The evidence for a match in a field; empty when the offsets fall outside a part (which would
   * mean the analysis and this class disagree).
   */
  Optional<EvidenceSpan> locate(String field, int start, int end) {
    List<Segment> segments = fields.get(field);
    if (segments == null) {
      return Optional.empty();
    }
    for (Segment s : segments) {
      String text = texts[s.part()];
      if (start >= s.base() && end <= s.base() + text.length()) {
        return Optional.of(new EvidenceSpan(text.substring(start - s.base(), end - s.base()),
            turnIndex(s.part()), start - s.base(), end - s.base()));
      }
    }
    return Optional.empty();
  }

  /**
   * The words a rule matched inside one span of evidence, one per word position: of the analysed
   * forms at a position (as written, stemmed, compound parts) the one {@code counts} accepts with
   * the highest {@code weight}; positions where {@code counts} accepts none (the words between
   * the two words of {@code "a b"~3}) are left out. Adds to {@code into}: word to its weight.
   */
  void weighWords(EvidenceSpan span, java.util.function.Predicate<String> counts,
      java.util.function.ToDoubleFunction<String> weight, Map<String, Double> into) {
    TurnTokens turn = tokens[part(span.turnIndex())];
    String best = null;
    double bestWeight = 0;
    for (int i = 0; turn != null && i < turn.size() && turn.start(i) < span.end(); i++) {
      if (turn.increment(i) > 0 && best != null) {
        into.merge(best, bestWeight, Math::max);
        best = null;
      }
      if (turn.start(i) >= span.start() && turn.end(i) <= span.end() && counts.test(turn.term(i))) {
        double w = weight.applyAsDouble(turn.term(i));
        if (best == null || w > bestWeight) {
          best = turn.term(i);
          bestWeight = w;
        }
      }
    }
    if (best != null) {
      into.merge(best, bestWeight, Math::max);
    }
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
