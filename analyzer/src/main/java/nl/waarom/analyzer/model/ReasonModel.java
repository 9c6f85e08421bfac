package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A trained text classifier: TF-IDF word and character n-grams, one-vs-rest linear scores, softmax
 * with a fitted temperature, and a calibrated rule for when a text is unexplained
 * ({@link UnexplainedRule}). Build one with {@link ModelTrainer#train}.
 *
 * <p>Immutable and thread-safe: {@link #predict} may be called from any number of threads at
 * once; each thread keeps its own working memory (a thread-local scratch the size of the
 * vocabulary), so a call allocates only the small result.
 */
public final class ReasonModel {
  private final List<String> labels;
  private final Vectorizer vectorizer;
  private final LinearScorer scorer;
  private final double temperature;
  private final UnexplainedRule rule;
  private final int unknownIndex;
  private final int topK;
  private final ThreadLocal<Work> work;

  private static final class Work {
    final Vectorizer.Scratch scratch;
    final double[] scores;

    Work(Vectorizer.Scratch scratch, int classes) {
      this.scratch = scratch;
      this.scores = new double[classes];
    }
  }

  ReasonModel(List<String> labels, LinearFit.Fitted fitted, double temperature,
      UnexplainedRule rule, int unknownIndex, int topK) {
    this.labels = List.copyOf(labels);
    this.vectorizer = fitted.vectorizer();
    this.scorer = fitted.scorer();
    if (scorer.classes() != this.labels.size() || !(temperature > 0)) {
      throw new IllegalArgumentException("model does not match its labels or temperature");
    }
    this.temperature = temperature;
    this.rule = Objects.requireNonNull(rule, "rule");
    this.unknownIndex = unknownIndex;
    this.topK = Math.min(topK, this.labels.size());
    this.work = ThreadLocal.withInitial(() -> new Work(vectorizer.newScratch(), labels.size()));
  }

  /** The labels the model can predict, in a fixed order; includes the unknown label if trained with one. */
  public List<String> labels() {
    return labels;
  }

  /**
   * The top probability below which a text may be unknown: one half, or more when a floor raised it
   * (see {@link Calibration}). Whether it is unknown then depends on {@link #evidenceThreshold()}.
   */
  public double threshold() {
    return rule.probability();
  }

  /**
   * The evidence below which a text whose top probability is below {@link #threshold()} is unknown;
   * positive infinity when the probability alone decides (see {@link Calibration}).
   */
  public double evidenceThreshold() {
    return rule.evidence();
  }

  /** The softmax temperature fitted on held-out data. */
  public double temperature() {
    return temperature;
  }

  /** Number of n-gram features the model knows. */
  public int features() {
    return vectorizer.dimension();
  }

  /** Ranks the top-k labels for the text (never null; an empty text gets the prior-like bias ranking). */
  public Prediction predict(String text) {
    Objects.requireNonNull(text, "text");
    double[] p = logits(TextFolding.fold(text));
    double topLogit = Double.NEGATIVE_INFINITY;
    for (double z : p) {
      topLogit = Math.max(topLogit, z);
    }
    softmax(p, temperature);
    List<ScoredLabel> ranked = new ArrayList<>(topK);
    boolean[] taken = new boolean[p.length];
    for (int r = 0; r < topK; r++) {
      int best = -1;
      for (int c = 0; c < p.length; c++) {
        if (!taken[c] && (best < 0 || p[c] > p[best])) {
          best = c;
        }
      }
      taken[best] = true;
      ranked.add(new ScoredLabel(labels.get(best), Math.min(1.0, p[best])));
    }
    ScoredLabel top = ranked.get(0);
    double evidence = Calibration.evidence(topLogit, top.probability(), temperature);
    boolean unknown = rule.unexplained(top.probability(), evidence)
        || (unknownIndex >= 0 && top.label().equals(labels.get(unknownIndex)));
    return new Prediction(ranked, unknown);
  }

  /** Calibrated probabilities of every label for the text, in {@link #labels()} order; the caller's own array. */
  public double[] probabilitiesOf(String text) {
    Objects.requireNonNull(text, "text");
    return probabilities(text).clone();
  }

  /**
   * The at most {@code max} words or two-word phrases of {@code text} that weighed most for
   * {@code label}, in text order, with offsets into {@code text} ({@link Explainer}); empty for a
   * label the model does not know.
   */
  public List<WeighedSpan> explain(String text, String label, int max) {
    int index = labels.indexOf(label);
    return index < 0 ? List.of()
        : Explainer.explain(vectorizer, scorer, text, index, max, work.get().scratch);
  }

  /** The features, for the package's tests. */
  Vectorizer vectorizer() {
    return vectorizer;
  }

  /** The weights, for the package's tests. */
  LinearScorer scorer() {
    return scorer;
  }

  /** Calibrated probabilities for every label, in {@link #labels()} order (the array is the thread's own). */
  double[] probabilities(String text) {
    return softmax(logits(TextFolding.fold(text)), temperature);
  }

  /** Raw one-vs-rest decision values, written into the calling thread's buffer. */
  double[] logits(char[] folded) {
    Work w = work.get();
    vectorizer.vectorizeFolded(folded, w.scratch);
    scorer.score(w.scratch, w.scores);
    return w.scores;
  }

  static double[] softmax(double[] scores, double temperature) {
    double max = Double.NEGATIVE_INFINITY;
    for (double s : scores) {
      max = Math.max(max, s);
    }
    double z = 0;
    for (int c = 0; c < scores.length; c++) {
      scores[c] = Math.exp((scores[c] - max) / temperature);
      z += scores[c];
    }
    for (int c = 0; c < scores.length; c++) {
      scores[c] /= z;
    }
    return scores;
  }
}
