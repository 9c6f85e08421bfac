package nl.waarom.analyzer.emerging;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A candidate reason: significant terms that occur in the same foreground contacts, the rule
 * drafted for them, and the foreground contacts that rule catches. Immutable.
 *
 * @param terms the significant terms, strongest first; not empty
 * @param rule drafted rule; never null
 * @param contacts foreground contacts the rule catches (judged on their terms), oldest first;
 *     never null
 */
public record Candidate(List<ScoredTerm> terms, DraftedRule rule, List<RecentContact> contacts) {
  /** Terms shown as the candidate's key phrases. */
  public static final int MAX_TERMS = 10;

  public Candidate {
    terms = List.copyOf(terms);
    contacts = List.copyOf(contacts);
  }

  /** The key phrases, strongest first, at most {@link #MAX_TERMS}. */
  public List<String> candidateTerms() {
    return terms.stream().limit(MAX_TERMS).map(ScoredTerm::term).toList();
  }

  /**
   * A title from the two strongest terms that say different things: a phrase replaces a word it
   * contains ("app update" rather than "update"), a term whose words are all shown is skipped.
   * E.g. {@code app update · settings}.
   */
  public String title() {
    List<ScoredTerm> shown = new ArrayList<>();
    for (ScoredTerm t : terms) {
      ScoredTerm overlapping = shown.stream().filter(t::sharesWordWith).findFirst().orElse(null);
      if (overlapping == null) {
        if (shown.size() < 2) {
          shown.add(t);
        }
      } else if (t.words().length > overlapping.words().length) {
        shown.set(shown.indexOf(overlapping), t);
      }
    }
    return shown.stream().map(ScoredTerm::term).collect(Collectors.joining(" · "));
  }

  /**
   * The two strongest terms, sorted and joined by {@code +}: the subject of the insight id.
   */
  public String signature() {
    return terms.stream().limit(2).map(ScoredTerm::term).sorted()
        .collect(Collectors.joining("+"));
  }
}
