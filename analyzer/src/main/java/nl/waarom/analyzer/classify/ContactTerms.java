package nl.waarom.analyzer.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * The words and two-word phrases of what the customer wrote or said (and an email's subject),
 * as the insight detectors compare them between windows: lower-cased surface words (not stemmed,
 * so a drafted rule reads like the customer's words), Dutch and English stop words, greetings,
 * numbers, one-letter words and redaction placeholders such as {@code [EMAIL]} removed. A phrase
 * is two words that are adjacent once stop words are dropped ("app update deletes my settings"
 * gives "deletes settings"). Distinct, in order of first occurrence, at most {@link #MAX_TERMS}.
 * Stateless and thread-safe.
 */
public final class ContactTerms {
  /** At most this many terms per contact. */
  public static final int MAX_TERMS = 64;

  private static final List<String> EXTRA_STOP = List.of(
      // greetings, politeness and chat filler that say nothing about the reason
      "hi", "hello", "hey", "dear", "thanks", "thank", "please", "regards", "kind", "yes", "no",
      "ok", "okay", "sir", "madam", "good", "morning", "afternoon", "evening", "can", "could",
      "would", "i'm", "im", "i've", "ive", "don't", "dont", "can't", "cant", "it's", "get", "got",
      "just", "still", "also", "now", "today", "want", "like", "need", "help", "my", "me", "you",
      "your", "we", "our", "us", "am", "have", "has", "had", "do", "does", "did", "been", "was",
      "were", "what", "why", "how", "when", "which", "who", "there", "here", "about", "from",
      "hallo", "hoi", "beste", "geachte", "dag", "goedemorgen", "goedemiddag", "goedenavond",
      "bedankt", "dank", "dankjewel", "alstublieft", "alsjeblieft", "graag", "groet", "groeten",
      "vriendelijke", "ja", "nee", "oké", "ok", "mijn", "ik", "jullie", "u", "uw", "je", "jij",
      "we", "wij", "ons", "onze", "heb", "hebt", "heeft", "hebben", "kan", "kunt", "kunnen", "wil",
      "wilt", "willen", "moet", "moeten", "even", "nog", "al", "nu", "vandaag", "gewoon", "wel",
      "niet", "geen", "waarom", "hoe", "wat", "wanneer", "help", "hulp", "vraag", "vragen");
  private static final CharArraySet STOP;

  static {
    CharArraySet stop = new CharArraySet(512, true);
    stop.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stop.addAll(DutchAnalyzer.getDefaultStopSet());
    stop.addAll(EXTRA_STOP);
    STOP = CharArraySet.unmodifiableSet(stop);
  }

  private ContactTerms() {}

  /** The terms of a contact's customer turns and subject; never null. */
  public static List<String> of(Contact contact) {
    List<String> texts = new ArrayList<>();
    if (contact.getSubject() != null) {
      texts.add(contact.getSubject());
    }
    for (Turn turn : contact.getTurns()) {
      if (turn.getSpeaker() == Speaker.CUSTOMER) {
        texts.add(turn.getText());
      }
    }
    return of(texts);
  }

  /** The terms of some texts, each text tokenised on its own (no phrase spans two texts). */
  public static List<String> of(List<String> texts) {
    LinkedHashSet<String> unigrams = new LinkedHashSet<>();
    LinkedHashSet<String> phrases = new LinkedHashSet<>();
    for (String text : texts) {
      List<String> words = words(text);
      for (int i = 0; i < words.size(); i++) {
        unigrams.add(words.get(i));
        if (i > 0) {
          phrases.add(words.get(i - 1) + " " + words.get(i));
        }
      }
    }
    List<String> terms = new ArrayList<>(MAX_TERMS);
    // words first, so a long contact keeps its vocabulary before its phrases are cut
    for (String word : unigrams) {
      if (terms.size() == MAX_TERMS) {
        return terms;
      }
      terms.add(word);
    }
    for (String phrase : phrases) {
      if (terms.size() == MAX_TERMS) {
        break;
      }
      terms.add(phrase);
    }
    return terms;
  }

  /** The content words of one text, in order: lower-cased, stop words and noise removed. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    if (text == null) {
      return words;
    }
    String folded = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    int i = 0;
    int n = folded.length();
    while (i < n) {
      char c = folded.charAt(i);
      if (c == '[') { // a redaction placeholder such as [EMAIL]: skip it whole
        int close = folded.indexOf(']', i);
        if (close > 0 && close - i <= 16) {
          i = close + 1;
          continue;
        }
      }
      if (!Character.isLetterOrDigit(c)) {
        i++;
        continue;
      }
      int start = i;
      while (i < n && (Character.isLetterOrDigit(folded.charAt(i))
          || (folded.charAt(i) == '\'' || folded.charAt(i) == '-') && i + 1 < n
          && Character.isLetter(folded.charAt(i + 1)))) {
        i++;
      }
      String word = folded.substring(start, i);
      if (keep(word)) {
        words.add(word);
      }
    }
    return words;
  }

  private static boolean keep(String word) {
    if (word.length() < 2 || STOP.contains(word)) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if (Character.isLetter(word.charAt(i))) {
        return true;
      }
    }
    return false; // numbers, amounts, order numbers: not vocabulary
  }
}
