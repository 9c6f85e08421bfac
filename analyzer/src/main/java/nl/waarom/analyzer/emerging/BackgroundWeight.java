package nl.waarom.analyzer.emerging;

/**
 * An exponentially decaying weight: {@code weight} as of event time {@code at}. Immutable; the
 * JSON value of the {@code emerging-background} store (per term, plus the total and the eviction
 * floor under reserved keys).
 *
 * @param weight contacts' weight at {@code at}; not negative
 * @param at epoch millis the weight refers to
 */
public record BackgroundWeight(double weight, long at) {
  static final BackgroundWeight ZERO = new BackgroundWeight(0, 0);

  /** The weight decayed to {@code now} (not grown when {@code now} is before {@code at}). */
  double at(long now, long halfLifeMillis) {
    if (now <= at || weight == 0) {
      return weight;
    }
    return weight * Math.pow(0.5, (now - at) / (double) halfLifeMillis);
  }

  /** This weight decayed to {@code now} plus {@code add}. */
  BackgroundWeight plus(double add, long now, long halfLifeMillis) {
    return new BackgroundWeight(at(now, halfLifeMillis) + add, Math.max(now, at));
  }
}
