package nl.waarom.sink.backlog;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import nl.waarom.sink.db.ValueAtStake;

/**
 * How the backlog is ranked: by value at stake =
 * {@code cost × preventability weight × (1 + repeat rate)}. The cost is the insight's estimate:
 * for a spike what its episode cost (excess contacts × mean handle time × cost per minute), for a
 * structural insight (emerging reason, repeat hotspot) its weekly cost (weekly volume × mean
 * handle time × cost per minute); when the handle time is unknown, the excess contacts or the
 * weekly volume × {@code defaultHandleMinutes} × cost per minute (1 when unknown). A spike that
 * is over costs once what a structural reason costs every week, so a week is the horizon of both:
 * a structural reason outranks a spike of the same weekly cost, and a big spike outranks a small
 * reason.
 * Preventing a contact is worth more than moving it to self-service, which is worth more than
 * automating it, which is worth more than assisting the agent: the weights say how much.
 *
 * @param weights weight per preventability class (PREVENT, SELF_SERVICE, AUTOMATE, ASSIST,
 *     UNKNOWN); every class present, each ≥ 0
 * @param defaultHandleMinutes handle time assumed when an insight has none; ≥ 0
 */
public record Ranking(Map<Preventability, Double> weights, double defaultHandleMinutes) {
  /** The preventability classes of the taxonomy, as stored in {@code backlog_items}. */
  public enum Preventability { PREVENT, SELF_SERVICE, AUTOMATE, ASSIST, UNKNOWN }

  /** The default weights as the setting spells them. */
  public static final String DEFAULT_WEIGHTS =
      "prevent=1.0,self-service=0.8,automate=0.6,assist=0.4,unknown=0.5";

  public Ranking {
    weights = Map.copyOf(weights);
    for (Preventability p : Preventability.values()) {
      Double w = weights.get(p);
      if (w == null || w < 0 || w.isNaN()) {
        throw new IllegalArgumentException("weight of " + p + " missing or negative");
      }
    }
    if (defaultHandleMinutes < 0) {
      throw new IllegalArgumentException("default handle minutes must not be negative");
    }
  }

  /** Default weights and a 6-minute default handle time. */
  public static Ranking defaults() {
    return new Ranking(parseWeights(DEFAULT_WEIGHTS), 6.0);
  }

  /**
   * Parses {@code prevent=1.0,self-service=0.8,...}; classes not named keep their default weight.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static Map<Preventability, Double> parseWeights(String text) {
    Map<Preventability, Double> weights = new EnumMap<>(Preventability.class);
    if (!text.equals(DEFAULT_WEIGHTS)) {
      weights.putAll(parseWeights(DEFAULT_WEIGHTS));
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] kv = part.split("=", 2);
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected class=weight, got '" + part.strip() + "'");
      }
      String name = kv[0].strip().toUpperCase(Locale.ROOT).replace('-', '_');
      Preventability p;
      try {
        p = Preventability.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown preventability class '" + kv[0].strip()
            + "' (prevent, self-service, automate, assist, unknown)");
      }
      double w;
      try {
        w = Double.parseDouble(kv[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("weight of " + kv[0].strip() + " is not a number: '"
            + kv[1].strip() + "'");
      }
      if (w < 0 || Double.isNaN(w) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight of " + kv[0].strip() + " must be ≥ 0");
      }
      weights.put(p, w);
    }
    return weights;
  }

  /** The weight of a stored preventability value (null or unknown text → UNKNOWN). */
  public double weight(String preventability) {
    if (preventability != null) {
      for (Preventability p : Preventability.values()) {
        if (p.name().equals(preventability)) {
          return weights.get(p);
        }
      }
    }
    return weights.get(Preventability.UNKNOWN);
  }

  /** Value at stake of one structural item (the same formula as {@link #order()}). */
  public double valueAtStake(Double estimatedCost, Double weeklyVolume, Double costPerMinute,
      String preventability, Double repeatRate) {
    return valueAtStake(estimatedCost, null, weeklyVolume, costPerMinute, preventability,
        repeatRate);
  }

  /**
   * Value at stake of one item (the same formula as {@link #order()}): its cost (a spike's
   * episode cost, a structural insight's weekly cost; when unknown, its excess contacts or else
   * its weekly volume × {@code defaultHandleMinutes} × cost per minute) × preventability weight
   * × (1 + repeat rate).
   */
  public double valueAtStake(Double estimatedCost, Double excessContacts, Double weeklyVolume,
      Double costPerMinute, String preventability, Double repeatRate) {
    Double contacts = excessContacts != null ? excessContacts : weeklyVolume;
    double cost = estimatedCost != null ? estimatedCost
        : (contacts == null ? 0 : contacts) * defaultHandleMinutes
            * (costPerMinute == null ? 1.0 : costPerMinute);
    return cost * weight(preventability) * (1 + (repeatRate == null ? 0 : repeatRate));
  }

  /** The value at stake as the database orders by it (the same formula as {@link #valueAtStake}). */
  public ValueAtStake order() {
    return new ValueAtStake(weights.get(Preventability.PREVENT),
        weights.get(Preventability.SELF_SERVICE), weights.get(Preventability.AUTOMATE),
        weights.get(Preventability.ASSIST), weights.get(Preventability.UNKNOWN),
        defaultHandleMinutes);
  }
}
