package nl.waarom.sink.explore;

import java.util.Comparator;
import java.util.List;
import nl.waarom.sink.db.ExploreReads.FeatureCount;

/**
 * What sets a reason's contacts apart from all other contacts of a period: per word or attribute
 * value, the log-likelihood ratio G² of the 2×2 table (has it or not, the reason's contacts or
 * the others), the statistic the analyzer's explanation signals use. Only values more common in
 * the reason than in the others, held by at least {@value #MIN_COUNT} of its contacts, count.
 * Stateless.
 */
public final class Contrast {
  /** A value must occur in this many of the reason's contacts. */
  public static final int MIN_COUNT = 2;

  private Contrast() {}

  /**
   * A word or attribute value that stands out.
   *
   * @param kind TERM or ATTRIBUTE
   * @param feature the word, or {@code key=value}
   * @param share share of the reason's contacts with it
   * @param otherShare share of the other contacts with it
   * @param score G²; higher stands out more
   */
  public record Feature(String kind, String feature, long count, double share, double otherShare,
      double score) {}

  /**
   * The strongest {@code limit} values of one kind, strongest first.
   *
   * @param inReason contacts of the reason in the period
   * @param total classified contacts in the period
   */
  public static List<Feature> strongest(List<FeatureCount> counts, String kind, long inReason,
      long total, int limit) {
    long others = total - inReason;
    if (inReason == 0) {
      return List.of();
    }
    return counts.stream().filter(c -> c.kind().equals(kind) && c.inReason() >= MIN_COUNT)
        .map(c -> {
          long b = c.total() - c.inReason();
          double share = c.inReason() / (double) inReason;
          double otherShare = others == 0 ? 0 : b / (double) others;
          return new Feature(kind, c.feature(), c.inReason(), share, otherShare,
              g2(c.inReason(), inReason - c.inReason(), b, others - b));
        })
        .filter(f -> f.share() > f.otherShare())
        .sorted(Comparator.comparingDouble(Feature::score).reversed()
            .thenComparing(Feature::feature))
        .limit(limit).toList();
  }

  /** G² of the table [[a, b], [c, d]] (rows: the reason, the others; columns: with, without). */
  static double g2(long a, long b, long c, long d) {
    double n = a + b + c + d;
    if (n == 0) {
      return 0;
    }
    double r1 = a + b;
    double r2 = c + d;
    double c1 = a + c;
    double c2 = b + d;
    return 2 * (term(a, r1 * c1 / n) + term(b, r1 * c2 / n) + term(c, r2 * c1 / n)
        + term(d, r2 * c2 / n));
  }

  private static double term(long observed, double expected) {
    return observed == 0 || expected == 0 ? 0 : observed * Math.log(observed / expected);
  }
}
