package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stack that cannot start exits non-zero with a message that says why, within a bounded time,
 * after stopping what had started (here: everything but the gateway, whose port is taken).
 */
class FailedStartIT {
  private static final Duration BOUND = Duration.ofSeconds(75);
  @TempDir Path dataDir;
  @TempDir Path logs;

  @Test
  void aTakenGatewayPortEndsTheRunWithAClearMessage() throws Exception {
    StackProcess.Ports ports = StackProcess.Ports.free();
    try (ServerSocket taken = new ServerSocket(ports.gateway());
        StackProcess run = StackProcess.start(dataDir, ports, logs.resolve("run.log"), Map.of())) {
      boolean exited = run.process().waitFor(BOUND.toSeconds(), TimeUnit.SECONDS);

      assertThat(exited).as("exited within %s:%n%s", BOUND, run.log()).isTrue();
      assertThat(run.process().exitValue()).as(run.log()).isEqualTo(1);
      assertThat(run.log()).contains("run: the gateway did not start")
          .contains(Integer.toString(ports.gateway()));
      assertThat(run.postgres()).as("the stack's PostgreSQL was stopped").isEmpty();
    }
  }
}
