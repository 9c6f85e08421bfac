package nl.waarom.analyzer.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/** The analysed tokens of one turn: term, position increment and offsets in the turn's text. */
final class TurnTokens {
  private String[] terms = new String[32];
  private int[] increments = new int[32];
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int size;

  private TurnTokens() {}

  static TurnTokens analyse(Analyzer analyzer, String field, String text) {
    TurnTokens t = new TurnTokens();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute inc = stream.addAttribute(PositionIncrementAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        t.add(term.toString(), inc.getPositionIncrement(), offset.startOffset(), offset.endOffset());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse a turn", e); // in-memory: does not happen
    }
    return t;
  }

  private void add(String term, int increment, int start, int end) {
    if (size == terms.length) {
      terms = Arrays.copyOf(terms, size * 2);
      increments = Arrays.copyOf(increments, size * 2);
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    terms[size] = term;
    increments[size] = increment;
    starts[size] = start;
    ends[size] = end;
    size++;
  }

  int size() {
    return size;
  }

  String term(int i) {
    return terms[i];
  }

  int increment(int i) {
    return increments[i];
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }
}
