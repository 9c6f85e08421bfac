package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Why the model leans towards a label: each feature of the text adds its TF-IDF value times its
 * weight in the label's decision function; a feature that occurs several times shares that out
 * over its occurrences. A word collects its unigram and character n-grams, a two-word phrase its
 * bigram. The spans that added most (and do not overlap a stronger one) are the evidence.
 */
final class Explainer {
  private Explainer() {}

  static List<WeighedSpan> explain(Vectorizer vectorizer, LinearScorer scorer, String text,
      int label, int max) {
    FoldedText folded = FoldedText.of(text).orElse(null);
    if (folded == null || max <= 0) {
      return List.of();
    }
    Vectorizer.Scratch scratch = vectorizer.newScratch();
    vectorizer.vectorizeFolded(folded.chars(), scratch);
    Map<Integer, Double> contribution = new HashMap<>();
    for (int k = 0; k < scratch.size; k++) {
      int f = scratch.idx[k];
      contribution.put(f, (double) scratch.val[k] * scorer.weight(f, label));
    }
    Map<Integer, Integer> occurrences = new HashMap<>();
    vectorizer.occurrences(folded.chars(), (f, start, end) -> {
      if (f >= 0) {
        occurrences.merge(f, 1, Integer::sum);
      }
    });
    Map<Long, Double> bySpan = new HashMap<>();
    vectorizer.occurrences(folded.chars(), (f, start, end) -> {
      Double c = f < 0 ? null : contribution.get(f);
      if (c != null) {
        bySpan.merge(((long) start << 32) | end, c / occurrences.get(f), Double::sum);
      }
    });
    List<Map.Entry<Long, Double>> ranked = new ArrayList<>(bySpan.entrySet());
    ranked.sort(Map.Entry.<Long, Double>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<WeighedSpan> chosen = new ArrayList<>();
    for (Map.Entry<Long, Double> e : ranked) {
      if (chosen.size() == max || e.getValue() <= 0) {
        break;
      }
      int start = folded.originalStart((int) (e.getKey() >>> 32));
      int end = folded.originalEnd(text, (int) (long) e.getKey());
      if (chosen.stream().noneMatch(s -> s.start() < end && start < s.end())) {
        chosen.add(new WeighedSpan(start, end, e.getValue()));
      }
    }
    chosen.sort(Comparator.comparingInt(WeighedSpan::start));
    return List.copyOf(chosen);
  }
}
