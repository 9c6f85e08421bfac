package nl.waarom.sink.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

/**
 * A PostgreSQL session-level advisory lock ({@code pg_try_advisory_lock(key)}) held on a dedicated
 * connection of its own, outside the pool, kept open as long as the lock is held. PostgreSQL
 * releases the lock when that session ends: {@link #release()}, the process dying, or the
 * connection being lost or terminated — so another holder can only take it once this one's
 * session is gone. Advisory locks belong to the database the connection is on.
 *
 * <p>{@link #holdOrTake()} both checks and acquires: while held it asks {@code pg_locks} whether
 * this session still holds the key (a terminated or broken connection fails the query), otherwise
 * it tries to take it without waiting. A failure closes the session, so the next call starts on a
 * fresh connection. The connection has connect and socket timeouts, so a silent network loss is
 * noticed within about {@value #SOCKET_TIMEOUT_SECONDS} s instead of hanging. Thread-safe.
 */
public final class AdvisoryLock implements AutoCloseable {
  /** Longest wait for an answer on the lock's connection, in seconds. */
  static final int SOCKET_TIMEOUT_SECONDS = 10;

  private final Jdbi jdbi;
  private final long key;
  private Handle session; // null when there is no open connection
  private boolean held;

  AdvisoryLock(String jdbcUrl, String user, String password, long key, String applicationName) {
    Properties p = new Properties();
    if (!user.isBlank()) {
      p.setProperty("user", user);
    }
    if (!password.isBlank()) {
      p.setProperty("password", password);
    }
    p.setProperty("ApplicationName", applicationName);
    p.setProperty("connectTimeout", "3");
    p.setProperty("socketTimeout", Integer.toString(SOCKET_TIMEOUT_SECONDS));
    p.setProperty("tcpKeepAlive", "true");
    this.jdbi = Jdbi.create(() -> connect(jdbcUrl, p));
    this.key = key;
  }

  private static Connection connect(String jdbcUrl, Properties properties) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, properties);
  }

  /** The lock's key; fixed per job. */
  public long key() {
    return key;
  }

  /**
   * Whether this session holds the lock now: checks a held lock is still held, or tries to take
   * it without waiting.
   *
   * @throws DatabaseException when the database cannot be reached or the session was lost; the
   *     lock is then not held (PostgreSQL released it with the session) and the session is closed
   */
  public synchronized boolean holdOrTake() {
    try {
      if (session == null) {
        session = jdbi.open();
      }
      held = held ? stillHeld() : session.createQuery("SELECT pg_try_advisory_lock(:key)")
          .bind("key", key).mapTo(Boolean.class).one();
      return held;
    } catch (JdbiException e) {
      closeSession();
      RuntimeException translated = Db.translate(e);
      throw translated instanceof DatabaseException d ? d
          : new DatabaseException(new SQLException(e.getMessage(), e));
    }
  }

  /** A bigint key shows in pg_locks as classid (high 32 bits), objid (low 32 bits), objsubid 1. */
  private boolean stillHeld() {
    return session.createQuery("SELECT count(*) > 0 FROM pg_locks WHERE locktype = 'advisory'"
            + " AND pid = pg_backend_pid() AND granted AND objsubid = 1"
            + " AND classid::bigint = :high AND objid::bigint = :low")
        .bind("high", key >>> 32).bind("low", key & 0xFFFF_FFFFL)
        .mapTo(Boolean.class).one();
  }

  /** Whether the last {@link #holdOrTake()} found the lock held (no database access). */
  public synchronized boolean held() {
    return held;
  }

  /**
   * Releases the lock, then ends its session; idempotent. The next {@link #holdOrTake()}
   * reconnects. The lock is unlocked explicitly first: a closed connection's backend ends (and
   * frees the lock) only some moments after the client let go, and a standby should not have to
   * wait for that when this instance stops.
   */
  public synchronized void release() {
    if (held && session != null) {
      try {
        session.createQuery("SELECT pg_advisory_unlock(:key)").bind("key", key)
            .mapTo(Boolean.class).one();
      } catch (JdbiException e) {
        // the connection is broken: PostgreSQL ends the session (and the lock) itself
      }
    }
    closeSession();
  }

  private void closeSession() {
    held = false;
    if (session != null) {
      try {
        session.close();
      } catch (JdbiException e) {
        // the connection is already broken: PostgreSQL ends the session (and the lock) itself
      } finally {
        session = null;
      }
    }
  }

  @Override
  public void close() {
    release();
  }
}
