package nl.waarom.sink.consume;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Exponential back-off between retries (250 ms doubling up to a maximum). The wait ends early when
 * the owner stops, so closing never waits for a back-off to run out. Not thread-safe: one thread
 * calls {@link #pause()} and {@link #reset()}; any thread may call {@link #stop()}.
 */
final class Backoff {
  private static final Duration FIRST = Duration.ofMillis(250);

  private final Duration max;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Duration next = FIRST;

  /** @param max longest wait; never null */
  Backoff(Duration max) {
    this.max = max.compareTo(FIRST) < 0 ? FIRST : max;
  }

  /** Waits the current delay (or until stopped), then doubles it; returns false once stopped. */
  boolean pause() {
    try {
      boolean stop = stopped.await(next.toMillis(), TimeUnit.MILLISECONDS);
      Duration doubled = next.multipliedBy(2);
      next = doubled.compareTo(max) > 0 ? max : doubled;
      return !stop;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The next wait; for logs. */
  Duration current() {
    return next;
  }

  void reset() {
    next = FIRST;
  }

  void stop() {
    stopped.countDown();
  }
}
