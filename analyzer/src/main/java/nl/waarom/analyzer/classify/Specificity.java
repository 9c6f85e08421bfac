package nl.waarom.analyzer.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.Reason;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.automaton.ByteRunAutomaton;

/**
 * How specific each word is for the reasons of one taxonomy, in one language: computed once per
 * taxonomy, when the rule index is built, never per contact.
 *
 * <p>A reason <em>uses</em> a word when one of its rules names it (also through a wildcard:
 * {@code opzeg*} uses {@code opzegtermijn}) or one of its examples contains it; words are compared
 * as analysed (stemmed, compounds split). A word's specificity is {@code ln(N / n)}: N reasons in
 * the taxonomy, n of them use the word (at least 1). A word only one of 54 reasons uses weighs
 * ln 54 = 4.0; one that half of them use ({@code mijn}, {@code niet}) weighs ln 2 = 0.7.
 */
final class Specificity {
  private final double reasons;
  private final Map<String, BitSet> users = new HashMap<>();
  private final Map<String, RuleWords> ruleWords = new HashMap<>();

  /** The words one reason's rules name: exactly, or through a wildcard or prefix. */
  private static final class RuleWords {
    final Set<String> exact = new HashSet<>();
    final List<ByteRunAutomaton> patterns = new ArrayList<>();

    boolean uses(String term) {
      if (exact.contains(term)) {
        return true;
      }
      if (patterns.isEmpty()) {
        return false;
      }
      BytesRef bytes = new BytesRef(term);
      for (ByteRunAutomaton p : patterns) {
        if (p.run(bytes.bytes, bytes.offset, bytes.length)) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * @param rules every reason's parsed rules for this language, by reason id
   * @param examples analyser for example texts: the contact analysis of this language
   */
  Specificity(List<Reason> reasonList, Map<String, List<Query>> rules, Analyzer examples) {
    this.reasons = Math.max(1, reasonList.size());
    Map<String, Set<String>> vocabulary = new HashMap<>();
    Set<String> all = new HashSet<>();
    for (Reason reason : reasonList) {
      RuleWords words = new RuleWords();
      for (Query rule : rules.getOrDefault(reason.id(), List.of())) {
        collect(rule, words);
      }
      ruleWords.put(reason.id(), words);
      Set<String> used = new HashSet<>(words.exact);
      for (Example example : reason.labelledExamples()) {
        analyse(examples, example.text(), used);
      }
      vocabulary.put(reason.id(), used);
      all.addAll(used);
    }
    for (int r = 0; r < reasonList.size(); r++) {
      Reason reason = reasonList.get(r);
      RuleWords words = ruleWords.get(reason.id());
      Set<String> used = vocabulary.get(reason.id());
      if (!words.patterns.isEmpty()) {
        for (String term : all) {
          if (!used.contains(term) && words.uses(term)) {
            used.add(term);
          }
        }
      }
      for (String term : used) {
        users.computeIfAbsent(term, t -> new BitSet(reasonList.size())).set(r);
      }
    }
  }

  /** {@code ln(N / n)}: N reasons, n of them use the analysed word (1 for a word none uses). */
  double weight(String term) {
    BitSet u = users.get(term);
    return Math.log(reasons / Math.max(1, u == null ? 0 : u.cardinality()));
  }

  /**
   * What words the rules asked for together weigh on top of each word: {@code ln(N / n)}, n the
   * reasons that use every one of them (at least 1).
   */
  double together(Collection<String> terms) {
    BitSet all = null;
    for (String term : terms) {
      BitSet u = users.get(term);
      if (u == null) {
        return Math.log(reasons);
      }
      if (all == null) {
        all = (BitSet) u.clone();
      } else {
        all.and(u);
      }
    }
    return Math.log(reasons / Math.max(1, all == null ? 0 : all.cardinality()));
  }

  /** How many reasons use the analysed word. */
  int users(String term) {
    BitSet u = users.get(term);
    return u == null ? 0 : u.cardinality();
  }

  /** Whether a rule of the reason names the analysed word (exactly or by a pattern). */
  boolean ruleUses(String reasonId, String term) {
    RuleWords words = ruleWords.get(reasonId);
    return words != null && words.uses(term);
  }

  private static void collect(Query rule, RuleWords words) {
    rule.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        return Fields.TEXT.contains(field);
      }

      @Override
      public void consumeTerms(Query query, Term... terms) {
        for (Term t : terms) {
          words.exact.add(t.text());
        }
      }

      @Override
      public void consumeTermsMatching(Query query, String field,
          java.util.function.Supplier<ByteRunAutomaton> automaton) {
        words.patterns.add(automaton.get());
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return occur == BooleanClause.Occur.MUST_NOT ? QueryVisitor.EMPTY_VISITOR : this;
      }
    });
  }

  private static void analyse(Analyzer analyzer, String text, Set<String> into) {
    try (TokenStream stream = analyzer.tokenStream(Fields.ANY, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        into.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse an example", e); // in-memory: does not happen
    }
  }
}
