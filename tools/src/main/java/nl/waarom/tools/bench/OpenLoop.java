package nl.waarom.tools.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;

/**
 * An open-loop schedule: request {@code i} is due at {@code start + i / rate}, whatever happened
 * to the requests before it. The sender only hands each request over (the caller sends
 * asynchronously); when it falls behind (a slow hand-over, a descheduled thread) it sends the
 * overdue requests at once with their original due times, so the latency measured from the due
 * time includes the stall instead of hiding it (no coordinated omission).
 */
final class OpenLoop {
  /** The clock the loop waits on; a test substitutes one it controls. */
  interface Clock {
    long nanoTime();

    /** Returns no earlier than {@code nanos} on this clock. */
    void sleepUntil(long nanos) throws InterruptedException;
  }

  /** What the loop does with a due request: hand it over without waiting for its answer. */
  interface Sender {
    void send(long index, long dueNanos);
  }

  static final Clock SYSTEM = new Clock() {
    @Override
    public long nanoTime() {
      return System.nanoTime();
    }

    @Override
    public void sleepUntil(long nanos) throws InterruptedException {
      for (long left = nanos - System.nanoTime(); left > 0; left = nanos - System.nanoTime()) {
        LockSupport.parkNanos(left);
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
      }
    }
  };

  private final double rate;
  private final long startNanos;

  /**
   * @param rate requests a second; positive
   * @param startNanos the due time of request 0, on the loop's clock
   */
  OpenLoop(double rate, long startNanos) {
    if (!(rate > 0)) {
      throw new IllegalArgumentException("rate must be positive: " + rate);
    }
    this.rate = rate;
    this.startNanos = startNanos;
  }

  /** When request {@code index} is due: start + index / rate, never shifted by a stall. */
  long dueNanos(long index) {
    return startNanos + (long) Math.floor(index * 1e9 / rate);
  }

  /** How many requests are due in the first {@code nanos} after the start. */
  long countIn(long nanos) {
    return (long) Math.ceil(nanos * rate / 1e9);
  }

  /**
   * Hands requests 0, 1, 2, … to {@code sender} at their due times until {@code stop} answers
   * true for the next due time; returns how many were sent.
   */
  long run(Clock clock, LongPredicate stop, Sender sender) throws InterruptedException {
    long index = 0;
    for (long due = dueNanos(0); !stop.test(due); due = dueNanos(++index)) {
      if (clock.nanoTime() < due) {
        clock.sleepUntil(due);
      }
      sender.send(index, due);
    }
    return index;
  }
}
