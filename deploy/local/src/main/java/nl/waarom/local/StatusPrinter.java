package nl.waarom.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nl.waarom.local.demo.DemoDriver;
import nl.waarom.sink.access.Access;

/**
 * Prints where the board is and a one-time sign-in link for it, then one summary line every few
 * seconds: how long the stack has run,
 * what the demo sent, and what the backlog holds (read from the sink's REST API, like any client).
 */
final class StatusPrinter implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final LocalStack stack;
  private final DemoDriver driver;
  private final PrintStream out;
  private final Instant started = Instant.now();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      r -> new Thread(r, "waarom-status"));

  StatusPrinter(LocalStack stack, DemoDriver driver, PrintStream out) {
    this.stack = stack;
    this.driver = driver;
    this.out = out;
  }

  void banner() {
    out.println();
    out.println("Waarom is running.");
    out.println("  board      " + stack.boardUri() + "/");
    out.println("  sign in    " + stack.signInLink());
    out.println("             (open once within " + Access.LINK_VALID_FOR.toMinutes()
        + " minutes to change items as " + System.getProperty("user.name", "local user")
        + "; reading needs no sign-in here)");
    out.println("  backlog    " + stack.boardUri() + "/api/backlog");
    out.println("  gateway    " + stack.gatewayUri() + "/v1/contacts   (POST contacts as JSON)");
    out.println("  api key    " + stack.keys().userFile()
        + "   (send it as Authorization: Bearer <key>)");
    out.println("  analyzer   " + stack.analyzerUri() + "/metrics");
    out.println("  kafka      " + stack.bootstrapServers());
    if (driver != null) {
      out.println("  demo       incident (broken payment link e-mail) starts at "
          + driver.incidentStartsAt().toString().substring(11, 19) + " UTC");
    }
    out.println("Press Ctrl-C to stop.");
    out.println();
    timer.scheduleAtFixedRate(this::line, 5, 5, TimeUnit.SECONDS);
  }

  void line() {
    try {
      long seconds = Duration.between(started, Instant.now()).toSeconds();
      StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "[%02d:%02d] ", seconds / 60, seconds % 60));
      if (driver != null) {
        sb.append("sent ").append(driver.sent()).append(" contacts");
        if (driver.incidentSent() > 0) {
          sb.append(" (").append(driver.incidentSent()).append(" from the incident)");
        } else {
          long until = Duration.between(Instant.now(), driver.incidentStartsAt()).toSeconds();
          sb.append(until > 0 ? " · incident in " + until + "s" : "");
        }
        if (driver.failed() > 0) {
          sb.append(" · ").append(driver.failed()).append(" not accepted");
        }
        sb.append(" · ");
      }
      sb.append(backlogSummary());
      out.println(sb);
    } catch (RuntimeException e) {
      out.println("status unavailable: " + e.getMessage());
    }
  }

  private String backlogSummary() {
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(stack.boardUri() + "/api/backlog"))
          .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 401) {
        return "backlog needs sign-in";
      }
      JsonNode items = JSON.readTree(r.body());
      if (!items.isArray() || items.isEmpty()) {
        return "backlog empty";
      }
      JsonNode top = items.get(0);
      return "backlog " + items.size() + " item(s), top: " + top.path("title").asText("?");
    } catch (java.io.IOException e) {
      return "backlog unavailable";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
