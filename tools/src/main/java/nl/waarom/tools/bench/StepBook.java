package nl.waarom.tools.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The bookkeeping of one rate step of the pipeline benchmark: for each measured request its due
 * time, when the gateway accepted it (or that it failed) and when the classified record was first
 * seen by a read_committed consumer. Requests {@code first} to {@code first + count - 1} of the
 * step's open-loop schedule are measured; those before are warm-up, those after keep the load on
 * while the measured ones drain. The sender thread writes due times (read after it was joined);
 * answers and classifications come from other threads. All times are {@code System.nanoTime()}.
 */
final class StepBook {
  private static final long NONE = Long.MIN_VALUE;
  private static final long FAILED = Long.MAX_VALUE;

  private final int rate;
  private final long first;
  private final long[] due;
  private final AtomicLongArray accepted;
  private final AtomicLongArray classified;
  private final AtomicInteger answered = new AtomicInteger();
  private final AtomicInteger acceptedCount = new AtomicInteger();
  private final AtomicInteger classifiedCount = new AtomicInteger();
  private final AtomicLong windowStart = new AtomicLong(NONE);
  private final AtomicLong windowEnd = new AtomicLong(NONE);
  private volatile long classifiedAtStart;
  private volatile long classifiedAtEnd;

  /**
   * @param rate requests a second of the step
   * @param first index of the first measured request
   * @param count measured requests; positive
   */
  StepBook(int rate, long first, int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a step measures at least one request: " + count);
    }
    this.rate = rate;
    this.first = first;
    this.due = new long[count];
    this.accepted = new AtomicLongArray(count);
    this.classified = new AtomicLongArray(count);
    for (int i = 0; i < count; i++) {
      accepted.set(i, NONE);
      classified.set(i, NONE);
    }
  }

  /** The slot of schedule index {@code index}, or -1 when it is not measured. */
  private int slot(long index) {
    long s = index - first;
    return s >= 0 && s < due.length ? (int) s : -1;
  }

  boolean measured(long index) {
    return slot(index) >= 0;
  }

  /**
   * The sender hands over request {@code index}, due at {@code dueNanos}, at {@code nowNanos};
   * {@code classifiedSoFar} is the count of classified records seen so far, so the window's
   * throughput is what the consumer saw while measured requests were being sent.
   */
  void sending(long index, long dueNanos, long nowNanos, long classifiedSoFar) {
    int s = slot(index);
    if (s == 0) {
      windowStart.set(nowNanos);
      classifiedAtStart = classifiedSoFar;
    }
    if (s >= 0) {
      due[s] = dueNanos;
    } else if (index == first + due.length && windowEnd.get() == NONE) {
      classifiedAtEnd = classifiedSoFar;
      windowEnd.set(nowNanos);
    }
  }

  /** The gateway answered request {@code index} with 202 at {@code nanos}. */
  void accepted(long index, long nanos) {
    int s = slot(index);
    if (s >= 0 && accepted.compareAndSet(s, NONE, nanos)) {
      answered.incrementAndGet();
      acceptedCount.incrementAndGet();
    }
  }

  /** Request {@code index} got another answer than 202, or none. */
  void failed(long index) {
    int s = slot(index);
    if (s >= 0 && accepted.compareAndSet(s, NONE, FAILED)) {
      answered.incrementAndGet();
    }
  }

  /**
   * The classified record of request {@code index} was seen at {@code nanos}; the first counts.
   *
   * @return false when this request's record was seen before (a repeat is published twice),
   *     true otherwise, also for a request outside the measured window
   */
  boolean classified(long index, long nanos) {
    int s = slot(index);
    if (s < 0) {
      return true;
    }
    if (classified.compareAndSet(s, NONE, nanos)) {
      classifiedCount.incrementAndGet();
      return true;
    }
    return false;
  }

  /** The last measured request has been sent (the next one was due). */
  boolean windowClosed() {
    return windowEnd.get() != NONE;
  }

  /** Every measured request was answered, and every accepted one was seen classified. */
  boolean complete() {
    return answered.get() == due.length && classifiedCount.get() >= acceptedCount.get();
  }

  /**
   * The step's figures; a request not seen classified by {@code endNanos} counts as slower than
   * any seen, with at least {@code endNanos - due} as its latency.
   */
  StepResult result(long endNanos) {
    int n = due.length;
    long[] seen = new long[n];
    long[] acceptLatency = new long[n];
    int seenCount = 0;
    int acceptedN = 0;
    int failed = 0;
    long unseenFloor = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      long a = accepted.get(i);
      long c = classified.get(i);
      if (a == FAILED || a == NONE) {
        failed++;
      } else {
        acceptLatency[acceptedN++] = a - due[i];
      }
      if (c != NONE) {
        seen[seenCount++] = c - due[i];
      } else {
        unseenFloor = Math.min(unseenFloor, endNanos - due[i]);
      }
    }
    Arrays.sort(seen, 0, seenCount);
    Arrays.sort(acceptLatency, 0, acceptedN);
    long window = windowClosed() && windowStart.get() != NONE
        ? windowEnd.get() - windowStart.get() : (long) (n * 1e9 / rate);
    double seconds = Math.max(window, 1) / 1e9;
    return new StepResult(rate, seconds, n, acceptedN, failed, n - seenCount,
        acceptedN / seconds, (classifiedAtEnd - classifiedAtStart) / seconds,
        StepResult.Latency.of(seen, seenCount, n, unseenFloor, 0.50),
        StepResult.Latency.of(seen, seenCount, n, unseenFloor, 0.95),
        StepResult.Latency.of(seen, seenCount, n, unseenFloor, 0.99),
        StepResult.Latency.of(acceptLatency, acceptedN, acceptedN, 0, 0.99));
  }
}
