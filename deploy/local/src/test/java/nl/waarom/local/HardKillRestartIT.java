package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waarom run} killed hard in the middle of a stream (SIGKILL to the JVM and to the
 * PostgreSQL watchdog it started, as a power cut does: no hook runs, PostgreSQL is left running
 * on the data folder) starts again with the same command on the same folder, stops the orphaned
 * PostgreSQL, and every contact the gateway accepted is counted exactly once in the sink's
 * PostgreSQL.
 */
class HardKillRestartIT {
  private static final Duration START = Duration.ofSeconds(90);
  /** A short disorder tolerance: the analyzer holds each contact this long before counting it. */
  private static final Map<String, String> FAST = Map.of("WAAROM_ANALYZER_DISORDER_TOLERANCE", "5s");
  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void aStackKilledMidStreamRestartsAndCountsEveryAcceptedContactOnce() throws Exception {
    StackProcess.Ports ports = StackProcess.Ports.free();
    int accepted = 0;
    try (StackProcess first = StackProcess.start(dataDir, ports, logs.resolve("first.log"),
        FAST)) {
      first.awaitReady(START);
      for (int batch = 0; batch < 10; batch++) {
        accepted += first.post("first-" + batch, 20);
      }
      ProcessHandle firstPostgres = first.postgres().orElseThrow();
      // The analyzer holds these contacts for its disorder tolerance: killed before any is counted.
      first.killWithWatchdog();
      assertThat(firstPostgres.isAlive()).as("PostgreSQL orphaned by the kill").isTrue();

      try (StackProcess second = StackProcess.start(dataDir, ports, logs.resolve("second.log"),
          FAST)) {
        second.awaitReady(START);
        assertThat(firstPostgres.isAlive()).as("the orphan was stopped").isFalse();
        assertThat(second.log()).contains("orphaned PostgreSQL (pid " + firstPostgres.pid() + ")");
        for (int batch = 0; batch < 5; batch++) {
          accepted += second.post("second-" + batch, 20);
        }
        assertThat(accepted).isEqualTo(300);
        long expected = accepted;
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
            .until(() -> second.countedContacts() >= expected);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
            .until(() -> second.countedContacts() == expected);
        ProcessHandle secondPostgres = second.postgres().orElseThrow();

        assertThat(second.stop(Duration.ofSeconds(60))).as(second.log()).isIn(0, 130, 143);
        assertThat(secondPostgres.onExit()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(firstPostgres.isAlive()).isFalse();
        // the same user key across the restart (posts were accepted), and never in the output
        assertThat(second.log()).contains(StackKeys.USER_KEY_FILE)
            .doesNotContain(second.userKey());
      }
    }
  }
}
