package nl.waarom.analyzer.emerging;

import java.util.BitSet;

/**
 * A term of the foreground with its significance against the background. Immutable apart from
 * {@code contacts}, which callers must not modify.
 *
 * @param term the word or two-word phrase; never null
 * @param count foreground contacts with the term
 * @param share count / foreground contacts
 * @param backgroundShare the term's (decayed) background weight / background total
 * @param score log-likelihood ratio G²; higher is more over-represented
 * @param contacts which foreground contacts (by index) have the term; never null
 */
public record ScoredTerm(String term, int count, double share, double backgroundShare,
    double score, BitSet contacts) {

  /** Words of the term: one for a word, two for a phrase. */
  String[] words() {
    return term.split(" ");
  }

  /** Whether the two terms share a word ("update" and "app update" do). */
  boolean sharesWordWith(ScoredTerm other) {
    for (String a : words()) {
      for (String b : other.words()) {
        if (a.equals(b)) {
          return true;
        }
      }
    }
    return false;
  }
}
