package nl.waarom.analyzer.classify;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Splits Dutch compounds on a dictionary, keeping the whole word: after {@code betaallink} it
 * emits {@code link} (and {@code betaal} when that is a dictionary word too) at the same position
 * and with the same offsets, so evidence still points at the whole word.
 *
 * <p>Why not Lucene's {@code DictionaryCompoundWordTokenFilter}: that one emits every dictionary
 * word found anywhere inside a word, so {@code nota} fires in {@code notaris} and {@code app} in
 * {@code apparaat}. Dutch compounds are right-headed (a {@code betaallink} is a kind of
 * {@code link}), so this filter only accepts a split into a head that ends the word and a
 * modifier of at least {@link #MIN_MODIFIER} letters: the head is what the word is about, which
 * is what a rule on that word intends.
 */
final class CompoundSplitFilter extends TokenFilter {
  /** Shorter words are not split. */
  static final int MIN_WORD = 7;
  /** Shortest head; shorter dictionary words ({@code app}, {@code pin}) are never split off. */
  static final int MIN_HEAD = 4;
  /** Shortest modifier before the head. */
  static final int MIN_MODIFIER = 3;

  private final CharArraySet dictionary;
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final StringBuilder pending = new StringBuilder();
  private int pendingHead = -1; // start of the head in pending; -1 when nothing is pending
  private boolean modifierPending;
  private int modifierEnd;
  private State wholeWord;

  CompoundSplitFilter(TokenStream input, CharArraySet dictionary) {
    super(input);
    this.dictionary = dictionary;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (pendingHead >= 0) {
      restoreState(wholeWord);
      increment.setPositionIncrement(0);
      if (modifierPending) { // modifier first, then the head
        modifierPending = false;
        term.setEmpty().append(pending, 0, modifierEnd);
      } else {
        term.setEmpty().append(pending, pendingHead, pending.length());
        pendingHead = -1;
      }
      return true;
    }
    if (!input.incrementToken()) {
      return false;
    }
    split();
    return true;
  }

  /** Finds the longest dictionary head that ends the current word, and remembers the split. */
  private void split() {
    int length = term.length();
    if (length < MIN_WORD) {
      return;
    }
    char[] buffer = term.buffer();
    for (int start = MIN_MODIFIER; start <= length - MIN_HEAD; start++) {
      if (dictionary.contains(buffer, start, length - start)) {
        pending.setLength(0);
        pending.append(buffer, 0, length);
        pendingHead = start;
        // the modifier as a word of its own, also with a linking s (betalings+regeling)
        int modifier = dictionary.contains(buffer, 0, start) ? start
            : start > MIN_MODIFIER && buffer[start - 1] == 's'
                && dictionary.contains(buffer, 0, start - 1) ? start - 1 : -1;
        modifierPending = modifier > 0;
        modifierEnd = modifier;
        wholeWord = captureState();
        return;
      }
    }
  }

  @Override
  public void reset() throws IOException {
    super.reset();
    pendingHead = -1;
    modifierPending = false;
    wholeWord = null;
  }
}
