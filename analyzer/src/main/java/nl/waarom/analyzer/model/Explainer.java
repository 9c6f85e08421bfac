package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Why the model leans towards a label: each feature of the text adds its TF-IDF value times its
 * weight in the label's decision function; a feature that occurs several times shares that out
 * over its occurrences. A word collects its unigram and character n-grams, a two-word phrase its
 * bigram. The spans that added most (and do not overlap a stronger one) are the evidence.
 *
 * <p>Runs for every reason the model names on its own, so on the stream thread: it works in
 * arrays (a feature's slot in the vectorized text, the spans in the order the text gives them)
 * rather than boxed maps, which cost more than the classification itself on long e-mails.
 */
final class Explainer {
  private Explainer() {}

  /**
   * @param scratch the calling thread's working memory for {@code vectorizer} (the size of its
   *     vocabulary: allocating one per call would cost more than the explanation)
   */
  static List<WeighedSpan> explain(Vectorizer vectorizer, LinearScorer scorer, String text,
      int label, int max, Vectorizer.Scratch scratch) {
    FoldedText folded = FoldedText.of(text).orElse(null);
    if (folded == null || max <= 0) {
      return List.of();
    }
    char[] chars = folded.chars();
    vectorizer.vectorizeFolded(chars, scratch);
    int features = scratch.size;
    // after vectorizing every count is 0 again: borrow the array as feature -> slot + 1
    int[] slot = scratch.counts;
    double[] contribution = new double[features];
    int[] occurrences = new int[features];
    Spans spans = new Spans();
    try {
      for (int k = 0; k < features; k++) {
        int f = scratch.idx[k];
        slot[f] = k + 1;
        contribution[k] = (double) scratch.val[k] * scorer.weight(f, label);
      }
      vectorizer.occurrences(chars, (f, start, end) -> {
        if (f >= 0) {
          occurrences[slot[f] - 1]++;
        }
      });
      vectorizer.occurrences(chars, (f, start, end) -> {
        if (f >= 0) {
          int k = slot[f] - 1;
          spans.add(start, end, contribution[k] / occurrences[k]);
        }
      });
    } finally {
      for (int k = 0; k < features; k++) {
        slot[scratch.idx[k]] = 0;
      }
    }
    List<WeighedSpan> chosen = new ArrayList<>();
    for (int i : spans.strongestFirst()) {
      double value = spans.sum[i];
      if (chosen.size() == max || value <= 0) {
        break;
      }
      int start = folded.originalStart(spans.start[i]);
      int end = folded.originalEnd(text, spans.end[i]);
      if (chosen.stream().noneMatch(s -> s.start() < end && start < s.end())) {
        chosen.add(new WeighedSpan(start, end, value));
      }
    }
    chosen.sort(Comparator.comparingInt(WeighedSpan::start));
    return List.copyOf(chosen);
  }

  /** What each span (start, end in the folded text) added, in the order they came. */
  private static final class Spans {
    int[] start = new int[64];
    int[] end = new int[64];
    double[] sum = new double[64];
    int size;

    /** Adds to the span; the text gives a word's features one after the other. */
    void add(int s, int e, double value) {
      if (size > 0 && start[size - 1] == s && end[size - 1] == e) {
        sum[size - 1] += value;
        return;
      }
      if (size == start.length) {
        start = Arrays.copyOf(start, size * 2);
        end = Arrays.copyOf(end, size * 2);
        sum = Arrays.copyOf(sum, size * 2);
      }
      start[size] = s;
      end[size] = e;
      sum[size++] = value;
    }

    /**
     * The spans with a positive sum, strongest first, equal sums by start then end; a span that
     * came twice is added up first.
     */
    int[] strongestFirst() {
      Integer[] order = new Integer[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      Comparator<Integer> byPlace = Comparator.<Integer>comparingInt(i -> start[i])
          .thenComparingInt(i -> end[i]);
      Arrays.sort(order, byPlace);
      int kept = 0;
      for (int j = 0; j < order.length; j++) {
        int i = order[j];
        if (kept > 0 && start[order[kept - 1]] == start[i] && end[order[kept - 1]] == end[i]) {
          sum[order[kept - 1]] += sum[i];
        } else {
          order[kept++] = i;
        }
      }
      Integer[] positive = Arrays.stream(order, 0, kept).filter(i -> sum[i] > 0)
          .toArray(Integer[]::new);
      Arrays.sort(positive, Comparator.<Integer>comparingDouble(i -> -sum[i]).thenComparing(byPlace));
      return Arrays.stream(positive).mapToInt(Integer::intValue).toArray();
    }
  }
}
