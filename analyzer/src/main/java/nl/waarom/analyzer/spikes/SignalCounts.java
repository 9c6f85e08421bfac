package nl.waarom.analyzer.spikes;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Bounded, optionally time-decayed counts of signal keys (see {@link Signals}) over a set of
 * contacts: the background a spike is compared with, or the spike's own contacts.
 *
 * <p>At most {@code capacity} keys are kept, by the Space-Saving rule: a new key that finds the
 * table full replaces the key with the smallest count and inherits that count, so a kept count
 * never underestimates and {@link #unseenBound()} bounds the count of any key not kept. Counts
 * decay exponentially with event time ({@code halfLifeMillis}; 0 turns decay off): a contact at
 * time t adds weight {@code 2^((t - ref) / halfLife)} relative to the reference time; shares are
 * ratios of equally scaled numbers, so no decay pass is ever needed except to keep the numbers in
 * range. Mutable, not thread-safe: one instance per reason, used by one stream thread; stored as
 * JSON.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public final class SignalCounts {
  private int capacity;
  private long halfLifeMillis;
  private long ref = Long.MIN_VALUE;
  private double total;
  private Map<String, Double> counts = new HashMap<>();

  /** For JSON. */
  SignalCounts() {}

  public SignalCounts(int capacity, long halfLifeMillis) {
    if (capacity < 1 || halfLifeMillis < 0) {
      throw new IllegalArgumentException("capacity " + capacity + ", half-life " + halfLifeMillis);
    }
    this.capacity = capacity;
    this.halfLifeMillis = halfLifeMillis;
  }

  /** Adds one contact at event time {@code atMillis} with these distinct keys. */
  public void add(Collection<String> keys, long atMillis) {
    double weight = weight(atMillis);
    total += weight;
    for (String key : keys) {
      put(key, weight);
    }
  }

  /** Adds all of {@code other} (undecayed counts, e.g. an episode) as if seen at {@code atMillis}. */
  public void addAll(SignalCounts other, long atMillis) {
    double weight = weight(atMillis);
    total += other.total * weight;
    other.counts.forEach((key, count) -> put(key, count * weight));
  }

  private double weight(long atMillis) {
    if (halfLifeMillis == 0) {
      return 1.0;
    }
    if (ref == Long.MIN_VALUE) {
      ref = atMillis;
    }
    double exponent = (double) (atMillis - ref) / halfLifeMillis;
    if (exponent > 30) { // rescale before the numbers grow out of range
      double scale = Math.pow(2, -exponent);
      total *= scale;
      counts.replaceAll((k, v) -> v * scale);
      ref = atMillis;
      exponent = 0;
    }
    return Math.pow(2, exponent);
  }

  private void put(String key, double weight) {
    Double known = counts.get(key);
    if (known != null) {
      counts.put(key, known + weight);
      return;
    }
    double inherited = 0;
    if (counts.size() >= capacity) {
      Map.Entry<String, Double> min = null;
      for (Map.Entry<String, Double> e : counts.entrySet()) {
        if (min == null || e.getValue() < min.getValue()) {
          min = e;
        }
      }
      counts.remove(min.getKey());
      inherited = min.getValue();
    }
    counts.put(key, inherited + weight);
  }

  /**
   * The weight a contact at {@code atMillis} would get: divide a count or the total by it to
   * have it in contacts (decayed to that moment). 1 without decay or before the first contact.
   */
  public double weightAt(long atMillis) {
    if (halfLifeMillis == 0 || ref == Long.MIN_VALUE) {
      return 1.0;
    }
    return Math.pow(2, (double) (atMillis - ref) / halfLifeMillis);
  }

  /** Weighted number of contacts added; 0 when none. */
  public double total() {
    return total;
  }

  /** Weighted count of contacts with this key; {@link #unseenBound()} when not kept. */
  public double count(String key) {
    Double known = counts.get(key);
    return known != null ? known : unseenBound();
  }

  /** Upper bound of the count of a key that is not kept: 0 until the table was full. */
  public double unseenBound() {
    if (counts.size() < capacity) {
      return 0;
    }
    return counts.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
  }

  /** The kept keys and their counts; do not modify. */
  public Map<String, Double> counts() {
    return counts;
  }
}
