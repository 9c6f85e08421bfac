package nl.waarom.sink.board;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * "Top reasons now": contacts per reason and channel in the trailing window ending at
 * {@link #asOf()}, reasons sorted by total (highest first, then by id), with the share of each
 * reason's contacts that were negative ({@link ReasonCounts#negativeShare()}).
 *
 * <p><b>Which "now".</b> The window ends at the wall clock, unless the newest trend window in the
 * table ends earlier: then it ends there. Live data therefore shows the last hour as it happens,
 * while replayed historical data (or a pipeline that stopped) still shows its latest hour instead
 * of an empty table. The board prints the {@code asOf} it used.
 *
 * @param asOf end of the window; never null
 * @param from start of the window (inclusive, compared with trend window starts); never null
 * @param minutes window length in minutes
 * @param reasons never null, sorted by total descending
 * @param total contacts of every reason, including {@value #UNEXPLAINED}
 * @param explained contacts of every reason except {@value #UNEXPLAINED}
 */
public record TopReasons(Instant asOf, Instant from, long minutes, List<ReasonCounts> reasons,
    long total, long explained) {
  /** The reason id the analyzer uses for contacts no reason explains. */
  public static final String UNEXPLAINED = "unexplained";

  public TopReasons {
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(from, "from");
    reasons = List.copyOf(reasons);
  }

  /**
   * Counts of one reason.
   *
   * @param reasonId never null
   * @param total contacts on all channels
   * @param channels never null; contacts per channel symbol (CHAT, CALL, EMAIL, OTHER), sorted
   * @param sentimentCount contacts on all channels that have a sentiment (their customer said
   *     something)
   * @param negativeCount of those, the negative contacts
   */
  public record ReasonCounts(String reasonId, long total, Map<String, Long> channels,
      long sentimentCount, long negativeCount) {
    public ReasonCounts {
      Objects.requireNonNull(reasonId, "reasonId");
      channels = Collections.unmodifiableMap(new TreeMap<>(channels));
    }

    /** Without sentiment counts. */
    public ReasonCounts(String reasonId, long total, Map<String, Long> channels) {
      this(reasonId, total, channels, 0, 0);
    }

    /** Share of the contacts with a sentiment that are negative, 0..1; null when none has one. */
    public Double negativeShare() {
      return sentimentCount == 0 ? null : (double) negativeCount / sentimentCount;
    }

    /** Contacts on one channel; 0 when none. */
    public long on(String channel) {
      return channels.getOrDefault(channel, 0L);
    }
  }

  /**
   * One aggregated cell from the trends table.
   *
   * @param reasonId never null
   * @param channel never null
   * @param count contacts
   * @param sentimentCount contacts with a sentiment
   * @param negativeCount of those, the negative contacts
   */
  public record Cell(String reasonId, String channel, long count, long sentimentCount,
      long negativeCount) {
    /** Without sentiment counts. */
    public Cell(String reasonId, String channel, long count) {
      this(reasonId, channel, count, 0, 0);
    }
  }

  /** The window end: wall clock, or the newest window end when that is earlier (may be null). */
  public static Instant asOf(Instant wallClock, Instant newestWindowEnd) {
    if (newestWindowEnd != null && newestWindowEnd.isBefore(wallClock)) {
      return newestWindowEnd;
    }
    return wallClock;
  }

  /** Builds the view from per reason × channel sums. */
  public static TopReasons of(Instant asOf, Duration window, List<Cell> cells) {
    Map<String, Map<String, Long>> byReason = new LinkedHashMap<>();
    Map<String, long[]> sentiment = new LinkedHashMap<>();
    long total = 0;
    long explained = 0;
    for (Cell cell : cells) {
      byReason.computeIfAbsent(cell.reasonId(), r -> new TreeMap<>())
          .merge(cell.channel(), cell.count(), Long::sum);
      long[] counts = sentiment.computeIfAbsent(cell.reasonId(), r -> new long[2]);
      counts[0] += cell.sentimentCount();
      counts[1] += cell.negativeCount();
      total += cell.count();
      if (!UNEXPLAINED.equals(cell.reasonId())) {
        explained += cell.count();
      }
    }
    List<ReasonCounts> reasons = new ArrayList<>();
    byReason.forEach((reason, channels) -> reasons.add(new ReasonCounts(reason,
        channels.values().stream().mapToLong(Long::longValue).sum(), channels,
        sentiment.get(reason)[0], sentiment.get(reason)[1])));
    reasons.sort(Comparator.comparingLong(ReasonCounts::total).reversed()
        .thenComparing(ReasonCounts::reasonId));
    return new TopReasons(asOf, asOf.minus(window), window.toMinutes(), reasons, total, explained);
  }

  /** Share of contacts with a reason, 0..1; null when there were no contacts. */
  public Double explainedShare() {
    return total == 0 ? null : (double) explained / total;
  }
}
