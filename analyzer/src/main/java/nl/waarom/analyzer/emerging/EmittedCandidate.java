package nl.waarom.analyzer.emerging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An EMERGING_REASON insight the detector emitted, the JSON value of the {@code emerging-emitted}
 * store (key: insight id). Immutable.
 *
 * @param terms the candidate's five strongest terms, strongest first, then those of the earlier
 *     insights about the same candidate it continues (at most {@link #MAX_TERMS}); never null
 * @param contactIds its contacts when it fired (at most {@link #MAX_CONTACT_IDS}); never null
 * @param rules its drafted rule's clauses, and those of the earlier insights about the same
 *     candidate it continues (at most {@link #MAX_RULES}, newest first); never null
 * @param count its foreground contacts when it fired
 * @param day the UTC day (ISO) of its id
 * @param detectedAt event time it fired, epoch millis
 */
public record EmittedCandidate(List<String> terms, List<String> contactIds,
    List<List<List<String>>> rules, long count, String day, long detectedAt) {
  /** Contact ids remembered per emitted candidate. */
  static final int MAX_CONTACT_IDS = 200;
  /** Terms remembered per emitted candidate. */
  static final int MAX_TERMS = 20;
  /** Rules remembered per emitted candidate. */
  static final int MAX_RULES = 5;
  /** Share of a candidate's contacts an earlier rule must catch for it to be the same. */
  static final double RULE_COVERAGE = 0.5;

  public EmittedCandidate {
    terms = List.copyOf(terms);
    contactIds = List.copyOf(contactIds);
    rules = List.copyOf(rules);
  }

  /**
   * Whether a candidate is the same one as this: at least two of the strongest three terms of
   * either appear among the other's terms (their order shifts as counts grow); or at least
   * {@code minOverlap} of the smaller set of contacts are shared (the same contacts described
   * by other terms); or at least {@link #RULE_COVERAGE} of the candidate's contacts have two of
   * this insight's terms, or are caught by one of its rules (a variant phrasing of a reason
   * already reported, which stands out once the reason's main words have reached the
   * background).
   */
  boolean sameAs(Candidate candidate, double minOverlap) {
    List<String> otherTerms = candidate.candidateTerms();
    if (shared(terms, otherTerms) || shared(otherTerms, terms)) {
      return true;
    }
    Set<String> mine = new HashSet<>(contactIds);
    List<RecentContact> contacts = candidate.contacts();
    long both = contacts.stream().filter(c -> mine.contains(c.contactId())).count();
    int smaller = Math.min(mine.size(), contacts.size());
    if (smaller > 0 && both >= minOverlap * smaller) {
      return true;
    }
    long withTwoTerms = contacts.stream()
        .filter(c -> c.terms().stream().filter(terms::contains).limit(2).count() == 2).count();
    if (withTwoTerms >= RULE_COVERAGE * contacts.size()) {
      return true;
    }
    for (List<List<String>> clauses : rules) {
      DraftedRule rule = new DraftedRule(clauses);
      long caught = contacts.stream().filter(c -> rule.matches(new HashSet<>(c.terms()))).count();
      if (caught >= RULE_COVERAGE * contacts.size()) {
        return true;
      }
    }
    return false;
  }

  private static boolean shared(List<String> a, List<String> b) {
    return a.stream().limit(3).filter(b::contains).count() >= Math.min(2, Math.min(a.size(),
        b.size()));
  }
}
