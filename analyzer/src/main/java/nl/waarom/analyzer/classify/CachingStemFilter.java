package nl.waarom.analyzer.classify;

import java.io.IOException;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.tartarus.snowball.SnowballStemmer;

/**
 * Snowball stemming with a memo of recent words. Contacts repeat the same few thousand words, and
 * the Dutch Snowball stemmer was the single largest cost of analysing a contact; a lookup in a
 * char-array map (no allocation per token) replaces it for every word seen before. Like Lucene's
 * {@code SnowballFilter}, tokens marked as keywords are left as they are. Not thread-safe: Lucene
 * keeps one token stream per thread.
 */
final class CachingStemFilter extends TokenFilter {
  private static final int MAX_WORDS = 50_000;

  private final SnowballStemmer stemmer;
  private final CharArrayMap<char[]> stems = new CharArrayMap<>(1_024, false);
  private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keyword = addAttribute(KeywordAttribute.class);

  CachingStemFilter(TokenStream input, SnowballStemmer stemmer) {
    super(input);
    this.stemmer = stemmer;
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keyword.isKeyword()) {
      return true;
    }
    char[] stem = stems.get(term.buffer(), 0, term.length());
    if (stem == null) {
      stemmer.setCurrent(term.buffer(), term.length());
      stemmer.stem();
      stem = java.util.Arrays.copyOf(stemmer.getCurrentBuffer(), stemmer.getCurrentBufferLength());
      if (stems.size() >= MAX_WORDS) {
        stems.clear();
      }
      stems.put(java.util.Arrays.copyOf(term.buffer(), term.length()), stem);
    }
    term.copyBuffer(stem, 0, stem.length);
    return true;
  }
}
