/**
 * Live counts per reason and channel in tumbling one-minute event-time windows.
 *
 * <p>Classified contacts are re-keyed by {@code reasonId|channel} (the primary reason; an
 * unexplained contact counts as reason {@code unexplained}), grouped, windowed and aggregated into
 * a {@link nl.waarom.schemas.ReasonTrend} (count and total handle time) in the window store
 * {@code reason-counts-1m}. Every update is emitted (no suppression: the board must be live) to
 * the reason-trends topic keyed {@code reasonId|channel|windowStartIso}, so a later record for the
 * same key supersedes the earlier one. {@link nl.waarom.analyzer.trends.TrendBaselineProcessor}
 * fills in the baseline (mean count of the previous windows of the same key) from the same store.
 */
package nl.waarom.analyzer.trends;
