package nl.waarom.sink.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The sink's database: a HikariCP pool on either an external PostgreSQL ({@code jdbcUrl} given) or
 * an {@link EmbeddedPostgresServer}, with the Flyway migrations of {@code db/migration} applied at
 * open. {@link #close()} closes the pool, then stops the embedded server.
 */
public final class Database implements AutoCloseable {
  private final HikariDataSource pool;
  private final EmbeddedPostgresServer embedded;
  private final String jdbcUrl;
  private final Options options;

  private Database(HikariDataSource pool, EmbeddedPostgresServer embedded, String jdbcUrl,
      Options options) {
    this.pool = pool;
    this.embedded = embedded;
    this.jdbcUrl = jdbcUrl;
    this.options = options;
  }

  /**
   * Where to find or start the database.
   *
   * @param jdbcUrl external server, or blank to start an embedded one; never null
   * @param user user for the external server, may be blank
   * @param password password for the external server, may be blank
   * @param embeddedDataDir data directory of the embedded server; never null
   * @param embeddedPort port of the embedded server, 0 for a free one
   * @param poolSize maximum pool size, at least 1
   */
  public record Options(String jdbcUrl, String user, String password, Path embeddedDataDir,
      int embeddedPort, int poolSize) {}

  /** Starts or connects to the database and migrates it; fails when it is unreachable now. */
  public static Database open(Options options) {
    EmbeddedPostgresServer embedded = null;
    String url = options.jdbcUrl();
    if (url.isBlank()) {
      embedded = EmbeddedPostgresServer.start(options.embeddedDataDir(), options.embeddedPort());
      url = embedded.jdbcUrl();
    }
    try {
      HikariDataSource pool = new HikariDataSource(poolConfig(options, url));
      try {
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
      } catch (RuntimeException e) {
        pool.close();
        throw e;
      }
      return new Database(pool, embedded, url, options);
    } catch (RuntimeException e) {
      if (embedded != null) {
        embedded.close();
      }
      throw e;
    }
  }

  private static HikariConfig poolConfig(Options options, String url) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("waarom-sink-db");
    config.setJdbcUrl(url);
    if (!options.user().isBlank()) {
      config.setUsername(options.user());
    }
    if (!options.password().isBlank()) {
      config.setPassword(options.password());
    }
    config.setMaximumPoolSize(options.poolSize());
    config.setMinimumIdle(1);
    // Short timeouts: a down database must turn /ready false quickly and let the consumer retry.
    config.setConnectionTimeout(3_000);
    config.setValidationTimeout(1_000);
    return config;
  }

  /** The pooled data source; never null. */
  public DataSource dataSource() {
    return pool;
  }

  /** JDBC URL in use (for the embedded server it includes the user); never null. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * An advisory lock on this database with its own connection (not one of the pool's), opened on
   * first use.
   *
   * @param key the lock's fixed key
   * @param applicationName shown in {@code pg_stat_activity}; never null
   */
  public AdvisoryLock advisoryLock(long key, String applicationName) {
    return new AdvisoryLock(jdbcUrl, options.user(), options.password(), key, applicationName);
  }

  /**
   * Whether a connection can be obtained and answers within a second; false at once while the
   * embedded server's process is down or being restarted.
   */
  public boolean isReachable() {
    if (pool.isClosed() || (embedded != null && !embedded.isRunning())) {
      return false;
    }
    try (Connection c = pool.getConnection()) {
      return c.isValid(1);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }

  /** Closes the pool, then stops the embedded server if there is one; idempotent. */
  @Override
  public void close() {
    pool.close();
    if (embedded != null) {
      embedded.close();
    }
  }
}
