package nl.waarom.ingest.replay;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Spaces events evenly at a fixed rate. The schedule is absolute (event {@code i} is due at
 * {@code start + i / rate}), so time lost to slow sends is caught up rather than accumulated.
 * A rate of 0 means no pacing. Not thread-safe.
 */
final class Pacer {
  private final double ratePerSecond;
  private final LongSupplier nanoClock;
  private final LongConsumer parker;
  private long startNanos;
  private long events;

  /** @param ratePerSecond events per second; 0 for as fast as possible */
  Pacer(double ratePerSecond) {
    this(ratePerSecond, System::nanoTime, Pacer::park);
  }

  /** For tests: a fake clock and a fake wait. */
  Pacer(double ratePerSecond, LongSupplier nanoClock, LongConsumer parker) {
    if (ratePerSecond < 0 || Double.isNaN(ratePerSecond) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be a finite number >= 0: " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.nanoClock = nanoClock;
    this.parker = parker;
  }

  /** Waits until the next event is due; the first event is due at once. */
  void awaitNext() {
    if (ratePerSecond == 0) {
      return;
    }
    if (events == 0) {
      startNanos = nanoClock.getAsLong();
    }
    long due = startNanos + (long) (events * 1_000_000_000d / ratePerSecond);
    events++;
    long wait = due - nanoClock.getAsLong();
    if (wait > 0) {
      parker.accept(wait);
    }
  }

  private static void park(long nanos) {
    long deadline = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = deadline - System.nanoTime()) {
      LockSupport.parkNanos(left);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
