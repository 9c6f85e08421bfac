package nl.waarom.analyzer.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.Closeable;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.Language;
import nl.waarom.analyzer.classify.ModelOptions;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.corrections.TrainingSet;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.model.ReasonModel;
import nl.waarom.taxonomy.Taxonomy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the learned model of the classifier in force up to date with the editors' corrections.
 * It builds classifiers ({@link #compile}, for the {@link nl.waarom.analyzer.classify.ClassifierSource}:
 * a new taxonomy starts with every correction known) and trains models through its
 * {@link CorrectedRecipe}, the one the backtests compile with too; and it retrains in the
 * background, on one named daemon thread, when the {@link CorrectionBook} changed: once {@code batch} changes are waiting,
 * or {@code delay} after the first change that waits, whichever comes first. A burst of
 * corrections is learned in one training. The trained model replaces the classifier's model with
 * one volatile write ({@link Classifier#useModel}); stream threads never wait for a training.
 *
 * <p>Training is deterministic: the taxonomy's examples, the configured CSV's, then the
 * corrections in contactId order; so instances that read the same corrections train the same
 * model.
 */
public final class FeedbackLearner implements Closeable {
  /** Timer of model trainings with corrections; tag {@code outcome} = {@code ok} or {@code failed}. */
  public static final String RETRAIN_METRIC = "waarom.analyzer.model.retrain";
  /** Gauge: examples the model in force was trained on (taxonomy, CSV and corrections). */
  public static final String EXAMPLES_METRIC = "waarom.analyzer.model.examples";
  /** Gauge: corrections the model in force learned from. */
  public static final String CORRECTIONS_METRIC = "waarom.analyzer.model.corrections";
  /** Gauge: corrections the model in force skipped (reason not in its taxonomy, or no words). */
  public static final String SKIPPED_METRIC = "waarom.analyzer.corrections.skipped";
  /** Gauge: when the model in force was trained, in seconds since the epoch (NaN before). */
  public static final String TRAINED_METRIC = "waarom.analyzer.model.trained.seconds";
  private static final Logger LOG = LoggerFactory.getLogger(FeedbackLearner.class);
  private static final long TICK_MS = 200;

  private final CorrectedRecipe recipe;
  private final Duration delay;
  private final int batch;
  private final Clock clock;
  private final Timer ok;
  private final Timer failed;
  /** The book's revision each classifier's model learned (weak: retired classifiers go). */
  private final Map<Classifier, Long> learned = Collections.synchronizedMap(new WeakHashMap<>());
  private final AtomicLong examples = new AtomicLong();
  private final AtomicLong corrections = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private volatile double trainedAt = Double.NaN;
  private volatile Supplier<Classifier> classifiers;
  private volatile ScheduledExecutorService timer;
  private long waitingSince = -1; // when the oldest change not learned was seen; -1 none

  /**
   * @param recipe how a taxonomy is compiled, and the book of corrections it learns; never null
   * @param delay longest time a change of the book waits to be learned
   * @param batch this many waiting changes are learned at once, without waiting for the delay
   */
  public FeedbackLearner(CorrectedRecipe recipe, Duration delay, int batch,
      MeterRegistry registry) {
    this(recipe, delay, batch, registry, Clock.systemUTC());
  }

  /**
   * With Dutch as the fallback language.
   *
   * @param extra labelled texts besides the taxonomy's examples (the configured CSV); never null
   * @param minConfidence see {@link nl.waarom.analyzer.classify.ModelOptions#minConfidence()}
   */
  public FeedbackLearner(CorrectionBook book, List<LabeledText> extra, double minConfidence,
      Duration delay, int batch, MeterRegistry registry) {
    this(new CorrectedRecipe(new ClassifierRecipe(Language.NL,
        new ModelOptions(extra, minConfidence)), book), delay, batch, registry,
        Clock.systemUTC());
  }

  FeedbackLearner(CorrectionBook book, List<LabeledText> extra, double minConfidence,
      Duration delay, int batch, MeterRegistry registry, Clock clock) {
    this(new CorrectedRecipe(new ClassifierRecipe(Language.NL,
        new ModelOptions(extra, minConfidence)), book), delay, batch, registry, clock);
  }

  FeedbackLearner(CorrectedRecipe recipe, Duration delay, int batch, MeterRegistry registry,
      Clock clock) {
    this.recipe = recipe;
    this.delay = delay;
    this.batch = Math.max(1, batch);
    this.clock = clock;
    this.ok = Timer.builder(RETRAIN_METRIC).tag("outcome", "ok").register(registry);
    this.failed = Timer.builder(RETRAIN_METRIC).tag("outcome", "failed").register(registry);
    registry.gauge(EXAMPLES_METRIC, examples);
    registry.gauge(CORRECTIONS_METRIC, corrections);
    registry.gauge(SKIPPED_METRIC, skipped);
    registry.gauge(TRAINED_METRIC, this, l -> l.trainedAt);
  }

  /** The book the learner learns from; also the classifiers' {@link nl.waarom.analyzer.classify.Verdicts}. */
  public CorrectionBook book() {
    return recipe.book();
  }

  /**
   * A classifier for the taxonomy whose model learned every correction in the book now, and that
   * gives corrected contacts the editor's verdict.
   */
  public Classifier compile(Taxonomy taxonomy) {
    long revision = book().revision();
    long start = System.nanoTime();
    TrainingSet training = recipe.training(taxonomy);
    Classifier classifier = recipe.compile(taxonomy, training);
    learned.put(classifier, revision);
    trained(training);
    LOG.info("classifier for taxonomy {} trained in {} ms on {} examples, {} of them corrections "
        + "({} skipped)", taxonomy.version(), (System.nanoTime() - start) / 1_000_000,
        training.examples().size(), training.corrections().examples().size(),
        training.corrections().skipped());
    return classifier;
  }

  /**
   * Starts retraining the classifier in force (asked from {@code classifiers} at every check)
   * in the background.
   */
  public synchronized void start(Supplier<Classifier> source) {
    watch(source);
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "waarom-model-retrain");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(this::checkQuietly, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
  }

  /** Sets where {@link #check()} finds the classifier in force, without starting the thread. */
  void watch(Supplier<Classifier> source) {
    this.classifiers = source;
  }

  private void checkQuietly() {
    try {
      check();
    } catch (RuntimeException e) { // never let the timer die
      LOG.error("model retraining failed", e);
    }
  }

  /** Retrains when enough changes are waiting, or the oldest has waited long enough. */
  synchronized void check() {
    Classifier classifier = classifiers.get();
    long waiting = book().revision() - learned.getOrDefault(classifier, -1L);
    if (waiting <= 0) {
      waitingSince = -1;
      return;
    }
    long now = clock.millis();
    if (waitingSince < 0) {
      waitingSince = now;
    }
    if (waiting >= batch || now - waitingSince >= delay.toMillis()) {
      retrain(classifier);
      waitingSince = -1;
    }
  }

  /**
   * Trains a model for the classifier's taxonomy on everything in the book now and gives it to the
   * classifier. Runs on the caller's thread; the classifier keeps classifying meanwhile.
   *
   * @return whether a model was trained (false when training failed)
   */
  public synchronized boolean retrain(Classifier classifier) {
    long revision = book().revision();
    long start = System.nanoTime();
    Taxonomy taxonomy = classifier.taxonomy();
    try {
      TrainingSet training = recipe.training(taxonomy);
      Optional<ReasonModel> model = training.train();
      classifier.useModel(model.orElse(null));
      learned.put(classifier, revision);
      long nanos = System.nanoTime() - start;
      ok.record(nanos, TimeUnit.NANOSECONDS);
      trained(training);
      LOG.info("model retrained in {} ms on {} examples, {} of them corrections ({} none of these, "
          + "{} skipped: reason not in taxonomy {} or no words)", nanos / 1_000_000,
          training.examples().size(), training.corrections().examples().size(),
          training.corrections().noneOfThese(), training.corrections().skipped(),
          taxonomy.version());
      return true;
    } catch (RuntimeException e) {
      failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      learned.put(classifier, revision); // not again until the book changes
      LOG.error("retraining the model of taxonomy {} failed; the model in force stays",
          taxonomy.version(), e);
      return false;
    }
  }

  private void trained(TrainingSet training) {
    examples.set(training.examples().size());
    corrections.set(training.corrections().examples().size());
    skipped.set(training.corrections().skipped());
    trainedAt = clock.millis() / 1000.0;
  }

  /** Stops retraining (a training under way is abandoned). */
  @Override
  public void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
