package nl.waarom.sink.board;

import java.util.List;
import java.util.Objects;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightRow;

/**
 * Everything an item page shows.
 *
 * @param item never null
 * @param insights the insights behind it, latest first; never null
 * @param history its changes, oldest first; never null
 * @param hourly the reason's contacts per hour over the last week, oldest first; never null
 * @param baseline the expected count per hour, same length, NaN where unknown; never null
 */
public record ItemView(BacklogItem item, List<InsightRow> insights, List<BacklogEvent> history,
    long[] hourly, double[] baseline) {
  public ItemView {
    Objects.requireNonNull(item, "item");
    insights = List.copyOf(insights);
    history = List.copyOf(history);
    if (hourly.length != baseline.length) {
      throw new IllegalArgumentException("hourly and baseline differ in length");
    }
  }
}
