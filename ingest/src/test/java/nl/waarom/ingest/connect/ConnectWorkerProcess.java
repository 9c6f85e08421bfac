package nl.waarom.ingest.connect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A {@link ConnectWorkerMain} in a child JVM (same Java, same class path as the test), its output
 * in a log file. {@link #kill} is SIGKILL: the worker gets no chance to commit offsets or stop
 * its tasks, as when a machine or container dies.
 */
public final class ConnectWorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path log;

  private ConnectWorkerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts a worker with one connector and waits until it accepted the connector.
   *
   * @param log file that receives the child's standard output and error
   */
  public static ConnectWorkerProcess start(String bootstrapServers, Path offsetFile,
      String connectorName, Map<String, String> connectorConfig, Path log) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"),
        ConnectWorkerMain.class.getName(), bootstrapServers, offsetFile.toString(), connectorName));
    new TreeMap<>(connectorConfig).forEach((k, v) -> command.add(k + "=" + v));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      ConnectWorkerProcess worker = new ConnectWorkerProcess(p, log);
      Awaitility.await("worker started, log " + log).atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> {
            if (!p.isAlive()) {
              throw new IllegalStateException("worker exited with " + p.exitValue() + ":\n"
                  + worker.tail());
            }
            return Files.readString(log, StandardCharsets.UTF_8)
                .contains(ConnectWorkerMain.READY);
          });
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a worker process", e);
    }
  }

  /** Kills the worker with SIGKILL and waits until it is gone. */
  public void kill() {
    process.destroyForcibly();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("worker " + process.pid() + " survived SIGKILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while killing the worker", e);
    }
  }

  /** The last lines of the worker's log, for failure messages. */
  public String tail() {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  /** Kills the worker if it still runs, so a failing test leaves no process behind. */
  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }
}
