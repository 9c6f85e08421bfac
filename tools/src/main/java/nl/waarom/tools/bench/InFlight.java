package nl.waarom.tools.bench;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;

/**
 * At most {@code limit} requests in flight; the rest wait in arrival order and go out as answers
 * come back. An open-loop load must not open a connection per waiting request: when the system
 * under test stalls, thousands of HTTP/1.1 connections would exhaust the process's file
 * descriptors (the broker in the same process fails first). Waiting here still counts from the
 * request's due time, so the limit hides nothing.
 */
final class InFlight {
  private final Semaphore permits;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

  InFlight(int limit) {
    this.permits = new Semaphore(limit);
  }

  /** Starts {@code send} now if a slot is free, else when one is; it must call {@link #done()}. */
  void submit(Runnable send) {
    waiting.add(send);
    drain();
  }

  /** A request has been answered (or failed): its slot goes to the next waiting one. */
  void done() {
    permits.release();
    drain();
  }

  /** Requests waiting for a slot. */
  int waiting() {
    return waiting.size();
  }

  /** Forgets the waiting requests (a step ended; they were never sent). */
  void clear() {
    waiting.clear();
  }

  private void drain() {
    while (!waiting.isEmpty() && permits.tryAcquire()) {
      Runnable next = waiting.poll();
      if (next == null) {
        permits.release();
        return;
      }
      next.run();
    }
  }
}
