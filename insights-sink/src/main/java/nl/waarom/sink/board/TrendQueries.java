package nl.waarom.sink.board;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import nl.waarom.sink.db.Sql;

/** Reads {@link TopReasons} from the one-minute rows of {@code reason_trends}. */
public final class TrendQueries {
  private static final String NEWEST =
      "SELECT max(window_end) AS newest FROM reason_trends WHERE window_minutes = 1";
  private static final String SUMS = "SELECT reason_id, channel, sum(count) AS total"
      + " FROM reason_trends WHERE window_minutes = 1 AND window_start >= ? AND window_start < ?"
      + " GROUP BY reason_id, channel";

  private final DataSource dataSource;

  /** @param dataSource never null */
  public TrendQueries(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Counts per reason and channel of the trend windows that start within {@code window} before
   * "now" (see {@link TopReasons} for which now).
   */
  public TopReasons topReasons(Duration window, Instant wallClock) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      Instant asOf = TopReasons.asOf(wallClock, newestWindowEnd(c));
      List<TopReasons.Cell> cells = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement(SUMS)) {
        Sql.setInstant(ps, 1, asOf.minus(window));
        Sql.setInstant(ps, 2, asOf);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            cells.add(new TopReasons.Cell(rs.getString("reason_id"), rs.getString("channel"),
                rs.getLong("total")));
          }
        }
      }
      return TopReasons.of(asOf, window, cells);
    }
  }

  /**
   * Contacts per minute of each reason (all channels) in [from, to), one value per minute, oldest
   * first, missing minutes 0: the board's sparklines.
   */
  public Map<String, long[]> perMinute(Instant from, Instant to) throws SQLException {
    int minutes = (int) Math.max(1, Duration.between(from, to).toMinutes());
    Map<String, long[]> series = new HashMap<>();
    try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "SELECT reason_id, window_start, sum(count) AS total FROM reason_trends"
            + " WHERE window_minutes = 1 AND window_start >= ? AND window_start < ?"
            + " GROUP BY reason_id, window_start")) {
      Sql.setInstant(ps, 1, from);
      Sql.setInstant(ps, 2, to);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int at = (int) Duration.between(from, Sql.getInstant(rs, "window_start")).toMinutes();
          if (at >= 0 && at < minutes) {
            series.computeIfAbsent(rs.getString("reason_id"), r -> new long[minutes])[at] =
                rs.getLong("total");
          }
        }
      }
    }
    return series;
  }

  private static Instant newestWindowEnd(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(NEWEST)) {
      return rs.next() ? Sql.getInstant(rs, "newest") : null;
    }
  }
}
