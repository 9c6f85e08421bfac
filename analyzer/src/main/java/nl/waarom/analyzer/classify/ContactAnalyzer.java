package nl.waarom.analyzer.classify;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Text analysis shared by Dutch and English for now: Unicode word splitting, lower-casing, accent
 * folding ({@code beëindigen} matches {@code beeindigen}) and removal of a plural {@code -s}. The
 * same chain analyses rules and contacts, so a stemmed word in a rule matches the same stem in a
 * contact. Wildcard and fuzzy terms in rules are only lower-cased and folded ({@link #normalize}).
 *
 * <p>Language-specific analysis (Dutch stemming, compound splitting) is a later step; it will
 * plug in per field through {@link #perField()}.
 */
public final class ContactAnalyzer extends Analyzer {

  /** The analyzer for every document field; today the same chain for each. */
  public static Analyzer perField() {
    return new PerFieldAnalyzerWrapper(new ContactAnalyzer());
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream chain = new TurnBreakFilter(source);
    chain = new LowerCaseFilter(chain);
    chain = new ASCIIFoldingFilter(chain);
    chain = new EnglishMinimalStemFilter(chain);
    return new TokenStreamComponents(source, chain);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
