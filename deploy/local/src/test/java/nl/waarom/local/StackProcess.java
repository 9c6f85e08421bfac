package nl.waarom.local;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import nl.waarom.sink.db.PostmasterPid;

/**
 * {@code waarom run} in a child JVM (the test's own classpath and java), on given ports and a
 * given data folder, with its output in a log file: what a user runs, so that it can be killed
 * hard ({@link #kill()}) the way an out-of-memory kill or a power cut would.
 */
final class StackProcess implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  /** The ports of one stack; the same for every run on one data folder. */
  record Ports(int kafka, int controller, int gateway, int analyzer, int sink, int postgres) {
    static Ports free() {
      return new Ports(freePort(), freePort(), freePort(), freePort(), freePort(), freePort());
    }
  }

  private final Process process;
  private final Ports ports;
  private final Path dataDir;
  private final Path log;

  private StackProcess(Process process, Ports ports, Path dataDir, Path log) {
    this.process = process;
    this.ports = ports;
    this.dataDir = dataDir;
    this.log = log;
  }

  /** Starts {@code waarom run} with {@code extraEnv} on top of the ports and folder. */
  static StackProcess start(Path dataDir, Ports ports, Path log, Map<String, String> extraEnv) {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx768m",
        "-cp", System.getProperty("java.class.path"), WaaromCli.class.getName(), "run")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("WAAROM_DATA_DIR", dataDir.toString());
    env.put("WAAROM_KAFKA_PORT", Integer.toString(ports.kafka()));
    env.put("WAAROM_KAFKA_CONTROLLER_PORT", Integer.toString(ports.controller()));
    env.put("WAAROM_GATEWAY_PORT", Integer.toString(ports.gateway()));
    env.put("WAAROM_ANALYZER_PORT", Integer.toString(ports.analyzer()));
    env.put("WAAROM_SINK_PORT", Integer.toString(ports.sink()));
    env.put("WAAROM_PG_PORT", Integer.toString(ports.postgres()));
    env.putAll(extraEnv);
    try {
      return new StackProcess(builder.start(), ports, dataDir, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Process process() {
    return process;
  }

  /** Waits until gateway, analyzer and sink all answer /ready with 200. */
  StackProcess awaitReady(Duration timeout) {
    await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
      if (!process.isAlive()) {
        throw new AssertionError("the stack exited with " + process.exitValue() + ":\n" + log());
      }
      return ready(ports.gateway()) && ready(ports.analyzer()) && ready(ports.sink());
    });
    return this;
  }

  /** Status of the sink's {@code /ready}; 0 when it does not answer. */
  int sinkReady() {
    return status(ports.sink(), "/ready");
  }

  private static boolean ready(int port) {
    return status(port, "/ready") == 200;
  }

  /** Status of {@code path} on the local port; 0 when it does not answer. */
  static int status(int port, String path) {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /**
   * POSTs {@code count} new contacts (distinct contactIds, each sent once) in one batch and returns
   * how many the gateway accepted: all of them (202) or none.
   */
  int post(String idPrefix, int count) throws IOException, InterruptedException {
    ArrayNode body = JSON.createArrayNode();
    Instant now = Instant.now();
    for (int i = 0; i < count; i++) {
      body.add(contact(idPrefix + "-" + i, now, i % 2 == 0
          ? "Mijn betaling is mislukt maar het geld is wel afgeschreven."
          : "Where is my parcel? It was supposed to arrive yesterday."));
    }
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + ports.gateway() + "/v1/contacts"))
        .timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json")
        .header("Authorization", "Bearer " + userKey())
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() / 100 == 2 ? count : 0;
  }

  /** The user's API key that {@code waarom run} keeps in its data folder ({@link StackKeys}). */
  String userKey() throws IOException {
    return Files.readString(dataDir.resolve(StackKeys.USER_KEY_FILE), StandardCharsets.UTF_8)
        .strip();
  }

  /** A chat contact in the gateway's JSON shape, one customer turn. */
  static ObjectNode contact(String id, Instant at, String text) {
    ObjectNode c = JSON.createObjectNode();
    c.put("contactId", id);
    c.put("channel", "CHAT");
    c.put("occurredAt", at.toString());
    c.put("customerId", "customer-" + id);
    c.putArray("turns").addObject().put("speaker", "CUSTOMER").put("text", text);
    return c;
  }

  /** Contacts counted in the sink's PostgreSQL: the totals of the 1-minute explained-share windows. */
  long countedContacts() {
    try (Connection db = DriverManager.getConnection(
            "jdbc:postgresql://localhost:" + ports.postgres() + "/waarom", "postgres", "");
        ResultSet rs = db.createStatement().executeQuery(
            "SELECT coalesce(sum(total), 0) FROM explained_share WHERE window_minutes = 1")) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      return -1;
    }
  }

  /** The PostgreSQL server the data folder's postmaster.pid names now, if it is alive. */
  Optional<ProcessHandle> postgres() {
    return PostmasterPid.read(dataDir.resolve("postgres")).flatMap(PostmasterPid::livePostgres);
  }

  /**
   * SIGKILL to the JVM and to every process it started that is still its descendant (the
   * PostgreSQL watchdog; PostgreSQL itself runs detached): like a power cut or a kill of the
   * whole process group, no hook and no watchdog runs.
   */
  void killWithWatchdog() throws InterruptedException {
    List<ProcessHandle> children = new ArrayList<>(process.descendants().toList());
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGKILL to the JVM only, as an out-of-memory kill does. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM (as Ctrl-C or a service manager would) and waits for the exit; the exit code. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("the stack did not stop within " + timeout + ":\n" + log());
    }
    return process.exitValue();
  }

  /** Everything the process printed. */
  String log() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /**
   * Leaves nothing running: kills the JVM if needed, then any PostgreSQL still on the folder; the
   * child's output goes to the test's output (failsafe keeps it in {@code *-output.txt}).
   */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
    System.out.println("---- output of " + log.getFileName() + " ----\n" + log());
    postgres().ifPresent(pg -> {
      pg.destroy();
      pg.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    });
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
