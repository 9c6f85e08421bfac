/**
 * Insights the improvement team should look at. For now: spikes.
 *
 * <p>{@link nl.waarom.analyzer.insights.SpikeDetector} sees every classified contact, keyed and
 * partitioned by its primary reason (all channels together). For each reason it keeps the counts
 * of the recent one-minute event-time windows in the {@code spike-baseline} store and fires as
 * soon as the current window's count crosses the threshold (at least {@code minCount} and at
 * least {@code factor} × the trailing baseline), during the window rather than after it closes,
 * so the board reacts within seconds. The insight id {@code spike:<reasonId>:<windowStartIso>} is
 * deterministic and remembered in the {@code spike-emitted} store, so each (reason, window)
 * fires at most once and a replay produces the same id.
 */
package nl.waarom.analyzer.insights;
