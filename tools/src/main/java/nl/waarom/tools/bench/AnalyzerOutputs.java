package nl.waarom.tools.bench;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.ReasonTrend;

/**
 * What one analyzer run emitted, reduced to what a catch-up must reproduce: per insight id its
 * final kind, reason and count, per reason-trends window its final count, and per explained-share
 * window its final total and explained counts. "Final" is the
 * last record read for the key; on a broker a key lives in one partition, so that is the last
 * version the analyzer wrote. Tombstones are ignored. Baselines and other derived figures are left out on purpose: they
 * depend on the windows around them, and a differing count already shows the cause. Not
 * thread-safe.
 */
final class AnalyzerOutputs {
  /**
   * The final version of one insight.
   *
   * @param kind never null
   * @param reasonId may be null (an emerging reason has none)
   */
  record InsightFact(InsightKind kind, String reasonId, long count) {
    @Override
    public String toString() {
      return kind + " " + (reasonId == null ? "-" : reasonId) + " count " + count;
    }
  }

  private final Map<String, InsightFact> insights = new TreeMap<>();
  private final Map<String, Long> trendCounts = new TreeMap<>();

  /** Records a version of an insight; a later one replaces an earlier one of the same id. */
  void insight(Insight insight) {
    if (insight == null) {
      return;
    }
    insights.put(insight.getInsightId(), new InsightFact(insight.getKind(),
        insight.getReasonId(), insight.getCount()));
  }

  /** Records a version of a trend window, keyed reasonId|channel|windowMinutes|windowStart. */
  void trend(String key, ReasonTrend trend) {
    if (trend == null) {
      return;
    }
    trendCounts.put(key, trend.getCount());
  }

  /**
   * Records a version of an explained-share window (key windowMinutes|windowStart) as two counts:
   * {@code explained-share|<key>|total} and {@code explained-share|<key>|explained}.
   */
  void explained(String key, ExplainedShare share) {
    if (share == null) {
      return;
    }
    trendCounts.put("explained-share|" + key + "|total", share.getTotal());
    trendCounts.put("explained-share|" + key + "|explained", share.getExplained());
  }

  /** Insight id to its final version, sorted by id; unmodifiable view. */
  Map<String, InsightFact> insights() {
    return Collections.unmodifiableMap(insights);
  }

  /** Trend (and explained-share) window key to its final count, sorted; unmodifiable view. */
  Map<String, Long> trendCounts() {
    return Collections.unmodifiableMap(trendCounts);
  }
}
