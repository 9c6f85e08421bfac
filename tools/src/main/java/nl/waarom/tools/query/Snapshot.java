package nl.waarom.tools.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The records a query prints up to the end of the topic, collected so they can be printed in
 * time order. Either the topic read as a table, the latest record per key (as a compacted topic or
 * a ksqlDB table holds it), or the topic read as a log, every record. A key whose latest record
 * does not pass the filter, or is a tombstone, shows nothing, even when an earlier version did.
 * Holds the keys read and the records kept; not thread-safe.
 */
final class Snapshot<V> {
  private final boolean latestPerKey;
  private final Map<String, Row<V>> latest = new HashMap<>();
  private final List<Row<V>> log = new ArrayList<>();
  private long sequence;

  private record Row<V>(String key, long sequence, V record) {}

  private Snapshot(boolean latestPerKey) {
    this.latestPerKey = latestPerKey;
  }

  /** The latest record per key. */
  static <V> Snapshot<V> table() {
    return new Snapshot<>(true);
  }

  /** Every record. */
  static <V> Snapshot<V> log() {
    return new Snapshot<>(false);
  }

  /**
   * The next record of a key, in topic order.
   *
   * @param key never null
   * @param kept the record when it passes the filter; null when it does not or is a tombstone
   */
  void add(String key, V kept) {
    Row<V> row = new Row<>(key, sequence++, kept);
    if (latestPerKey) {
      latest.put(key, row);
    } else if (kept != null) {
      log.add(row);
    }
  }

  /** The records kept, ordered by {@code time}, then by key, then in topic order. */
  <T extends Comparable<T>> List<V> ordered(Function<V, T> time) {
    List<Row<V>> rows = new ArrayList<>(latestPerKey ? latest.values() : log);
    rows.removeIf(r -> r.record() == null);
    rows.sort(Comparator.comparing((Row<V> r) -> time.apply(r.record()))
        .thenComparing(Row::key).thenComparingLong(Row::sequence));
    return rows.stream().map(Row::record).toList();
  }
}
