package nl.waarom.sink.db;

import java.sql.SQLException;

/**
 * The database is unavailable or refused a statement. Thrown by every data-access class of this
 * package instead of {@link SQLException}, so callers need no JDBC types; the cause is the driver's
 * {@link SQLException} and the message is its message.
 */
public final class DatabaseException extends RuntimeException {
  DatabaseException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** The driver's exception, for reports that name its class; never null. */
  public Exception databaseError() {
    return (Exception) getCause();
  }

  /**
   * Whether PostgreSQL refused the data itself (SQLSTATE class 22, 23 or 54, e.g. a timestamp out
   * of range or an id too long to index) rather than the connection failing; looks through causes
   * and JDBC's chained "next" exceptions of batches.
   */
  public boolean refusedData() {
    return refusedData(getCause());
  }

  /** {@link #refusedData()} of any exception and its causes. */
  public static boolean refusedData(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      for (SQLException sql = t instanceof SQLException s ? s : null; sql != null;
          sql = sql.getNextException()) {
        if (isDataState(sql.getSQLState())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean isDataState(String state) {
    return state != null
        && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"));
  }
}
