package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the matched rules of one reason into its {@link ReasonScore}: the evidence (every matched
 * term or phrase, located in its turn or the subject) and what that evidence weighs.
 *
 * <p>Weight: every distinct word the reason's rules matched counts its specificity once
 * ({@link Specificity#weight}); words the rules ask for <em>together</em> (in a phrase, or within
 * a distance: {@code "slimme meter"}, {@code "payment link"~3},
 * {@code fn:maxgaps(2 fn:ordered(ruik gas))}) count once more, as a whole
 * ({@link Specificity#together}). Words between the words of a proximity match, and words matched
 * only through a pure {@code NOT}, count nothing. Words found again by another rule or through
 * another field count once: a reason's weight grows with the specificity of what it found, not
 * with how many of its rules say the same.
 */
final class RuleEvidence {
  private RuleEvidence() {}

  static ReasonScore score(String reasonId, List<EvidenceMatch> rules, ContactText text,
      Specificity specificity) {
    // The same word is often found through several fields (any and customer): keep it once.
    TreeSet<EvidenceSpan> evidence = new TreeSet<>();
    Map<String, Double> weights = new HashMap<>();
    for (EvidenceMatch rule : rules) {
      Map<Integer, Map<String, Double>> groups = new HashMap<>();
      for (EvidenceMatch.Hit hit : rule.hits()) {
        text.locate(hit.field(), hit.start(), hit.end()).ifPresent(span -> {
          evidence.add(span);
          text.weighWords(span, term -> specificity.ruleUses(reasonId, term),
              specificity::weight, groups.computeIfAbsent(hit.group(), g -> new HashMap<>()));
        });
      }
      for (Map<String, Double> words : groups.values()) {
        words.forEach((word, w) -> weights.merge(word, w, Math::max));
        if (words.size() > 1) {
          List<String> together = new ArrayList<>(words.keySet());
          together.sort(null);
          weights.merge(String.join(" ", together), specificity.together(together), Math::max);
        }
      }
    }
    double weight = 0;
    for (double w : weights.values()) {
      weight += w;
    }
    return ReasonScore.byRules(reasonId, rules.size(), weight, List.copyOf(evidence));
  }
}
