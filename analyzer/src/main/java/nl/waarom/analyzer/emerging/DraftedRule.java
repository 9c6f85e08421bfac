package nl.waarom.analyzer.emerging;

import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A rule drafted for a candidate reason: an AND of clauses, each an OR of terms, searched in the
 * customer's words. Written in the taxonomy's rule syntax (docs/taxonomy.md), e.g.
 * {@code customer:update AND customer:(settings OR instellingen)}; a two-word phrase becomes an
 * unordered proximity {@code "app update"~3} (both words, at most 3 moves apart), because
 * {@code ContactTerms} makes a phrase of two words that were adjacent once stop words were
 * dropped ("deletes my settings" gives "deletes settings"). Words other than letters and digits
 * are quoted. Matching on a contact's terms ({@link #matches}) approximates the classifier's
 * matching: the classifier also stems (so it catches "updates" for "update"), searches only the
 * customer's turns (not an email subject) and a proximity allows 3 words between. Immutable.
 *
 * @param clauses at least one clause, each with at least one term; never null
 */
public record DraftedRule(List<List<String>> clauses) {
  /** Words between the two words of a phrase that the drafted proximity allows. */
  static final int PHRASE_SLOP = 3;
  private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final Set<String> OPERATORS = Set.of("and", "or", "not", "to");

  public DraftedRule {
    clauses = clauses.stream().map(List::copyOf).toList();
    if (clauses.isEmpty() || clauses.stream().anyMatch(List::isEmpty)) {
      throw new IllegalArgumentException("a drafted rule needs terms in every clause: " + clauses);
    }
  }

  /** Whether a contact with these terms satisfies the rule, judged on its terms. */
  public boolean matches(Set<String> terms) {
    return clauses.stream().allMatch(clause -> clause.stream().anyMatch(terms::contains));
  }

  /**
   * The foreground contacts the rule catches, from the contacts of its terms (every term of the
   * rule must be among {@code terms}).
   */
  BitSet caught(List<ScoredTerm> terms) {
    Map<String, BitSet> byTerm = new HashMap<>();
    terms.forEach(t -> byTerm.put(t.term(), t.contacts()));
    BitSet all = null;
    for (List<String> clause : clauses) {
      BitSet any = new BitSet();
      clause.forEach(t -> any.or(byTerm.getOrDefault(t, new BitSet())));
      if (all == null) {
        all = any;
      } else {
        all.and(any);
      }
    }
    return all;
  }

  /** The rule in the taxonomy's syntax. */
  @Override
  public String toString() {
    return clauses.stream().map(DraftedRule::clause).collect(Collectors.joining(" AND "));
  }

  private static String clause(List<String> terms) {
    String body = terms.stream().map(DraftedRule::term).collect(Collectors.joining(" OR "));
    return "customer:" + (terms.size() == 1 ? body : "(" + body + ")");
  }

  private static String term(String term) {
    if (term.indexOf(' ') >= 0) {
      return quote(term) + "~" + PHRASE_SLOP;
    }
    if (PLAIN.matcher(term).matches() && !OPERATORS.contains(term.toLowerCase(Locale.ROOT))) {
      return term;
    }
    return quote(term);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
