package nl.waarom.analyzer.classify;

import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replays the tokens of some parts of a contact (turns, the subject) as one field: offsets shifted
 * by each part's base in the field, and a position gap before every part but the first.
 */
final class ReplayTokenStream extends TokenStream {
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
  private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
  private final TurnTokens[] tokens;
  private final List<ContactText.Segment> segments;
  private final int gap;
  private int segment;
  private int token;
  private int finalOffset;

  ReplayTokenStream(TurnTokens[] tokens, List<ContactText.Segment> segments, int gap) {
    this.tokens = tokens;
    this.segments = segments;
    this.gap = gap;
  }

  @Override
  public boolean incrementToken() {
    while (segment < segments.size()
        && token >= tokens[segments.get(segment).part()].size()) {
      segment++;
      token = 0;
    }
    if (segment >= segments.size()) {
      return false;
    }
    clearAttributes();
    ContactText.Segment s = segments.get(segment);
    TurnTokens turn = tokens[s.part()];
    term.setEmpty().append(turn.term(token));
    int inc = turn.increment(token);
    increment.setPositionIncrement(segment > 0 && token == 0 ? inc + gap : inc);
    offset.setOffset(s.base() + turn.start(token), s.base() + turn.end(token));
    finalOffset = s.base() + turn.end(token);
    token++;
    return true;
  }

  @Override
  public void end() throws java.io.IOException {
    super.end();
    offset.setOffset(finalOffset, finalOffset);
  }

  @Override
  public void reset() {
    segment = 0;
    token = 0;
  }
}
