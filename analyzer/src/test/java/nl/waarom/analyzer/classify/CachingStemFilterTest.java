package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.Test;
import org.tartarus.snowball.ext.DutchStemmer;

class CachingStemFilterTest {
  private static final String TEXT = "betalingen betaling betalen betaald betalingen de facturen "
      + "factuur verhuizen verhuisd verhuizen abonnementen opzeggen opgezegd betalingen";

  @Test
  void stemsExactlyLikeSnowballAlsoForRepeatedWordsAndKeywordCopies() throws IOException {
    Function<TokenStream, TokenStream> cached = in -> new CachingStemFilter(in, new DutchStemmer());
    Function<TokenStream, TokenStream> plain = in -> new SnowballFilter(in, new DutchStemmer());
    assertThat(tokens(TEXT, cached)).isEqualTo(tokens(TEXT, plain))
        .contains("betal", "factur", "verhuiz");
    // keyword copies (the word as written) pass unstemmed, as with SnowballFilter
    Function<TokenStream, TokenStream> cachedRepeat =
        in -> new CachingStemFilter(new KeywordRepeatFilter(in), new DutchStemmer());
    Function<TokenStream, TokenStream> plainRepeat =
        in -> new SnowballFilter(new KeywordRepeatFilter(in), new DutchStemmer());
    assertThat(tokens(TEXT, cachedRepeat)).isEqualTo(tokens(TEXT, plainRepeat))
        .contains("betalingen", "betal");
  }

  private static List<String> tokens(String text, Function<TokenStream, TokenStream> chain)
      throws IOException {
    Tokenizer source = new StandardTokenizer();
    source.setReader(new StringReader(text));
    List<String> out = new ArrayList<>();
    try (TokenStream stream = chain.apply(source)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    }
    return out;
  }
}
