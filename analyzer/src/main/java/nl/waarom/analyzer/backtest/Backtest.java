package nl.waarom.analyzer.backtest;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import nl.waarom.analyzer.classify.Classification;
import nl.waarom.analyzer.classify.ClassifiedContacts;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ReasonScore;
import nl.waarom.schemas.Contact;

/**
 * Classifies the same contacts with two classifiers — the taxonomy in force and a new one — and
 * counts what changes: primary reasons before and after, the explained share, and the contacts
 * whose primary reason flips. Only the reasons are computed (no sentiment, terms or repeat
 * detection: they do not decide a reason). The caller's thread reads the input and hands batches
 * to a pool of worker threads, which decode and classify; at most a few batches wait, so the
 * input is streamed, never held. Writes nothing anywhere.
 */
public final class Backtest {
  private static final AtomicInteger RUNS = new AtomicInteger();

  /**
   * @param threads worker threads, at least 1 (the machine's cores make sense)
   * @param examples example contacts kept per kind of flip (from → to), 0 or more
   * @param batch contacts a worker takes at a time, at least 1
   */
  public record Options(int threads, int examples, int batch) {
    public Options {
      if (threads < 1 || examples < 0 || batch < 1) {
        throw new IllegalArgumentException("threads and batch must be at least 1, examples 0 or "
            + "more: " + threads + ", " + batch + ", " + examples);
      }
    }

    /** One worker per core, 3 examples per flip, batches of 256. */
    public static Options defaults() {
      return new Options(Runtime.getRuntime().availableProcessors(), 3, 256);
    }

    public Options withThreads(int threads) {
      return new Options(threads, examples, batch);
    }

    public Options withExamples(int examples) {
      return new Options(threads, examples, batch);
    }
  }

  /** Hands every input item to {@code each}, in order, on the calling thread. */
  @FunctionalInterface
  public interface Source<T> {
    void forEach(Consumer<T> each) throws IOException;
  }

  private Backtest() {}

  /**
   * Runs the backtest over {@code input}; an {@link Iterable} is a source ({@code list::forEach}).
   *
   * @param before the classifier of the taxonomy in force; shared by the workers, not closed
   * @param after the classifier of the new taxonomy; shared by the workers, not closed
   * @param decode turns one input item into a contact on a worker thread; null skips the item
   *     (counted as skipped); must be thread-safe
   * @throws IllegalStateException when decoding or classifying fails other than by returning null
   * @throws IOException when reading the input fails
   */
  public static <T> BacktestResult run(Classifier before, Classifier after, Source<T> input,
      Function<? super T, Contact> decode, Options options) throws IOException {
    long started = System.nanoTime();
    int run = RUNS.incrementAndGet();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
      Thread t = new Thread(r, "waarom-backtest-" + run + "-" + threadNumber.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    Semaphore waiting = new Semaphore(options.threads() * 4);
    List<Future<Tally>> slices = new ArrayList<>();
    try {
      List<List<T>> pending = new ArrayList<>(List.of(new ArrayList<>(options.batch())));
      Consumer<List<T>> submit = batch -> {
        waiting.acquireUninterruptibly();
        slices.add(pool.submit(() -> {
          try {
            return classify(before, after, batch, decode, options.examples());
          } finally {
            waiting.release();
          }
        }));
      };
      input.forEach(item -> {
        List<T> batch = pending.getFirst();
        batch.add(item);
        if (batch.size() == options.batch()) {
          submit.accept(batch);
          pending.set(0, new ArrayList<>(options.batch()));
        }
      });
      if (!pending.getFirst().isEmpty()) {
        submit.accept(pending.getFirst());
      }
      Tally total = new Tally(options.examples());
      for (Future<Tally> slice : slices) {
        total.merge(slice.get());
      }
      return BacktestResult.of(before.taxonomy(), after.taxonomy(), total,
          System.nanoTime() - started);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("backtest interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("backtest failed: " + e.getCause().getMessage(),
          e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> Tally classify(Classifier before, Classifier after, List<T> batch,
      Function<? super T, Contact> decode, int examples) {
    Tally tally = new Tally(examples);
    for (T item : batch) {
      Contact contact = decode.apply(item);
      if (contact == null) {
        tally.skipped++;
        continue;
      }
      String from = primary(before.classify(contact));
      String to = primary(after.classify(contact));
      tally.add(contact.getContactId(), from, to,
          from.equals(to) ? null : ClassifiedContacts.snippet(contact));
    }
    return tally;
  }

  private static String primary(Classification classification) {
    return classification.primary().map(ReasonScore::reasonId).orElse(Tally.UNEXPLAINED);
  }
}
