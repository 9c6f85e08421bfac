package nl.waarom.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A webhook platform imitated the way the real ones behave: it POSTs contacts to the gateway one
 * at a time at a steady pace, and when the answer is not 202 (a 503, a connection error, a
 * timeout) it waits a moment and POSTs the same contact again, same {@code contactId}, until it
 * is accepted. Every {@code resendEvery}-th contact it POSTs once more after its 202, as a
 * platform does whose connection dropped before the answer reached it: the gateway then has that
 * contact twice, on purpose, and only the analyzer's deduplication keeps it from being counted
 * twice.
 *
 * <p>Runs on its own named thread; the counters are safe to read from the test thread meanwhile.
 */
final class RetryingClient implements AutoCloseable {
  /** Pause before re-sending a contact that was not accepted. */
  private static final Duration RETRY_PAUSE = Duration.ofMillis(500);
  /** The client's own patience with one request: far beyond any timeout of the gateway. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
  /** Status recorded for a request that got no HTTP answer at all. */
  static final int NO_ANSWER = 0;

  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final URI endpoint;
  private final String apiKey;
  private final List<ObjectNode> contacts;
  private final Duration pace;
  private final int resendEvery;
  private final Thread thread;
  private final AtomicInteger accepted = new AtomicInteger();
  private final AtomicInteger resent = new AtomicInteger();
  private final Map<Integer, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final AtomicLong slowestRefusalNanos = new AtomicLong();
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private volatile boolean stopping;

  private RetryingClient(URI gateway, String apiKey, List<ObjectNode> contacts, Duration pace,
      int resendEvery) {
    this.endpoint = gateway.resolve("/v1/contacts");
    this.apiKey = apiKey;
    this.contacts = List.copyOf(contacts);
    this.pace = pace;
    this.resendEvery = resendEvery;
    this.thread = new Thread(this::run, "retrying-client");
    thread.setDaemon(true);
  }

  /** Starts sending {@code contacts} in order, one every {@code pace}. */
  static RetryingClient start(URI gateway, String apiKey, List<ObjectNode> contacts,
      Duration pace, int resendEvery) {
    RetryingClient client = new RetryingClient(gateway, apiKey, contacts, pace, resendEvery);
    client.thread.start();
    return client;
  }

  private void run() {
    try {
      for (int i = 0; i < contacts.size() && !stopping; i++) {
        long next = System.nanoTime() + pace.toNanos();
        String body = contacts.get(i).toString();
        while (!stopping && post(body) != 202) {
          TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE.toMillis());
        }
        if (stopping) {
          return;
        }
        accepted.incrementAndGet();
        if ((i + 1) % resendEvery == 0 && !stopping && post(body) == 202) {
          resent.incrementAndGet();
        }
        long wait = next - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      failure.set(e);
    }
  }

  /** One POST of one contact; the status, or {@link #NO_ANSWER}. */
  private int post(String body) throws InterruptedException {
    long start = System.nanoTime();
    int status;
    try {
      status = http.send(HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
          .header("Content-Type", "application/json")
          .header("Authorization", "Bearer " + apiKey)
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      status = NO_ANSWER;
    }
    answers.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
    if (status != 202) {
      slowestRefusalNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    }
    return status;
  }

  /** Contacts accepted (202) so far, each counted once however often it was sent. */
  int accepted() {
    return accepted.get();
  }

  /** Contacts deliberately POSTed again after their 202 (and accepted again). */
  int resent() {
    return resent.get();
  }

  /** How many requests got {@code status} ({@link #NO_ANSWER}: no HTTP answer). */
  int answered(int status) {
    AtomicInteger n = answers.get(status);
    return n == null ? 0 : n.get();
  }

  /** Every status seen with its count, for the test's output. */
  Map<Integer, Integer> answers() {
    Map<Integer, Integer> copy = new TreeMap<>();
    answers.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }

  /** The longest a request waited for an answer other than 202. */
  Duration slowestRefusal() {
    return Duration.ofNanos(slowestRefusalNanos.get());
  }

  /** Whether every contact has been accepted. */
  boolean done() {
    if (failure.get() != null) {
      throw new AssertionError("the client failed", failure.get());
    }
    return !thread.isAlive() && accepted.get() == contacts.size();
  }

  /** Stops sending (a request under way finishes) and waits for the thread. */
  @Override
  public void close() throws InterruptedException {
    stopping = true;
    thread.join(REQUEST_TIMEOUT.toMillis());
  }
}
