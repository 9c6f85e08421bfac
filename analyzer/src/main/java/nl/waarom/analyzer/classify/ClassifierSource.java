package nl.waarom.analyzer.classify;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import nl.waarom.taxonomy.Taxonomy;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The classifier currently in force. Stream threads call {@link #get()} once per record (a
 * volatile read). When watching a taxonomy file, a named daemon thread checks it every interval;
 * a changed file is loaded, validated and compiled into a new classifier, which replaces the old
 * one atomically only if all of that succeeded. A bad file is logged with every problem and
 * counted; the running classifier stays. A replaced classifier is closed at the next check, by
 * when no stream thread still uses it (classifying one contact takes well under a millisecond).
 */
public final class ClassifierSource implements Supplier<Classifier>, Closeable {
  /** Counter of taxonomy reloads; tag {@code outcome} = {@code ok} or {@code rejected}. */
  public static final String RELOAD_METRIC = "waarom.analyzer.taxonomy.reload";
  private static final Logger LOG = LoggerFactory.getLogger(ClassifierSource.class);

  private final Path file; // null: fixed
  private final Function<Taxonomy, Classifier> compile;
  private final MeterRegistry registry;
  private final List<Classifier> retired = new ArrayList<>();
  private volatile Classifier current;
  private byte[] loadedDigest;
  private byte[] rejectedDigest;
  private ScheduledExecutorService timer;

  private ClassifierSource(Classifier initial, Path file, byte[] digest,
      Function<Taxonomy, Classifier> compile, MeterRegistry registry) {
    this.current = initial;
    this.file = file;
    this.loadedDigest = digest;
    this.compile = compile;
    this.registry = registry;
  }

  /** Always the same classifier (the built-in taxonomy, or tests). */
  public static ClassifierSource fixed(Classifier classifier) {
    return new ClassifierSource(classifier, null, null, null, null);
  }

  /**
   * Loads the file now (a bad file at start-up is an error: there is nothing to keep) and, when
   * {@code interval} is positive, checks it for changes every interval.
   *
   * @throws nl.waarom.taxonomy.TaxonomyException listing every problem of the file
   */
  public static ClassifierSource watching(Path file, Duration interval, MeterRegistry registry) {
    return watching(file, interval, registry, Classifier::new);
  }

  /** The same, turning each loaded taxonomy into a classifier with {@code compile}. */
  public static ClassifierSource watching(Path file, Duration interval, MeterRegistry registry,
      Function<Taxonomy, Classifier> compile) {
    byte[] digest = digest(file);
    Classifier initial = compile.apply(TaxonomyLoader.load(file, RuleParser.check()));
    ClassifierSource source = new ClassifierSource(initial, file, digest, compile, registry);
    if (!interval.isZero() && !interval.isNegative()) {
      source.timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "waarom-taxonomy-reload");
        t.setDaemon(true);
        return t;
      });
      long millis = interval.toMillis();
      source.timer.scheduleWithFixedDelay(source::reloadQuietly, millis, millis,
          TimeUnit.MILLISECONDS);
    }
    return source;
  }

  /** The classifier in force; never null. */
  @Override
  public Classifier get() {
    return current;
  }

  /**
   * Checks the file now. Returns true when a changed, valid taxonomy replaced the classifier;
   * false when the file is unchanged, was already rejected in this form, or is bad now.
   */
  public synchronized boolean reload() {
    closeRetired();
    if (file == null) {
      return false;
    }
    byte[] digest;
    try {
      digest = digest(file);
    } catch (RuntimeException e) {
      LOG.warn("cannot read taxonomy file {}; keeping taxonomy {}: {}", file,
          current.taxonomy().version(), e.getMessage());
      return false;
    }
    if (Arrays.equals(digest, loadedDigest) || Arrays.equals(digest, rejectedDigest)) {
      return false;
    }
    Classifier next;
    try {
      next = compile.apply(TaxonomyLoader.load(file, RuleParser.check()));
    } catch (RuntimeException e) {
      rejectedDigest = digest;
      registry.counter(RELOAD_METRIC, "outcome", "rejected").increment();
      LOG.error("taxonomy file {} rejected; keeping taxonomy {}. {}", file,
          current.taxonomy().version(), e.getMessage());
      return false;
    }
    retired.add(current);
    current = next;
    loadedDigest = digest;
    rejectedDigest = null;
    registry.counter(RELOAD_METRIC, "outcome", "ok").increment();
    LOG.info("taxonomy {} loaded from {} ({} reasons)", next.taxonomy().version(), file,
        next.taxonomy().reasons().size());
    return true;
  }

  private void reloadQuietly() {
    try {
      reload();
    } catch (RuntimeException e) { // never let the timer die
      LOG.error("taxonomy reload failed", e);
    }
  }

  private void closeRetired() {
    retired.forEach(Classifier::close);
    retired.clear();
  }

  private static byte[] digest(Path file) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot read taxonomy file " + file, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops watching and closes every classifier this source made or was given. */
  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    closeRetired();
    current.close();
  }
}
