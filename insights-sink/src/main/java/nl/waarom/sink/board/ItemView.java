package nl.waarom.sink.board;

import java.util.List;
import java.util.Objects;
import nl.waarom.sink.contacts.ReasonNames;
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
 * @param names the reasons' display names; never null
 */
public record ItemView(BacklogItem item, List<InsightRow> insights, List<BacklogEvent> history,
    long[] hourly, double[] baseline, ReasonNames names) {
  public ItemView {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(names, "names");
    insights = List.copyOf(insights);
    history = List.copyOf(history);
    if (hourly.length != baseline.length) {
      throw new IllegalArgumentException("hourly and baseline differ in length");
    }
  }

  /** A view whose reasons show as their ids. */
  public ItemView(BacklogItem item, List<InsightRow> insights, List<BacklogEvent> history,
      long[] hourly, double[] baseline) {
    this(item, insights, history, hourly, baseline, ReasonNames.ids());
  }
}
