package nl.waarom.analyzer.trends;

import java.util.Map;
import java.util.TreeMap;

/**
 * The value of the gauge {@link #METRIC}: the explained share of the latest 15-minute window that
 * has ended in event time (the newest stream time any task offered); NaN until there is one. A
 * late contact can still change that window within its grace, and the gauge follows. Kept in
 * memory only: after a restart it is NaN until the next 15-minute update. Thread-safe: the
 * explained-share processors of all stream threads offer to one instance.
 */
public final class ExplainedShareGauge {
  /** Gauge name; Prometheus shows {@code waarom_analyzer_explained_share}. */
  public static final String METRIC = "waarom.analyzer.explained.share";
  static final int WINDOW_MINUTES = 15;
  private static final long SIZE = WINDOW_MINUTES * 60_000L;
  private final TreeMap<Long, Double> recent = new TreeMap<>();
  private long now = Long.MIN_VALUE;

  /** Records the share of the 15-minute window starting at {@code windowStart}, seen at {@code streamTime}. */
  public synchronized void offer(long windowStart, double share, long streamTime) {
    now = Math.max(now, streamTime);
    recent.put(windowStart, share);
    Map.Entry<Long, Double> complete = latestComplete();
    if (complete != null) {
      recent.headMap(complete.getKey(), false).clear();
    }
  }

  /** The share of the latest ended 15-minute window; NaN when none is known. */
  public synchronized double value() {
    Map.Entry<Long, Double> complete = latestComplete();
    return complete == null ? Double.NaN : complete.getValue();
  }

  private Map.Entry<Long, Double> latestComplete() {
    return now == Long.MIN_VALUE ? null : recent.floorEntry(now - SIZE);
  }
}
