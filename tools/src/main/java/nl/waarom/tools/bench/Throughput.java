package nl.waarom.tools.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * A small throughput-and-latency harness (the JMH idea without the plugin): {@code threads} named
 * threads call one function over a fixed corpus, first for a warm-up period whose results are
 * discarded (JIT compilation, caches), then for the measured period. Every call's latency is
 * recorded, so p50/p99 are exact for the run, not estimated.
 */
public final class Throughput {
  /** Results are written here so the JIT cannot drop the work as dead code. */
  private static volatile Object blackhole;

  private Throughput() {}

  /** What one run measured. */
  public record Result(long calls, double seconds, double p50Millis, double p99Millis, int threads) {
    public double perSecond() {
      return calls / seconds;
    }

    public String line() {
      return String.format(Locale.ROOT, "result: contacts_per_s=%d p99_ms=%.2f",
          Math.round(perSecond()), p99Millis);
    }
  }

  public static <T> Result measure(Function<T, ?> work, List<T> inputs, int threads,
      Duration warmup, Duration measured) throws InterruptedException {
    run(work, inputs, threads, warmup);
    return run(work, inputs, threads, measured);
  }

  private static <T> Result run(Function<T, ?> work, List<T> inputs, int threads, Duration length)
      throws InterruptedException {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch start = new CountDownLatch(1);
    List<long[]> latencies = new ArrayList<>();
    List<int[]> counts = new ArrayList<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] nanos = new long[4_000_000];
      int[] count = new int[1];
      latencies.add(nanos);
      counts.add(count);
      int first = t * inputs.size() / threads;
      Thread worker = new Thread(() -> {
        await(start);
        int i = first;
        while (!stop.get() && count[0] < nanos.length) {
          long t0 = System.nanoTime();
          blackhole = work.apply(inputs.get(i));
          nanos[count[0]++] = System.nanoTime() - t0;
          i = i + 1 == inputs.size() ? 0 : i + 1;
        }
      }, "waarom-bench-" + t);
      workers.add(worker);
      worker.start();
    }
    long t0 = System.nanoTime();
    start.countDown();
    Thread.sleep(length.toMillis());
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int total = counts.stream().mapToInt(c -> c[0]).sum();
    long[] all = new long[total];
    int at = 0;
    for (int t = 0; t < threads; t++) {
      System.arraycopy(latencies.get(t), 0, all, at, counts.get(t)[0]);
      at += counts.get(t)[0];
    }
    Arrays.sort(all);
    return new Result(total, seconds, percentile(all, 0.50), percentile(all, 0.99), threads);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1e6;
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
