package nl.waarom.analyzer.trends;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Tumbling windows of one size in a persistent key-value store, keyed
 * {@code t|<windowStart, 16 digits>|<key>} so that the store is ordered by time: expired windows
 * are one range at the front, and the windows of a time span are one range.
 *
 * <p>Why not a Kafka Streams window store: its RocksDB segments span half the retention (at least
 * a minute), so a short-lived store (minute windows kept minutes) opens and drops a RocksDB
 * instance every few minutes of stream time, some thousands when a week of traffic is replayed in
 * minutes. One RocksDB instance per table, pruned here by one range scan a minute, avoids that.
 *
 * <p>Retention: a window whose start is more than {@code retention} before stream time counts as
 * gone ({@link #retained}) and is deleted at the next {@link #prune} (at most once a minute of
 * stream time), so a table holds at most retention plus a minute of windows. Window starts must
 * not be negative. Not thread-safe: one instance per task, like the store it wraps.
 */
final class WindowTable<V> {
  private static final String PREFIX = "t|";
  private static final String ZEROS = "0000000000000000";
  private static final long PRUNE_EVERY = 60_000L;
  private final KeyValueStore<String, V> store;
  private final long retention;
  private long prunedAt = Long.MIN_VALUE;
  /** Everything before this start was deleted by this instance; MIN_VALUE before the first prune. */
  private long prunedBelow = Long.MIN_VALUE;

  WindowTable(KeyValueStore<String, V> store, Duration retention) {
    this.store = store;
    this.retention = retention.toMillis();
  }

  /** One stored window. */
  record Entry<V>(String key, long start, V value) {}

  private static String time(long start) {
    String digits = Long.toString(start);
    return PREFIX + ZEROS.substring(Math.min(digits.length(), ZEROS.length())) + digits;
  }

  private static String storeKey(String key, long start) {
    return time(start) + "|" + key;
  }

  /** The window of {@code key} starting at {@code start}; null when there is none. */
  V get(String key, long start) {
    return store.get(storeKey(key, start));
  }

  void put(String key, long start, V value) {
    store.put(storeKey(key, start), value);
  }

  /** Whether a window starting at {@code start} is still kept at stream time {@code now}. */
  boolean retained(long start, long now) {
    return start >= now - retention;
  }

  /** Every window of every key with a start in [from, to], in time order. */
  List<Entry<V>> between(long from, long to) {
    List<Entry<V>> entries = new ArrayList<>();
    if (from > to) {
      return entries;
    }
    try (KeyValueIterator<String, V> it = store.range(time(from), time(to) + "|\uffff")) {
      while (it.hasNext()) {
        KeyValue<String, V> next = it.next();
        int bar = PREFIX.length() + ZEROS.length();
        entries.add(new Entry<>(next.key.substring(bar + 1),
            Long.parseLong(next.key.substring(PREFIX.length(), bar)), next.value));
      }
    }
    return entries;
  }

  /** Deletes the windows no longer retained at {@code now}; does nothing within a minute of the last time. */
  void prune(long now) {
    if (prunedAt != Long.MIN_VALUE && now - prunedAt < PRUNE_EVERY) {
      return;
    }
    prunedAt = now;
    long cutoff = now - retention;
    // Start after what was deleted last time: deleted keys stay in RocksDB as tombstones until
    // compaction, and scanning them again on every prune would grow with the history. No window
    // before the last cutoff can come back (arrivals that old are past their grace).
    String from = prunedBelow == Long.MIN_VALUE ? PREFIX : time(prunedBelow);
    prunedBelow = Math.max(prunedBelow, cutoff);
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.range(from, time(cutoff))) {
      while (it.hasNext()) {
        expired.add(it.next().key);
      }
    }
    expired.forEach(store::delete);
  }
}
