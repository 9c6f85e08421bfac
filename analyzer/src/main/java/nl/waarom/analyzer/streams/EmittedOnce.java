package nl.waarom.analyzer.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongBiFunction;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The insights a detector has emitted, remembered in a changelogged store so that each is emitted
 * once, also after a restart, a rebalance or a replay of its input; and forgotten after a
 * retention, so the store stays small.
 *
 * <p>An entry is an insight id and a value the detector chooses (when it fired, or what it was
 * about, if later decisions need that). The retention counts from a time the detector derives
 * from the entry ({@code since}); {@link #prune} forgets every entry whose time lies more than the
 * retention before {@code now}. The detector decides when to prune (a punctuation, or a step it
 * takes anyway), and chooses a retention longer than the time in which the same insight could
 * fire again: after that, its id is no longer known.
 *
 * <p>Keys that start with {@value #MARK} are not insight ids but the detector's own marks (such
 * as when it started watching), kept here so they share the store's changelog; they are never
 * pruned and never listed. Not thread-safe: one instance per processor, like its store.
 */
public final class EmittedOnce<V> {
  /** The first character of a mark's key; insight ids never start with it. */
  public static final String MARK = "#";

  private final KeyValueStore<String, V> store;
  private final long retention;
  private final ToLongBiFunction<String, ? super V> since;

  /**
   * @param store the detector's emitted store; never null
   * @param retention how long an entry is kept, counted from {@code since}; not negative
   * @param since the epoch millis an entry's retention counts from, given its id and value
   */
  public EmittedOnce(KeyValueStore<String, V> store, Duration retention,
      ToLongBiFunction<String, ? super V> since) {
    if (retention.isNegative()) {
      throw new IllegalArgumentException("negative retention " + retention);
    }
    this.store = Objects.requireNonNull(store);
    this.retention = retention.toMillis();
    this.since = Objects.requireNonNull(since);
  }

  /** Whether the insight {@code id} was emitted (and not yet pruned). */
  public boolean contains(String id) {
    return store.get(insightId(id)) != null;
  }

  /** Remembers that the insight {@code id} is emitted now, with {@code value}; never null. */
  public void remember(String id, V value) {
    store.put(insightId(id), Objects.requireNonNull(value));
  }

  /** The values of the remembered insights, in the store's key order. */
  public List<V> values() {
    List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> next = all.next();
        if (!next.key.startsWith(MARK)) {
          values.add(next.value);
        }
      }
    }
    return values;
  }

  /** Forgets every insight whose time ({@code since}) is before {@code now} − retention. */
  public void prune(long now) {
    long oldest = now - retention;
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, V> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, V> next = all.next();
        if (!next.key.startsWith(MARK) && since.applyAsLong(next.key, next.value) < oldest) {
          expired.add(next.key);
        }
      }
    }
    expired.forEach(store::delete);
  }

  /** The mark under {@code key} (which starts with {@value #MARK}); null when not set. */
  public V mark(String key) {
    return store.get(markKey(key));
  }

  /** Sets the mark under {@code key} (which starts with {@value #MARK}); never pruned. */
  public void mark(String key, V value) {
    store.put(markKey(key), Objects.requireNonNull(value));
  }

  private static String insightId(String id) {
    if (id.startsWith(MARK)) {
      throw new IllegalArgumentException("an insight id cannot start with " + MARK + ": " + id);
    }
    return id;
  }

  private static String markKey(String key) {
    if (!key.startsWith(MARK)) {
      throw new IllegalArgumentException("a mark's key starts with " + MARK + ": " + key);
    }
    return key;
  }
}
