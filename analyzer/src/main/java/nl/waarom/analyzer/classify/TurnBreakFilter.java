package nl.waarom.analyzer.classify;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Removes the turn-boundary marker token and puts a large position gap in its place, so that a
 * phrase or proximity rule never matches words from two different turns. Must directly follow the
 * tokenizer (the marker is recognised before lower-casing).
 */
final class TurnBreakFilter extends TokenFilter {
  /** A word no customer writes; {@link ContactText} puts it between turns. */
  static final String MARKER = "WrmTurnBreakX";
  /** Larger than any slop a sensible rule uses. */
  static final int GAP = 100;

  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);

  TurnBreakFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    int skipped = 0;
    while (input.incrementToken()) {
      if (!isMarker()) {
        if (skipped > 0) {
          increment.setPositionIncrement(increment.getPositionIncrement() + skipped * GAP);
        }
        return true;
      }
      skipped++;
    }
    return false;
  }

  private boolean isMarker() {
    return term.length() == MARKER.length() && MARKER.contentEquals(term);
  }
}
