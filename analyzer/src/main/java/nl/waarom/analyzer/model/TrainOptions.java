package nl.waarom.analyzer.model;

/**
 * How {@link ModelTrainer} trains. Start from {@link #defaults()}; the defaults are the best
 * configuration measured on Banking77 and CLINC150 (see the package documentation).
 *
 * @param unknownLabel       the label that marks out-of-scope examples (e.g. {@code oos}), or null
 * @param solver             the liblinear loss
 * @param c                  inverse regularisation strength, &gt; 0
 * @param charMin            shortest character n-gram, &ge; 1
 * @param charMax            longest character n-gram, &le; 8
 * @param wordBigrams        whether word 2-grams are features (1-grams always are)
 * @param minDf              an n-gram must occur in this many training texts to become a feature
 * @param wordWeight         weight of the L2-normalised word block
 * @param charWeight         weight of the L2-normalised character block
 * @param folds              the calibration's cross-validation folds, in [2, 20]
 * @param heldOutPerLabel    cross-validation stops once this many texts per label, on average,
 *                           have been held out (every example, when the data is smaller), &ge; 1;
 *                           see {@link CrossValidation}
 * @param maxAccuracyLoss    how much held-out in-scope accuracy the unexplained rule may cost, in
 *                           [0, 1) (see {@link Calibration})
 * @param topK               how many labels a prediction ranks, &ge; 1
 * @param threads            training threads, &ge; 1
 * @param seed               seed of the folds and the solver
 */
public record TrainOptions(String unknownLabel, Solver solver, double c, int charMin, int charMax,
    boolean wordBigrams, int minDf, float wordWeight, float charWeight, int folds,
    int heldOutPerLabel, double maxAccuracyLoss, int topK, int threads, long seed) {

  /** The liblinear losses that make sense for text. */
  public enum Solver { LOGISTIC, SVM }

  public TrainOptions {
    if (!(c > 0) || charMin < 1 || charMax < charMin || charMax > 8 || minDf < 1 || topK < 1
        || threads < 1 || folds < 2 || folds > 20 || heldOutPerLabel < 1
        || !(maxAccuracyLoss >= 0 && maxAccuracyLoss < 1) || !(wordWeight >= 0) || !(charWeight >= 0)) {
      throw new IllegalArgumentException("invalid training options: " + solver + " C=" + c);
    }
    if (solver == null) {
      throw new IllegalArgumentException("solver must not be null");
    }
    if (unknownLabel != null && unknownLabel.isBlank()) {
      unknownLabel = null;
    }
  }

  public static TrainOptions defaults() {
    return new TrainOptions(null, Solver.SVM, 1.0, 2, 5, true, 2, 1f, 1f, 5, 20, 0.02, 5,
        Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())), 42L);
  }

  public TrainOptions withUnknownLabel(String label) {
    return new TrainOptions(label, solver, c, charMin, charMax, wordBigrams, minDf, wordWeight,
        charWeight, folds, heldOutPerLabel, maxAccuracyLoss, topK, threads, seed);
  }

  public TrainOptions withSolver(Solver s, double newC) {
    return new TrainOptions(unknownLabel, s, newC, charMin, charMax, wordBigrams, minDf,
        wordWeight, charWeight, folds, heldOutPerLabel, maxAccuracyLoss, topK, threads, seed);
  }

  public TrainOptions withFeatures(int min, int max, boolean bigrams, int df, float word, float chars) {
    return new TrainOptions(unknownLabel, solver, c, min, max, bigrams, df, word, chars,
        folds, heldOutPerLabel, maxAccuracyLoss, topK, threads, seed);
  }

  public TrainOptions withThreads(int n) {
    return new TrainOptions(unknownLabel, solver, c, charMin, charMax, wordBigrams, minDf,
        wordWeight, charWeight, folds, heldOutPerLabel, maxAccuracyLoss, topK, n, seed);
  }

  /**
   * With {@code k} folds, run until {@code perLabel} texts per label have been held out on average;
   * {@code Integer.MAX_VALUE} holds out every example once.
   */
  public TrainOptions withCrossValidation(int k, int perLabel) {
    return new TrainOptions(unknownLabel, solver, c, charMin, charMax, wordBigrams, minDf,
        wordWeight, charWeight, k, perLabel, maxAccuracyLoss, topK, threads, seed);
  }

  /** With another share of held-out in-scope accuracy that the unexplained rule may cost. */
  public TrainOptions withMaxAccuracyLoss(double loss) {
    return new TrainOptions(unknownLabel, solver, c, charMin, charMax, wordBigrams, minDf,
        wordWeight, charWeight, folds, heldOutPerLabel, loss, topK, threads, seed);
  }
}
