package nl.waarom.analyzer.sentiment;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;

/**
 * Trains a {@link SentimentModel} from labelled sets of texts.
 *
 * <p>Steps: hold out a seeded {@code heldOutFraction} of every set and polarity, fit on the rest,
 * fit the softmax temperature on the held-out part, fit again on everything, then drop the
 * features whose largest weight times idf is below {@code minImportance} and round what remains
 * to half floats (as the model file stores it, so an evaluated model is the model that ships).
 *
 * <p>Fitting: one L2-regularised linear SVM per polarity (liblinear's dual solver, one-vs-rest),
 * the three on their own named threads. <b>A set only teaches the polarities it has</b>: a set
 * without neutral lines (the Dutch subtitle lines, the UCI review sentences) takes no part in the
 * neutral-or-not problem, so that being Dutch does not learn to mean "not neutral". A polarity no
 * set has is never predicted. A set's {@code weight} repeats its lines in the fit.
 */
public final class SentimentTrainer {
  /** The hand-written customer-service lines that every training includes. */
  public static final String EXAMPLES_RESOURCE = "examples.csv";
  /** How often the built-in lines count: they are few, and the only customer-service lines. */
  public static final int EXAMPLES_WEIGHT = 3;
  private static final int C = SentimentWeights.CLASSES;

  /**
   * A labelled set of texts; the polarities it has are the labels that occur in it.
   *
   * @param name     for messages; never null
   * @param examples labels {@code negative}, {@code neutral} or {@code positive}
   * @param weight   how often each line counts in the fit, &ge; 1
   */
  public record TrainingSet(String name, List<LabeledText> examples, int weight) {
    public TrainingSet {
      examples = List.copyOf(examples);
      if (weight < 1) {
        throw new IllegalArgumentException("weight must be at least 1: " + weight);
      }
    }
  }

  /**
   * How to train.
   *
   * @param c               the SVM's regularisation parameter, &gt; 0
   * @param minDf           an n-gram must occur in this many training texts to be a feature
   * @param heldOutFraction share held out to fit the temperature, in (0, 0.5]
   * @param minImportance   features whose largest |weight| times idf is below this are dropped
   * @param seed            seed of the held-out split and the solver
   */
  public record Options(double c, int minDf, double heldOutFraction, double minImportance,
      long seed) {
    public Options {
      if (!(c > 0) || minDf < 1 || !(heldOutFraction > 0 && heldOutFraction <= 0.5)
          || !(minImportance >= 0)) {
        throw new IllegalArgumentException("invalid sentiment training options: C=" + c
            + " minDf=" + minDf + " heldOut=" + heldOutFraction + " minImportance=" + minImportance);
      }
    }

    /** The configuration measured in docs/benchmarks.md. */
    public static Options defaults() {
      return new Options(0.3, 2, 0.1, 0.02, 42L);
    }
  }

  private SentimentTrainer() {}

