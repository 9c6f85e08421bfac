package nl.waarom.tools.bench;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import nl.waarom.analyzer.classify.RuleParser;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Topics;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code waarom bench pipeline}: the whole running pipeline, end to end, under an open-loop load.
 * For each rate step it POSTs single contacts ({@link PipelineTraffic}) to the gateway at fixed
 * due times ({@link OpenLoop}, asynchronously, so a slow answer delays nothing after it), and a
 * read_committed consumer of {@code contacts.classified} notes when each contact's classified
 * record becomes visible. Latency runs from the due time to that poll (one JVM clock), so a
 * stall anywhere — sender, gateway, broker, analyzer, commit — counts. A step is a warm-up at its
 * rate, the measured window, then the same load kept on until every measured contact was seen or
 * the drain time passed ({@link StepBook}). Prints a row per step and, through
 * {@link Report#line()}, {@code result: max_sustained_per_s=… p99_ms_at_500=… p99_ms_at_1000=…}.
 * The stack is the caller's: the command line starts the embedded one.
 */
public final class PipelineBench {
  private static final int VARIANTS = 4_000;
  /** Requests in flight at most; the gateway's HTTP threads are 200. */
  private static final int IN_FLIGHT = 128;

  private PipelineBench() {}

  /**
   * What to measure.
   *
   * @param rates contacts a second of each step, in the order run; 1 to 100,000 each
   * @param step measured length of each step
   * @param warmup load at the step's rate before its measured window
   * @param drain the longest to wait, load still on, for a step's contacts to be classified
   * @param seed generator seed
   */
  public record Options(List<Integer> rates, Duration step, Duration warmup, Duration drain,
      long seed) {
    public Options {
      rates = List.copyOf(rates);
      if (rates.isEmpty() || rates.stream().anyMatch(r -> r < 1 || r > 100_000)) {
        throw new IllegalArgumentException("rates must be 1 to 100000 a second: " + rates);
      }
      if (step.toMillis() < 1_000 || warmup.isNegative() || drain.toMillis() < 1_000) {
        throw new IllegalArgumentException("step and drain must be at least 1s, warm-up not "
            + "negative: step=" + step + " warmup=" + warmup + " drain=" + drain);
      }
    }

    /** 250, 500, 1000, 1500 and 2000 contacts/s; 60 s steps after 10 s warm-up; 30 s drain. */
    public static Options defaults() {
      return new Options(List.of(250, 500, 1000, 1500, 2000), Duration.ofSeconds(60),
          Duration.ofSeconds(10), Duration.ofSeconds(30), 42);
    }
  }

  /** What a run measured, step by step. */
  public record Report(List<StepResult> steps) {
    public Report {
      steps = List.copyOf(steps);
    }

    /** {@code result: max_sustained_per_s=… p99_ms_at_500=… p99_ms_at_1000=…}. */
    public String line() {
      return StepResult.line(steps);
    }
  }

  /**
   * Runs every step against the gateway at {@code gateway} and the broker at
   * {@code bootstrapServers} (reached with {@code clients}, the client properties passed through),
   * printing a row per step and a summary, but not the result line.
   *
   * @param apiKey the gateway's API key for the benchmark; its rate limit must be above the
   *     highest step's rate (the embedded stack gives the benchmark an unlimited one)
   */
  public static Report measure(Options options, URI gateway, String apiKey,
      String bootstrapServers, KafkaClientProperties clients, Topics topics, PrintStream out)
      throws InterruptedException {
    PipelineTraffic traffic = PipelineTraffic.generate(
        TaxonomyLoader.loadDefault(RuleParser.check()), VARIANTS, options.seed());
    out.printf(Locale.ROOT, "load: single contacts over HTTP, open loop; %s; Dutch and English; "
            + "%,d bytes a request on average; steps of %d s after %d s warm-up, drain up to "
            + "%d s%n", traffic.mix(), traffic.averageBytes(), options.step().toSeconds(),
        options.warmup().toSeconds(), options.drain().toSeconds());
    out.println("latency: from each request's due time to its classified record being visible "
        + "to a read_committed consumer");
    URI endpoint = gateway.resolve("/v1/contacts");
    List<StepResult> results = new ArrayList<>();
    AtomicReferenceArray<StepBook> books = new AtomicReferenceArray<>(options.rates().size());
    AtomicLong seen = new AtomicLong();
    AtomicBoolean done = new AtomicBoolean();
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrapServers, clients, topics);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build()) {
      Thread watcher = new Thread(() -> watch(consumer, books, seen, done),
          "waarom-bench-classified");
      watcher.start();
      try {
        out.println(StepResult.header());
        for (int s = 0; s < options.rates().size(); s++) {
          StepResult result = step(s, options, traffic, http, endpoint, apiKey, books, seen);
          results.add(result);
          out.println(result.row());
        }
      } finally {
        done.set(true);
        watcher.join();
      }
    }
    out.println("sustained: every request accepted, every contact classified within the step, "
        + "p99 under 1 s; highest sustained rate: "
        + StepResult.maxSustained(results).stream().mapToObj(r -> r + "/s").findFirst()
            .orElse("none"));
    return new Report(results);
  }

  private static StepResult step(int s, Options options, PipelineTraffic traffic, HttpClient http,
      URI endpoint, String apiKey, AtomicReferenceArray<StepBook> books, AtomicLong seen)
      throws InterruptedException {
    int rate = options.rates().get(s);
    long startNanos = System.nanoTime() + 50_000_000L;
    Instant startWall = Instant.now().plusMillis(50);
    OpenLoop loop = new OpenLoop(rate, startNanos);
    long first = loop.countIn(options.warmup().toNanos());
    StepBook book = new StepBook(rate, first,
        (int) Math.max(1, loop.countIn(options.step().toNanos())));
    books.set(s, book);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicReference<String> firstError = new AtomicReference<>();
    InFlight inFlight = new InFlight(IN_FLIGHT);
    OpenLoop.Sender sender = (index, due) -> {
      book.sending(index, due, System.nanoTime(), seen.get());
      inFlight.submit(() -> {
        String id = "pb" + s + "-" + index;
        Instant at = startWall.plusNanos(due - startNanos).truncatedTo(ChronoUnit.MILLIS);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + apiKey)
            .POST(HttpRequest.BodyPublishers.ofString(traffic.body(id, at, index))).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, e) -> {
          if (e == null && r.statusCode() == 202) {
            book.accepted(index, System.nanoTime());
          } else {
            book.failed(index);
            firstError.compareAndSet(null, e != null ? e.toString()
                : r.statusCode() + " " + r.body());
          }
          inFlight.done();
        });
      });
    };
    Thread thread = new Thread(() -> {
      try {
        loop.run(OpenLoop.SYSTEM, due -> stop.get(), sender);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "waarom-bench-sender");
    thread.start();
    try {
      long giveUp = System.nanoTime() + options.warmup().toNanos() + options.step().toNanos()
          + options.drain().toNanos() + 60_000_000_000L;
      while (!book.windowClosed() && System.nanoTime() < giveUp) {
        Thread.sleep(100);
      }
      long deadline = System.nanoTime() + options.drain().toNanos();
      while (!book.complete() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      long end = System.nanoTime();
      stop.set(true);
      thread.join();
      if (inFlight.waiting() > 0) {
        System.err.printf(Locale.ROOT, "%,d requests of the %d/s step still waited for one of the "
            + "%d connections when it ended; they count as failed%n", inFlight.waiting(), rate,
            IN_FLIGHT);
        inFlight.clear();
      }
      if (firstError.get() != null) {
        System.err.println("first failed request at " + rate + "/s: " + firstError.get());
      }
      return book.result(end);
    } finally {
      stop.set(true);
      thread.join();
    }
  }

  /** Notes when each benchmark contact's classified record is seen; counts every contact once. */
  private static void watch(KafkaConsumer<String, byte[]> consumer,
      AtomicReferenceArray<StepBook> books, AtomicLong seen, AtomicBoolean done) {
    while (!done.get()) {
      var records = consumer.poll(Duration.ofMillis(100));
      long now = System.nanoTime();
      for (ConsumerRecord<String, byte[]> r : records) {
        boolean first = true;
        String key = r.key();
        int dash = key == null ? -1 : key.indexOf('-');
        if (dash > 2 && key.startsWith("pb")) {
          try {
            StepBook book = books.get(Integer.parseInt(key, 2, dash, 10));
            if (book != null) {
              first = book.classified(Long.parseLong(key, dash + 1, key.length(), 10), now);
            }
          } catch (NumberFormatException | IndexOutOfBoundsException e) {
            // not one of ours
          }
        }
        if (first) {
          seen.incrementAndGet();
        }
      }
    }
  }

  /** A read_committed consumer of every partition of the classified topic, at its end. */
  private static KafkaConsumer<String, byte[]> consumer(String bootstrap,
      KafkaClientProperties clients, Topics topics) throws InterruptedException {
    Map<String, Object> p = new HashMap<>();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.CLIENT_ID_CONFIG, "waarom-bench-pipeline");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
    KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(clients.consumer(p),
        new StringDeserializer(),
        new ByteArrayDeserializer());
    List<TopicPartition> partitions = new ArrayList<>();
    long until = System.currentTimeMillis() + 60_000;
    while (partitions.isEmpty() && System.currentTimeMillis() < until) {
      consumer.partitionsFor(topics.classified.name()).forEach(info ->
          partitions.add(new TopicPartition(info.topic(), info.partition())));
      if (partitions.isEmpty()) {
        Thread.sleep(200);
      }
    }
    if (partitions.isEmpty()) {
      consumer.close();
      throw new IllegalStateException("topic " + topics.classified.name() + " does not exist");
    }
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position);
    return consumer;
  }
}
