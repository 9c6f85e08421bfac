package nl.waarom.sink.db;

import java.time.Instant;
import java.util.Objects;
import nl.waarom.schemas.ExplainedShare;

/**
 * The column values of one {@code explained_share} row; the key is (windowMinutes, windowStart).
 *
 * @param windowMinutes window length: 1, 15 or 60
 * @param windowStart never null
 * @param windowEnd never null
 * @param total contacts in the window
 * @param explained contacts with a reason
 * @param share explained / total
 */
public record ShareRow(int windowMinutes, Instant windowStart, Instant windowEnd, long total,
    long explained, double share) {
  public ShareRow {
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
  }

  /** Maps a decoded Avro record to its row. */
  public static ShareRow from(ExplainedShare share) {
    return new ShareRow(share.getWindowMinutes(), share.getWindowStart(), share.getWindowEnd(),
        share.getTotal(), share.getExplained(), share.getShare());
  }
}
