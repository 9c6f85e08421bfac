package nl.waarom.analyzer.model;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fits the vocabulary and one binary liblinear model per class (one-vs-rest). The binary problems
 * are independent, so they are trained on {@code options.threads()} named threads; liblinear's own
 * multi-class loop is single-threaded. Each binary problem gets its own seeded {@link Random}, so
 * the result does not depend on thread scheduling.
 */
final class LinearFit {
  record Fitted(Vectorizer vectorizer, LinearScorer scorer) {
    /** The raw decision values of one folded text, in a new array; for training-time use. */
    double[] decisionValues(char[] folded, Vectorizer.Scratch scratch) {
      double[] scores = new double[scorer.classes()];
      vectorizer.vectorizeFolded(folded, scratch);
      scorer.score(scratch, scores);
      return scores;
    }
  }

  private LinearFit() {
  }

  static Fitted fit(List<char[]> texts, int[] y, int classes, TrainOptions options) {
    Linear.disableDebugOutput();
    NgramFeatures features = new NgramFeatures(options.charMin(), options.charMax(),
        options.wordBigrams());
    Vocabulary vocabulary = Vocabulary.build(texts, features, options.minDf());
    Vectorizer vectorizer = new Vectorizer(features, vocabulary, options.wordWeight(),
        options.charWeight());
    Feature[][] x = design(texts, vectorizer);
    int dim = vocabulary.size();
    float[] weights = new float[dim * classes];
    float[] bias = new float[classes];
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
        r -> new Thread(r, "waarom-model-train-" + threadNo.incrementAndGet()));
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        int cls = c;
        jobs.add(pool.submit(() -> fitOne(x, y, cls, dim, classes, options, weights, bias)));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("training failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return new Fitted(vectorizer, new LinearScorer(classes, weights, bias));
  }

  /** Sparse rows sorted by feature index (liblinear's contract), plus a constant bias feature. */
  static Feature[][] design(List<char[]> texts, Vectorizer vectorizer) {
    Vectorizer.Scratch s = vectorizer.newScratch();
    Feature[][] x = new Feature[texts.size()][];
    int biasIndex = vectorizer.dimension() + 1;
    for (int i = 0; i < texts.size(); i++) {
      vectorizer.vectorizeFolded(texts.get(i), s);
      long[] packed = new long[s.size];
      for (int k = 0; k < s.size; k++) {
        packed[k] = ((long) s.idx[k] << 32) | (Float.floatToRawIntBits(s.val[k]) & 0xffffffffL);
      }
      Arrays.sort(packed);
      Feature[] row = new Feature[s.size + 1];
      for (int k = 0; k < s.size; k++) {
        row[k] = new FeatureNode((int) (packed[k] >>> 32) + 1, Float.intBitsToFloat((int) packed[k]));
      }
      row[s.size] = new FeatureNode(biasIndex, 1.0);
      x[i] = row;
    }
    return x;
  }

  private static void fitOne(Feature[][] x, int[] y, int cls, int dim, int classes,
      TrainOptions options, float[] weights, float[] bias) {
    Problem p = new Problem();
    p.l = x.length;
    p.n = dim + 1;
    p.bias = 1.0;
    p.x = x;
    p.y = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      p.y[i] = y[i] == cls ? 1 : -1;
    }
    SolverType type = options.solver() == TrainOptions.Solver.LOGISTIC
        ? SolverType.L2R_LR_DUAL : SolverType.L2R_L2LOSS_SVC_DUAL;
    Parameter param = new Parameter(type, options.c(), 0.1);
    param.setRandom(new Random(options.seed() + cls));
    Model m = Linear.train(p, param);
    double sign = m.getLabels()[0] == 1 ? 1 : -1;
    double[] w = m.getFeatureWeights();
    for (int f = 0; f < dim; f++) {
      weights[f * classes + cls] = (float) (sign * w[f]);
    }
    bias[cls] = (float) (sign * w[dim]);
  }
}
