package nl.waarom.analyzer.emerging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The rolling background of unexplained contacts in the {@code emerging-background} store: per
 * term the decayed weight of the contacts that had it, plus the decayed total under
 * {@link #TOTAL}. Weights halve every {@link EmergingOptions#halfLifeMillis()}.
 *
 * <p>Memory bound: at most {@code vocabularyCap} terms. When adding a term would exceed the cap,
 * the rarest terms (lowest decayed weight) are evicted until 90 % of the cap is left, and the
 * highest weight evicted becomes the floor under {@link #FLOOR} (decaying too): no term is
 * assumed rarer than that floor (below it the store no longer knows), so eviction can only make
 * a term look less new, never more. With terms of at most 48 characters that is at most about
 * cap × 100 bytes of store (5 MB at the default 50,000), and as much again for the in-memory
 * write-through copy of the entries read. Not thread-safe: used by one stream task.
 */
final class BackgroundStore implements CandidateFinder.Background {
  /** Reserved key of the total weight (terms never start with a control character). */
  static final String TOTAL = "\u0000total";
  /** Reserved key of the eviction floor. */
  static final String FLOOR = "\u0000floor";

  private final KeyValueStore<String, BackgroundWeight> store;
  /** Write-through copy of what was read or written, so JSON is not parsed over and over. */
  private final Map<String, BackgroundWeight> cache = new HashMap<>();
  private final int cap;
  private final long halfLife;
  private long now;
  private int vocabulary;

  BackgroundStore(KeyValueStore<String, BackgroundWeight> store, EmergingOptions options) {
    this.store = store;
    this.cap = options.vocabularyCap();
    this.halfLife = options.halfLifeMillis();
  }

  /** Sets the clock (stream time) and the term count kept in the progress record. */
  void at(long time, int terms) {
    this.now = time;
    this.vocabulary = terms;
  }

  int vocabulary() {
    return vocabulary;
  }

  @Override
  public double weight(String term) {
    BackgroundWeight w = read(term);
    double floor = get(FLOOR);
    return w == null ? floor : Math.max(w.at(now, halfLife), floor);
  }

  @Override
  public double total() {
    return get(TOTAL);
  }

  private double get(String key) {
    BackgroundWeight w = read(key);
    return w == null ? 0 : w.at(now, halfLife);
  }

  private BackgroundWeight read(String key) {
    BackgroundWeight w = cache.get(key);
    if (w == null) {
      w = store.get(key);
      if (w != null) {
        cache.put(key, w);
      }
    }
    return w;
  }

  private void write(String key, BackgroundWeight w) {
    store.put(key, w);
    cache.put(key, w);
  }

  /** Adds a contact that occurred at {@code occurredAt}, decayed to now. */
  void add(RecentContact contact) {
    double weight = Math.pow(0.5, Math.max(0, now - contact.occurredAt()) / (double) halfLife);
    write(TOTAL, weightOf(TOTAL).plus(weight, now, halfLife));
    for (String term : contact.terms()) {
      BackgroundWeight old = read(term);
      if (old == null) {
        if (vocabulary >= cap) {
          evict();
        }
        vocabulary++;
      }
      write(term, (old == null ? BackgroundWeight.ZERO : old).plus(weight, now, halfLife));
    }
  }

  private BackgroundWeight weightOf(String key) {
    BackgroundWeight w = read(key);
    return w == null ? BackgroundWeight.ZERO : w;
  }

  /** Evicts the rarest terms down to 90 % of the cap and raises the floor. */
  void evict() {
    List<KeyValue<String, Double>> terms = new ArrayList<>();
    try (KeyValueIterator<String, BackgroundWeight> all = store.all()) {
      while (all.hasNext()) {
        KeyValue<String, BackgroundWeight> kv = all.next();
        if (!kv.key.startsWith("\u0000")) {
          terms.add(KeyValue.pair(kv.key, kv.value.at(now, halfLife)));
        }
      }
    }
    terms.sort(Comparator.comparingDouble((KeyValue<String, Double> kv) -> kv.value)
        .thenComparing(kv -> kv.key));
    int keep = (int) (cap * 0.9);
    double floor = get(FLOOR);
    int evicted = 0;
    for (int i = 0; i < terms.size() - keep; i++) {
      store.delete(terms.get(i).key);
      cache.remove(terms.get(i).key);
      floor = Math.max(floor, terms.get(i).value);
      evicted++;
    }
    write(FLOOR, new BackgroundWeight(floor, now));
    vocabulary = terms.size() - evicted;
  }
}
