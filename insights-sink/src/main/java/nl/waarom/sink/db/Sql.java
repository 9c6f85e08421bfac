package nl.waarom.sink.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/** Small JDBC helpers for the column types the sink uses (timestamptz, text[], nullable numbers). */
public final class Sql {
  private Sql() {}

  /** Binds an instant to a timestamptz parameter; null binds SQL NULL. */
  public static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      ps.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
    }
  }

  /** Reads a timestamptz column; null when the column is NULL. */
  public static Instant getInstant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Reads a timestamptz column by position; null when the column is NULL. */
  public static Instant getInstant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  /** Binds a list of strings to a text[] parameter; never binds NULL (an empty list is '{}'). */
  public static void setTextArray(Connection c, PreparedStatement ps, int index, List<String> values)
      throws SQLException {
    Array array = c.createArrayOf("text", values.toArray(String[]::new));
    ps.setArray(index, array);
  }

  /** Reads a text[] column; never null (NULL reads as an empty list). */
  public static List<String> getTextArray(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }

  /** Binds a nullable double. */
  public static void setDouble(PreparedStatement ps, int index, Double value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }

  /** Reads a nullable double precision column. */
  public static Double getDouble(ResultSet rs, String column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
