package nl.waarom.analyzer.spikes;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * Seeded synthetic traffic of one reason for the spike tests: Poisson arrivals with a rate per
 * minute given by a profile, an optional day-to-day multiplier (overdispersion), and optionally
 * a share of contacts arriving 1-30 h late. Arrivals are returned in arrival order.
 */
final class SimulatedTraffic {
  static final long MINUTE = 60_000L;

  /** One contact: its event time and when it reaches the detector. */
  record Arrival(long occurredAt, long arrivesAt, int seq) { }

  private SimulatedTraffic() {}

  /**
   * Office rhythm: {@code peak} contacts a minute on weekdays 9-17 UTC, ramping from 8, a tenth
   * of it at night, weekends 40 %.
   */
  static LongToDoubleFunction office(double peak) {
    return minuteMillis -> {
      var t = Instant.ofEpochMilli(minuteMillis).atZone(ZoneOffset.UTC);
      double hour = t.getHour() + t.getMinute() / 60.0;
      double day;
      if (hour < 7 || hour >= 21) {
        day = 0.1;
      } else if (hour < 9) {
        day = 0.1 + 0.9 * (hour - 7) / 2;
      } else if (hour < 17) {
        day = 1.0;
      } else {
        day = 1.0 - 0.9 * (hour - 17) / 4;
      }
      DayOfWeek dow = t.getDayOfWeek();
      boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
      return peak * day * (weekend ? 0.4 : 1.0);
    };
  }

  /**
   * Contacts from {@code from} for {@code minutes} minutes.
   *
   * @param dayNoise each day's rate is multiplied by a uniform factor in [1 - n, 1 + n]
   * @param lateShare share of contacts that arrive 1-30 h after they occurred
   */
  static List<Arrival> generate(long from, int minutes, LongToDoubleFunction rate,
      double dayNoise, double lateShare, long seed) {
    Random random = new Random(seed);
    List<Arrival> out = new ArrayList<>();
    double dayFactor = 1;
    long day = Long.MIN_VALUE;
    int seq = 0;
    for (int i = 0; i < minutes; i++) {
      long start = from + i * MINUTE;
      if (Math.floorDiv(start, 86_400_000L) != day) {
        day = Math.floorDiv(start, 86_400_000L);
        dayFactor = 1 + dayNoise * (2 * random.nextDouble() - 1);
      }
      int n = poisson(rate.applyAsDouble(start) * dayFactor, random);
      for (int k = 0; k < n; k++) {
        long at = start + (long) (random.nextDouble() * MINUTE);
        long arrives = random.nextDouble() < lateShare
            ? at + 3_600_000L + (long) (random.nextDouble() * 29 * 3_600_000L) : at;
        out.add(new Arrival(at, arrives, seq++));
      }
    }
    out.sort(Comparator.comparingLong(Arrival::arrivesAt).thenComparingInt(Arrival::seq));
    return out;
  }

  static int poisson(double mean, Random random) {
    if (mean > 50) {
      return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
    }
    double l = Math.exp(-mean);
    double p = 1;
    int k = 0;
    do {
      k++;
      p *= random.nextDouble();
    } while (p > l);
    return k - 1;
  }
}
