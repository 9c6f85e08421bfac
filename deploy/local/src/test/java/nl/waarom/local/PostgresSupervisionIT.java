package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded stack's PostgreSQL killed hard (SIGKILL to the postmaster) while contacts flow: the
 * sink reports not ready, the supervisor restarts PostgreSQL on the same folder and port within
 * seconds, the sink recovers by itself and every accepted contact is counted exactly once. Then
 * the JVM alone is killed (as an out-of-memory kill does): its watchdog stops PostgreSQL.
 */
class PostgresSupervisionIT {
  /** A short disorder tolerance: the analyzer holds each contact this long before counting it. */
  private static final Map<String, String> FAST = Map.of("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void aKilledPostgresIsRestartedAndTheSinkCatchesUp() throws Exception {
    StackProcess.Ports ports = StackProcess.Ports.free();
    try (StackProcess stack = StackProcess.start(dataDir, ports, logs.resolve("run.log"),
        FAST)) {
      stack.awaitReady(Duration.ofSeconds(90));
      // held by the analyzer for its disorder tolerance: the sink writes them around the restart
      int accepted = stack.post("before", 50);

      ProcessHandle killed = stack.postgres().orElseThrow();
      killed.destroyForcibly();
      assertThat(killed.onExit()).succeedsWithin(Duration.ofSeconds(5));
      // observed at once: the supervisor notices within a second and restarts within a few, and
      // a busy moment spent posting could miss that window
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
          .until(() -> stack.sinkReady() == 503);
      accepted += stack.post("while-down", 50);

      await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
          .until(() -> stack.sinkReady() == 200);
      ProcessHandle restarted = stack.postgres().orElseThrow();
      assertThat(restarted.pid()).isNotEqualTo(killed.pid());
      assertThat(stack.log()).contains("restarting it on port " + ports.postgres());
      accepted += stack.post("after", 50);
      long expected = accepted;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
          .until(() -> stack.countedContacts() >= expected);
      await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
          .until(() -> stack.countedContacts() == expected);
      assertThat(expected).isEqualTo(150);

      stack.kill();
      assertThat(restarted.onExit()).as("the watchdog stops PostgreSQL when the JVM is gone")
          .succeedsWithin(Duration.ofSeconds(10));
    }
  }
}
