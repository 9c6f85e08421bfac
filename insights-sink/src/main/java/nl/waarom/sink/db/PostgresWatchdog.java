package nl.waarom.sink.db;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tiny shell process that stops the embedded PostgreSQL when the JVM that started it is gone.
 *
 * <p>PostgreSQL runs as its own process, so a JVM killed hard ({@code kill -9}, an out-of-memory
 * kill) runs no shutdown hook and would leave it running on the data directory. The watchdog polls
 * once a second whether the JVM and the server are alive; when the JVM is gone and the server
 * still runs and still owns the directory's {@code postmaster.pid}, it sends SIGINT (PostgreSQL's
 * fast shutdown). It exits as soon as either is gone, so a clean stop leaves nothing behind. When
 * the watchdog is killed as well (a power cut, a kill of the whole process group), the next start
 * finds the orphan instead ({@link OrphanedPostgres}). Not started on Windows (no {@code sh}).
 */
final class PostgresWatchdog {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresWatchdog.class);
  private static final String SCRIPT = """
      jvm=$1; pg=$2; pidfile=$3
      while kill -0 "$jvm" 2>/dev/null && kill -0 "$pg" 2>/dev/null; do sleep 1; done
      kill -0 "$pg" 2>/dev/null || exit 0
      [ "$(head -n 1 "$pidfile" 2>/dev/null)" = "$pg" ] || exit 0
      kill -INT "$pg"
      """;

  private PostgresWatchdog() {}

  /** Starts a watchdog for the server {@code postmasterPid} on {@code dataDirectory}; may be empty. */
  static Optional<Process> start(long postmasterPid, Path dataDirectory) {
    if (File.separatorChar == '\\') {
      return Optional.empty();
    }
    ProcessBuilder builder = new ProcessBuilder("sh", "-c", SCRIPT, "waarom-postgres-watchdog",
        Long.toString(ProcessHandle.current().pid()), Long.toString(postmasterPid),
        dataDirectory.resolve(PostmasterPid.FILE_NAME).toAbsolutePath().toString())
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    try {
      return Optional.of(builder.start());
    } catch (IOException e) {
      LOG.warn("no watchdog for PostgreSQL (pid {}): {}; if this process is killed hard, the next "
          + "start stops the server it leaves behind", postmasterPid, e.toString());
      return Optional.empty();
    }
  }
}
