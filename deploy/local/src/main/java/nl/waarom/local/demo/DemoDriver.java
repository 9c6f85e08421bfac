package nl.waarom.local.demo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the demo scenario through the real HTTP gateway once a second, like a chat platform's,
 * telephony system's and mail connector's webhooks would: normal traffic from the start, and the
 * incident's surge between {@code incidentAfter} and {@code incidentAfter + incidentDuration}.
 */
public final class DemoDriver implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoDriver.class);
  private static final Duration TICK = Duration.ofSeconds(1);

  /** Demo parameters. */
  public record Plan(double ratePerSecond, Duration incidentAfter, Duration incidentDuration,
      double incidentRatePerSecond, long seed) {}

  private final URI endpoint;
  private final String apiKey;
  private final Plan plan;
  private final DemoScenario scenario;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      r -> new Thread(r, "waarom-demo-driver"));
  private final Clock clock;
  private final Instant startedAt;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong incidentSent = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /** @param apiKey the gateway's API key for the demo generator; never null */
  public DemoDriver(URI gateway, String apiKey, Plan plan, Clock clock) {
    this.endpoint = gateway.resolve("/v1/contacts");
    this.apiKey = apiKey;
    this.plan = plan;
    this.scenario = new DemoScenario(plan.seed());
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  public DemoDriver start() {
    timer.scheduleAtFixedRate(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
    return this;
  }

  public Instant incidentStartsAt() {
    return startedAt.plus(plan.incidentAfter());
  }

  public boolean incidentActive(Instant now) {
    Instant start = incidentStartsAt();
    return !now.isBefore(start) && now.isBefore(start.plus(plan.incidentDuration()));
  }

  public long sent() {
    return sent.get();
  }

  public long incidentSent() {
    return incidentSent.get();
  }

  public long failed() {
    return failed.get();
  }

  private void tick() {
    try {
      Instant now = clock.instant();
      List<ObjectNode> batch = new ArrayList<>();
      for (int i = scenario.arrivals(plan.ratePerSecond(), TICK); i > 0; i--) {
        batch.add(scenario.normalContact(now));
      }
      int incident = incidentActive(now) ? scenario.arrivals(plan.incidentRatePerSecond(), TICK) : 0;
      for (int i = 0; i < incident; i++) {
        batch.add(scenario.incidentContact(now));
      }
      if (!batch.isEmpty()) {
        post(batch, incident);
      }
    } catch (RuntimeException e) {
      LOG.warn("demo tick failed: {}", e.toString());
    }
  }

  private void post(List<ObjectNode> batch, int incident) {
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + apiKey)
        .POST(HttpRequest.BodyPublishers.ofString(DemoScenario.batch(batch).toString()))
        .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 202) {
        sent.addAndGet(batch.size());
        incidentSent.addAndGet(incident);
      } else {
        failed.addAndGet(batch.size());
        LOG.warn("gateway answered {}: {}", response.statusCode(), response.body());
      }
    } catch (java.io.IOException e) {
      failed.addAndGet(batch.size());
      LOG.warn("gateway unreachable: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
