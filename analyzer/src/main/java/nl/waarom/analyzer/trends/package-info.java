/**
 * Live counts per reason and channel in tumbling 1-, 15- and 60-minute event-time windows, and
 * the share of contacts explained per window.
 *
 * <p><b>Trends.</b> Each classified contact becomes {@link nl.waarom.analyzer.trends.TrendEvent}s
 * keyed {@code reasonId|channel} (primary reason; {@code unexplained} when none): its arrival
 * and, when it repeats an earlier contact, a repeat event on the earlier contact's channel and
 * time. They are repartitioned ({@code reason-channel}) and rolled up by
 * {@link nl.waarom.analyzer.trends.TrendRollupProcessor} into one time-ordered key-value store
 * per granularity ({@link nl.waarom.analyzer.trends.WindowTable}). A custom processor rather than
 * the DSL's windowed aggregate, because a repeat must reach a window long after its grace (up to
 * the repeat window, 7 days) while a late arrival must not. An arrival adds to its windows' count,
 * handle time, sentiment, negative and callback counts; a repeat only to the repeat count. Events
 * and windows stored by an earlier version read with the fields they lack as null or 0.
 *
 * <p><b>Grace and retention</b> (defaults): 1-minute windows accept late contacts for 5 minutes
 * ({@code WAAROM_TREND_GRACE}) and are kept 16 minutes (the trailing baseline); 15- and 60-minute
 * windows accept them for 48 hours ({@code WAAROM_TREND_ROLLUP_GRACE}); 15-minute windows are
 * kept 48h15m, 60-minute windows 4 weeks and an hour (the same-hour-of-week baseline, and longer
 * than the repeat window so repeat counts complete). Later contacts are dropped and counted in
 * {@code waarom.analyzer.trend.events.dropped}.
 *
 * <p><b>Output volume.</b> Every change is published (the board is live): at most three
 * {@link nl.waarom.schemas.ReasonTrend}s per contact (one per granularity), three more for a
 * repeat, and one per retained window when its repeats become complete; plus three
 * {@link nl.waarom.schemas.ExplainedShare}s per contact. That is a fixed multiple of the input,
 * small next to classification, and the topics are compacted by key; throttling 15/60-minute
 * updates per key would need a stream-time flush of the last update and was not worth it at the
 * expected ~0.1-100 contacts a second.
 *
 * <p><b>Explained share.</b> Every classified contact is keyed by the start of its hour and
 * repartitioned ({@code explained}); {@link nl.waarom.analyzer.trends.ExplainedShareProcessor}
 * counts total and explained contacts for the 1-, 15- and 60-minute windows of that hour (they
 * all nest in it). One task owns an hour, consecutive hours go to different partitions, so there
 * is no single global key and no merge step; the cost is that one hour's share events go through
 * one partition at a time, which is cheap (two counters per window). The gauge
 * {@code waarom.analyzer.explained.share} shows the latest ended 15-minute window.
 */
package nl.waarom.analyzer.trends;
