package nl.waarom.analyzer.emerging;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Drafts the rule that catches a candidate's contacts from its terms. Two drafts, greedy, and the
 * one that separates the candidate's contacts from the rest of the foreground best (F1; on a tie
 * the one with more clauses, which is the more specific on contacts not seen yet) wins:
 * <ul>
 *   <li>anchor and qualifier: the first clause is an OR of the terms that cover most of the
 *       candidate's contacts (a generic word such as "update" may), the second an OR of terms that
 *       share no word with the first and cover what the first caught: {@code customer:update AND
 *       customer:(settings OR instellingen)};
 *   <li>precise: the same, but each step takes the term that adds the most candidate contacts
 *       minus the most other contacts.
 * </ul>
 * Each clause stops at {@link #COVERAGE} of its target or {@link #MAX_TERMS_PER_CLAUSE} terms; a
 * second clause is kept only when it still covers {@link #MIN_SECOND_COVERAGE} of what the first
 * caught. Stateless.
 */
final class RuleDrafter {
  /** Stop adding terms to a clause once it covers this share of its target contacts. */
  static final double COVERAGE = 0.9;
  /** A second clause is kept only when it covers this share of the first clause's contacts. */
  static final double MIN_SECOND_COVERAGE = 0.7;
  static final int MAX_TERMS_PER_CLAUSE = 4;

  private RuleDrafter() {}

  /**
   * @param terms the candidate's terms, strongest first; not empty
   * @param target the candidate's contacts (indexes into the foreground); not empty
   */
  static DraftedRule draft(List<ScoredTerm> terms, BitSet target) {
    DraftedRule anchored = draft(terms, target, false);
    DraftedRule precise = draft(terms, target, true);
    double a = f1(anchored.caught(terms), target);
    double p = f1(precise.caught(terms), target);
    if (a > p || a == p && anchored.clauses().size() >= precise.clauses().size()) {
      return anchored;
    }
    return precise;
  }

  private static DraftedRule draft(List<ScoredTerm> terms, BitSet target, boolean precise) {
    List<ScoredTerm> first = cover(terms, target, null, precise);
    if (first.isEmpty()) {
      first = List.of(terms.get(0)); // no term has any gain: the strongest alone
    }
    BitSet universe = union(first);
    BitSet caught = union(first);
    caught.and(target);
    List<ScoredTerm> anchor = first;
    List<ScoredTerm> rest = terms.stream()
        .filter(t -> anchor.stream().noneMatch(t::sharesWordWith)).toList();
    List<ScoredTerm> second = cover(rest, caught, universe, precise);
    BitSet both = union(second);
    both.and(caught);
    List<List<String>> clauses = new ArrayList<>();
    clauses.add(first.stream().map(ScoredTerm::term).toList());
    if (!second.isEmpty() && both.cardinality() >= MIN_SECOND_COVERAGE * caught.cardinality()) {
      clauses.add(second.stream().map(ScoredTerm::term).toList());
    }
    return new DraftedRule(clauses);
  }

  /**
   * Greedy cover of {@code target}; with {@code precise}, each term's gain is reduced by the
   * contacts it would add that are not in the target (within {@code universe}, all when null).
   */
  private static List<ScoredTerm> cover(List<ScoredTerm> terms, BitSet target, BitSet universe,
      boolean precise) {
    List<ScoredTerm> chosen = new ArrayList<>();
    BitSet covered = new BitSet();
    BitSet outside = new BitSet();
    int goal = (int) Math.ceil(COVERAGE * target.cardinality());
    while (covered.cardinality() < goal && chosen.size() < MAX_TERMS_PER_CLAUSE) {
      ScoredTerm best = null;
      int bestGain = 0;
      for (ScoredTerm t : terms) {
        if (chosen.contains(t)) {
          continue;
        }
        BitSet gain = (BitSet) t.contacts().clone();
        gain.and(target);
        gain.andNot(covered);
        int score = gain.cardinality();
        if (precise) {
          BitSet cost = (BitSet) t.contacts().clone();
          if (universe != null) {
            cost.and(universe);
          }
          cost.andNot(target);
          cost.andNot(outside);
          score -= cost.cardinality();
        }
        if (score > bestGain) {
          best = t;
          bestGain = score;
        }
      }
      if (best == null) {
        break;
      }
      chosen.add(best);
      covered.or(best.contacts());
      outside.or(best.contacts());
      covered.and(target);
    }
    return chosen;
  }

  private static double f1(BitSet caught, BitSet target) {
    BitSet hit = (BitSet) caught.clone();
    hit.and(target);
    int tp = hit.cardinality();
    return tp == 0 ? 0 : 2.0 * tp / (caught.cardinality() + target.cardinality());
  }

  private static BitSet union(List<ScoredTerm> terms) {
    BitSet all = new BitSet();
    terms.forEach(t -> all.or(t.contacts()));
    return all;
  }
}
