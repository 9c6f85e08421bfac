package nl.waarom.analyzer.spikes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;

/**
 * Explains a spike: the signals (terms, channel, queue, IVR path, attributes) over-represented in
 * the spike's contacts compared with the reason's background.
 *
 * <p>Score: the signed binomial log-likelihood ratio (G²) of seeing {@code a} of the spike's
 * {@code n} contacts with the signal when its background share is {@code p}:
 * {@code G² = 2 [a ln(a / np) + (n - a) ln((n - a) / (n (1 - p)))]}. Unlike a z-score it does not
 * let a term seen in three contacts and never before outrank a queue that nine of ten spike
 * contacts share. The background share is smoothed, {@code p = (b + 0.5) / (B + 1)}, with b the
 * (decayed) background count, or the Space-Saving bound when the background did not keep the
 * signal. Only signals with at least {@link #MIN_COUNT} spike contacts, a share above p and a
 * G² of at least {@link #MIN_SCORE} take part; at most {@link #MAX_SIGNALS}, strongest first (ties by value). Stateless.
 */
public final class SpikeExplainer {
  /** A signal needs at least this many of the spike's contacts. */
  public static final int MIN_COUNT = 3;
  /** Least G² of a signal: the 5 % point of chi-squared with one degree of freedom. */
  public static final double MIN_SCORE = 3.84;
  /** At most this many signals explain a spike. */
  public static final int MAX_SIGNALS = 10;

  private SpikeExplainer() {}

  /** The explanation of {@code spike} (n contacts) against {@code background}, strongest first. */
  public static List<InsightSignal> explain(SignalCounts spike, long n, SignalCounts background) {
    return explain(spike, n, background, null);
  }

  /**
   * As {@link #explain(SignalCounts, long, SignalCounts)}, but the signal {@code lead} (the key of
   * the cell that fired, may be null) comes first whenever the spike's contacts carry it: it is
   * what the detector saw, even before it is strong enough to pass the filters on its own.
   */
  public static List<InsightSignal> explain(SignalCounts spike, long n, SignalCounts background,
      String lead) {
    List<InsightSignal> signals = new ArrayList<>();
    if (n <= 0) {
      return signals;
    }
    InsightSignal first = null;
    for (Map.Entry<String, Double> e : spike.counts().entrySet()) {
      long a = Math.min(n, Math.round(e.getValue()));
      boolean isLead = e.getKey().equals(lead);
      InsightSignal signal = signal(e.getKey(), a, n, background, isLead);
      if (isLead && signal != null) {
        first = signal;
      } else if (signal != null) {
        signals.add(signal);
      }
    }
    signals.sort(Comparator.comparingDouble(InsightSignal::getScore).reversed()
        .thenComparing(s -> s.getKind().name())
        .thenComparing(s -> s.getValue().toString()));
    if (first != null) {
      signals.add(0, first);
    }
    return signals.size() > MAX_SIGNALS ? List.copyOf(signals.subList(0, MAX_SIGNALS)) : signals;
  }

  /** The signal of a of n, or null when it does not pass the filters (a lead needs a > 0). */
  private static InsightSignal signal(String key, long a, long n, SignalCounts background,
      boolean lead) {
    if (lead ? a < 1 : a < MIN_COUNT) {
      return null;
    }
    double backgroundTotal = background.total();
    double p = Math.min(0.999, (background.count(key) + 0.5) / (backgroundTotal + 1));
    double share = (double) a / n;
    double score = share <= p ? 0 : g2(a, n, p);
    if (!lead && (share <= p || score < MIN_SCORE)) {
      return null;
    }
    String[] parts = Signals.parts(key);
    return InsightSignal.newBuilder()
        .setKind(SignalKind.valueOf(parts[0]))
        .setName(parts[1])
        .setValue(parts[2])
        .setCount(a)
        .setShare(share)
        .setBackgroundShare(backgroundTotal == 0 ? 0.0
            : Math.min(1.0, background.count(key) / backgroundTotal))
        .setScore(score)
        .build();
  }

  /** G² for a of n against share p (a / n above p). */
  static double g2(long a, long n, double p) {
    double g = xlogy(a, a / (n * p));
    if (n > a) {
      g += xlogy(n - a, (n - a) / (n * (1 - p)));
    }
    return 2 * g;
  }

  private static double xlogy(double x, double ratio) {
    return x == 0 ? 0 : x * Math.log(ratio);
  }
}
