package nl.waarom.sink.verify;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Did a reason's volume really fall after a change? Compares the reason's daily share of all
 * contacts after the change with the same weekdays in the weeks before:
 * <ol>
 *   <li>Share, not count, so a quiet week for everyone is not mistaken for a fix (normalised for
 *       total volume).</li>
 *   <li>Per weekday: each after-day is compared with the mean share of the same weekday before
 *       (normalised for the weekly rhythm: Mondays with Mondays).</li>
 *   <li>The day-to-day spread of the before-days around their weekday means is the noise; the
 *       mean deviation of the after-days is tested against it with a t statistic
 *       ({@code t = mean(d) / (s · sqrt(1/nAfter + 1/nBefore))}, degrees of freedom
 *       {@code nBefore − weekdays}), one-sided, because the question is whether it fell.</li>
 *   <li>Effective when the relative change is at most {@code −minDrop} and {@code p < alpha}.</li>
 * </ol>
 * Using the observed day-to-day spread rather than a binomial variance keeps ordinary
 * overdispersed noise from looking significant. Stateless.
 */
public final class ImpactStatistics {
  private ImpactStatistics() {}

  /**
   * @param before days before the change (at least 2 more than weekdays present)
   * @param after days after the change (at least 1, weekdays that occur before)
   * @throws IllegalArgumentException when there is too little data to judge
   */
  public static ImpactResult compare(List<DayShare> before, List<DayShare> after, double alpha,
      double minDrop) {
    Map<DayOfWeek, double[]> sums = new EnumMap<>(DayOfWeek.class); // sum, n
    for (DayShare d : before) {
      double[] s = sums.computeIfAbsent(d.day().getDayOfWeek(), k -> new double[2]);
      s[0] += d.share();
      s[1]++;
    }
    double rss = 0;
    double beforeMean = 0;
    for (DayShare d : before) {
      double[] s = sums.get(d.day().getDayOfWeek());
      double r = d.share() - s[0] / s[1];
      rss += r * r;
      beforeMean += d.share();
    }
    int df = before.size() - sums.size();
    List<DayShare> comparable = after.stream()
        .filter(d -> sums.containsKey(d.day().getDayOfWeek())).toList();
    if (df < 2 || comparable.isEmpty()) {
      throw new IllegalArgumentException("too little data: " + before.size() + " days before ("
          + sums.size() + " weekdays), " + comparable.size() + " comparable days after");
    }
    beforeMean /= before.size();
    double sd = Math.sqrt(rss / df);
    double expected = 0;
    double observed = 0;
    for (DayShare d : comparable) {
      double[] s = sums.get(d.day().getDayOfWeek());
      expected += s[0] / s[1];
      observed += d.share();
    }
    expected /= comparable.size();
    observed /= comparable.size();
    double change = expected == 0 ? 0 : observed / expected - 1;
    double se = sd * Math.sqrt(1.0 / comparable.size() + 1.0 / before.size());
    double t = se == 0 ? (observed < expected ? Double.NEGATIVE_INFINITY
        : observed > expected ? Double.POSITIVE_INFINITY : 0) : (observed - expected) / se;
    double p = Double.isInfinite(t) ? (t < 0 ? 0 : 1) : studentTCdf(t, df);
    boolean effective = change <= -minDrop && p < alpha;
    return new ImpactResult(before.size(), comparable.size(), beforeMean, expected, observed,
        change, t, p, effective);
  }

  /** P(T ≤ t) for Student's t distribution with {@code df} degrees of freedom. */
  static double studentTCdf(double t, double df) {
    double x = df / (df + t * t);
    double tail = 0.5 * regularizedIncompleteBeta(x, df / 2, 0.5);
    return t >= 0 ? 1 - tail : tail;
  }

  /** I_x(a, b) by Lentz's continued fraction (Numerical Recipes, betacf). */
  static double regularizedIncompleteBeta(double x, double a, double b) {
    if (x <= 0) {
      return 0;
    }
    if (x >= 1) {
      return 1;
    }
    double lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x)
        + b * Math.log(1 - x);
    if (x < (a + 1) / (a + b + 2)) {
      return Math.exp(lnFront) * betaFraction(x, a, b) / a;
    }
    return 1 - Math.exp(lnFront) * betaFraction(1 - x, b, a) / b;
  }

  private static double betaFraction(double x, double a, double b) {
    final double tiny = 1e-300;
    double c = 1;
    double d = 1 - (a + b) * x / (a + 1);
    d = Math.abs(d) < tiny ? tiny : d;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 300; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
      d = 1 + aa * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + aa / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < 1e-14) {
        break;
      }
    }
    return h;
  }

  /** Lanczos approximation of ln Γ(x), x > 0. */
  static double logGamma(double x) {
    double[] g = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};
    if (x < 0.5) {
      return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
    }
    x -= 1;
    double a = 0.99999999999980993;
    double t = x + 7.5;
    for (int i = 0; i < g.length; i++) {
      a += g[i] / (x + i + 1);
    }
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
  }
}
