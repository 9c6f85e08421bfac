package nl.waarom.analyzer.emerging;

/**
 * Dunning's log-likelihood ratio for a term that is more common in the foreground than in the
 * background: the G² statistic of the 2 × 2 table (foreground, background) × (with, without the
 * term), 1 degree of freedom (G² ≥ 30 ≈ p < 10⁻⁷). Background counts may be fractional (decayed
 * weights). Stateless.
 */
public final class Significance {
  /** A significant term must be at least this many times as common as in the background. */
  public static final double MIN_LIFT = 3.0;

  private Significance() {}

  /**
   * G² of {@code k} of {@code f} foreground contacts against {@code b} of {@code bg} background
   * weight; 0 when the term is not more common in the foreground.
   */
  public static double logLikelihoodRatio(double k, double f, double b, double bg) {
    b = Math.min(Math.max(b, 0), bg);
    if (f <= 0 || k <= 0 || (bg > 0 && k / f <= b / bg)) {
      return 0;
    }
    double n = f + bg;
    double g = xlogx(k) + xlogx(f - k) + xlogx(b) + xlogx(bg - b)
        - xlogx(k + b) - xlogx(f - k + bg - b) - xlogx(f) - xlogx(bg) + xlogx(n);
    return Math.max(0, 2 * g);
  }

  /**
   * Whether the foreground share is at least {@link #MIN_LIFT} × the background share, the
   * background share smoothed with one pseudo-contact so an unseen term in a small background is
   * not infinitely new.
   */
  public static boolean lifted(double k, double f, double b, double bg) {
    return k / f >= MIN_LIFT * (Math.max(b, 0) + 1) / (bg + 1);
  }

  private static double xlogx(double x) {
    return x <= 0 ? 0 : x * Math.log(x);
  }
}