  /** The built-in customer-service lines, Dutch and English, as a set of weight {@link #EXAMPLES_WEIGHT}. */
  public static TrainingSet builtInExamples() {
    try (InputStream in = SentimentTrainer.class.getResourceAsStream(EXAMPLES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(EXAMPLES_RESOURCE + " is not on the class path");
      }
      List<LabeledText> lines = CsvExamples.read(new InputStreamReader(in, StandardCharsets.UTF_8),
          EXAMPLES_RESOURCE, "text", "label");
      return new TrainingSet("built-in customer-service lines", lines, EXAMPLES_WEIGHT);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (CsvExamples.BadInputException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Trains a model.
   *
   * @throws IllegalArgumentException when a label is not a polarity, or there is nothing to learn
   */
  public static SentimentModel train(List<TrainingSet> sets, Options options) {
    Lexicon lexicon = Lexicon.shipped();
    Corpus corpus = Corpus.of(sets);
    boolean[] heldOut = split(corpus, options);
    int[] fitCopies = new int[corpus.size()];
    List<Integer> calibration = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (heldOut[i]) {
        calibration.add(i);
      } else {
        fitCopies[i] = corpus.weight(i);
      }
    }
    double temperature = 1;
    if (!calibration.isEmpty()) {
      SentimentModel partial = fit(corpus, fitCopies, lexicon, options, 1.0);
      temperature = Temperature.fit(partial, corpus, calibration);
    }
    int[] allCopies = new int[corpus.size()];
    for (int i = 0; i < corpus.size(); i++) {
      allCopies[i] = corpus.weight(i);
    }
    return fit(corpus, allCopies, lexicon, options, temperature);
  }

  /** Marks a seeded share of every set's lines of every polarity as held out. */
  private static boolean[] split(Corpus corpus, Options options) {
    Map<Long, List<Integer>> groups = new TreeMap<>();
    for (int i = 0; i < corpus.size(); i++) {
      groups.computeIfAbsent(corpus.set(i) * 8L + corpus.label(i), k -> new ArrayList<>()).add(i);
    }
    boolean[] heldOut = new boolean[corpus.size()];
    Random random = new Random(options.seed());
    for (List<Integer> group : groups.values()) {
      List<Integer> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      int n = Math.min(shuffled.size() - 1,
          (int) Math.round(shuffled.size() * options.heldOutFraction()));
      for (int k = 0; k < n; k++) {
        heldOut[shuffled.get(k)] = true;
      }
    }
    return heldOut;
  }

  /** Fits on the lines with copies &gt; 0 (each repeated that often). */
  private static SentimentModel fit(Corpus corpus, int[] copies, Lexicon lexicon,
      Options options, double temperature) {
    Linear.disableDebugOutput();
    List<Integer> used = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (copies[i] > 0) {
        used.add(i);
      }
    }
    DesignMatrix design = DesignMatrix.build(corpus, used, lexicon, options.minDf());
    int dim = design.dimension();
    double[][] w = new double[C][];
    boolean[] learnt = new boolean[C];
    AtomicInteger threadNo = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(C,
        r -> new Thread(r, "waarom-sentiment-train-" + threadNo.incrementAndGet()));
    try {
      List<Future<double[]>> jobs = new ArrayList<>();
      for (int c = 0; c < C; c++) {
        int polarity = c;
        jobs.add(pool.submit(() -> fitOne(corpus, used, copies, design, polarity, options)));
      }
      for (int c = 0; c < C; c++) {
        w[c] = jobs.get(c).get();
        learnt[c] = w[c] != null;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("sentiment training interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("sentiment training failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    int learntCount = 0;
    for (boolean l : learnt) {
      learntCount += l ? 1 : 0;
    }
    if (learntCount < 2) {
      throw new IllegalArgumentException("need lines of at least two polarities that are each "
          + "contrasted with another polarity in the same set");
    }
    return new SentimentModel(design.weights(w, dim, temperature, options.minImportance()), lexicon);
  }

  /** One polarity against the others, on the lines of the sets that have it; null if none do. */
  private static double[] fitOne(Corpus corpus, List<Integer> used, int[] copies,
      DesignMatrix design, int polarity, Options options) {
    List<Feature[]> rows = new ArrayList<>();
    List<Double> labels = new ArrayList<>();
    boolean positive = false;
    boolean negative = false;
    for (int k = 0; k < used.size(); k++) {
      int i = used.get(k);
      if (!corpus.annotates(i, polarity)) {
        continue;
      }
      boolean is = corpus.label(i) == polarity;
      positive |= is;
      negative |= !is;
      for (int n = 0; n < copies[i]; n++) {
        rows.add(design.row(k));
        labels.add(is ? 1.0 : -1.0);
      }
    }
    if (!positive || !negative) {
      return null;
    }
    Problem p = new Problem();
    p.l = rows.size();
    p.n = design.dimension() + 1;
    p.bias = 1.0;
    p.x = rows.toArray(Feature[][]::new);
    p.y = labels.stream().mapToDouble(Double::doubleValue).toArray();
    Parameter param = new Parameter(SolverType.L2R_L2LOSS_SVC_DUAL, options.c(), 0.1);
    param.setRandom(new Random(options.seed() + polarity));
    Model m = Linear.train(p, param);
    double sign = m.getLabels()[0] == 1 ? 1 : -1;
    double[] fitted = m.getFeatureWeights();
    double[] w = new double[fitted.length];
    for (int f = 0; f < fitted.length; f++) {
      w[f] = sign * fitted[f];
    }
    return w;
  }
}
