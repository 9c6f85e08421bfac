package nl.waarom.analyzer.classify;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.KeywordRepeatFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.RemoveDuplicatesTokenFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.tartarus.snowball.ext.DutchStemmer;

/**
 * Text analysis per language, in two variants that must agree: one for contacts, one for rules.
 *
 * <p>Both: Unicode word splitting, lower-casing, accent folding ({@code beëindigen} matches
 * {@code beeindigen}), then stemming: English removes a plural {@code -s} (light on purpose: rules
 * are precise), Dutch uses the Snowball Dutch stemmer ({@code betalingen}, {@code betaling} and
 * {@code betalen} all become {@code betal}). So a word in a rule matches its other forms in a
 * contact.
 *
 * <p>Contacts only: Dutch compounds are split on a dictionary ({@link CompoundSplitFilter}), and
 * a Dutch word is indexed both stemmed and as written ({@link KeywordRepeatFilter}), so a
 * wildcard rule ({@code betaal*}), which is not stemmed, matches the word as the customer wrote it
 * ({@code betaald} stems to {@code betaald}, {@code betalen} to {@code betal}). English needs no
 * copy: its light stemmer only removes a plural ending, which leaves a prefix of the word. Rules
 * are not split: a rule that says {@code betaallink} means that word, not every {@code link}.
 *
 * <p>Keyword fields ({@code channel}, {@code lang}) are one lower-cased token.
 */
public final class ContactAnalyzer extends Analyzer {
  private final Language language;
  private final boolean forContacts;
  private final CharArraySet compounds; // empty for rules and for English

  private ContactAnalyzer(Language language, boolean forContacts, CharArraySet compounds) {
    this.language = language;
    this.forContacts = forContacts;
    this.compounds = compounds;
  }

  /** Analyses contact text of one language; {@code compounds} may be empty. */
  public static Analyzer forContacts(Language language, CharArraySet compounds) {
    return new ContactAnalyzer(language, true,
        language == Language.NL ? compounds : CharArraySet.EMPTY_SET);
  }

  /** Analyses rules for matching against contacts of one language, every field. */
  public static Analyzer forRules(Language language) {
    Analyzer keyword = new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new KeywordTokenizer();
        return new TokenStreamComponents(source, new LowerCaseFilter(source));
      }

      @Override
      protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
      }
    };
    return new PerFieldAnalyzerWrapper(
        new ContactAnalyzer(language, false, CharArraySet.EMPTY_SET),
        Map.of(Fields.CHANNEL, keyword, Fields.LANG, keyword));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream chain = new ASCIIFoldingFilter(new LowerCaseFilter(source));
    if (!compounds.isEmpty()) {
      chain = new CompoundSplitFilter(chain, compounds);
    }
    boolean keepWritten = forContacts && language == Language.NL;
    if (keepWritten) {
      chain = new KeywordRepeatFilter(chain);
    }
    chain = language == Language.NL ? new CachingStemFilter(chain, new DutchStemmer())
        : new EnglishMinimalStemFilter(chain);
    if (keepWritten) {
      chain = new RemoveDuplicatesTokenFilter(chain);
    }
    return new TokenStreamComponents(source, chain);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new ASCIIFoldingFilter(new LowerCaseFilter(in));
  }
}
