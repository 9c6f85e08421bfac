package nl.waarom.sink.db;

import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The Jdbi of one data source, set up for the sink's column types: an {@link Instant} binds as a
 * {@code timestamptz} in UTC and reads back from one, a {@code List<String>} binds as a
 * {@code text[]}. {@link #read} runs statements on a pooled connection in auto-commit,
 * {@link #inTransaction} in one transaction that is rolled back when the work throws. Either turns
 * a database failure into a {@link DatabaseException}; other exceptions of the work pass unchanged.
 * Thread-safe.
 */
final class Db {
  private final Jdbi jdbi;

  Db(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
    jdbi.registerArgument(new AbstractArgumentFactory<Instant>(Types.TIMESTAMP_WITH_TIMEZONE) {
      @Override
      protected Argument build(Instant value, ConfigRegistry config) {
        return (position, statement, ctx) ->
            statement.setObject(position, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
      }
    });
    jdbi.registerColumnMapper(Instant.class, (rs, column, ctx) -> Sql.getInstant(rs, column));
    jdbi.registerArrayType(String.class, "text");
  }

  /** Runs statements outside a transaction (each commits on its own). */
  <T> T read(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.withHandle(work);
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  /** Runs statements in one transaction: all are committed, or none when anything throws. */
  <T> T inTransaction(HandleCallback<T, RuntimeException> work) {
    try {
      return jdbi.inTransaction(work);
    } catch (JdbiException e) {
      throw translate(e);
    }
  }

  /** Work for {@link #inTransaction} that returns nothing. */
  interface Work {
    void run(Handle handle);
  }

  void useTransaction(Work work) {
    inTransaction(h -> {
      work.run(h);
      return null;
    });
  }

  static RuntimeException translate(JdbiException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return new DatabaseException(sql);
      }
    }
    return e; // not about the database: a mapping or binding mistake
  }
}
