/**
 * SPIKE insights: a reason's volume departing from its weekly-rhythm baseline, explained by what
 * is over-represented in the surge.
 *
 * <p>{@link nl.waarom.analyzer.spikes.SpikeDetector} sees every classified contact, keyed and
 * partitioned by its primary reason (all channels together; {@code unexplained} is skipped), in
 * event time. Per reason, {@link nl.waarom.analyzer.spikes.SpikeState} keeps hourly counts for
 * {@code seasonWeeks} weeks and one-minute counts for the recent past.
 *
 * <h2>Expected count of minute j</h2>
 * <pre>
 *   p(H)    = Σ_w Σ_d a_w b_d c(H - 168w + d) / (60 Σ a_w b_d)     seasonal rate of hour H
 *             a_w = 0.8^(w-1) over the watched weeks w = 1..seasonWeeks, b_0 = 1, b_±1 = 0.05
 *   s(j)    = max(p(H), linear interpolation between the centres of H and its nearer neighbour)
 *   level   = clamp((A + 10) / (E + 10), 1/3, 3)      A = actual, E = Σ s(i) over the
 *             levelWindows minutes before the anchor (today busier or quieter than usual)
 *   mu(j)   = max(0.02, [s(j) + (U(N) - N) / (60 W)] × level × (1 + 2 / sqrt(A + 10)))
 * </pre>
 * with N the same-hour counts of the W watched weeks and {@code U(x) = x + 2 + 2 sqrt(x + 1)} the
 * Poisson upper confidence bound (z = 2): the expected count is deliberately an upper bound, so a
 * baseline that happens to be low on thin data is not a surge. While j's hour has no watched week
 * (less than a week watched), {@code mu(j) = max(0.02, U(T) / n)} with T the contacts of the
 * {@code baselineWindows} minutes (n of them watched) before the anchor; fewer than
 * {@code minHistoryWindows} watched minutes means j is not judged. The anchor is j, or the start
 * of the open run while that run is young (at most levelWindows minutes for the level, a third of
 * baselineWindows for the trailing mean), so a surge does not raise its own baseline.
 *
 * <h2>Test</h2>
 * A Poisson CUSUM tuned to a rate {@code k = shift} times mu: per closed minute
 * {@code S = max(0, S + x ln k - (k - 1) mu)}; inside the current minute, after the fraction f of
 * it has passed, {@code S' = S + x ln k - (k - 1) mu f} (the continuous-time statistic, so a
 * surge fires during the minute). A run is the minutes from the one in which S left 0; it fires
 * once, when {@code S' ≥ threshold} and its contacts exceed its expected count by at least
 * {@code minCount}, and re-arms only when S returns to 0. Id:
 * {@code spike:<reasonId>:<runStartIso>}. Measured with the defaults by the test-scope tool
 * {@code SpikeCalibration} on seeded synthetic traffic (30 Zipf reasons, 60k contacts a week,
 * office rhythm, ±15 % day noise, 7 % 1–30 h late): 2 false spikes in 4 weeks for all reasons
 * together; a 5× surge of the largest reason (~2.5 a minute at the peak) found in 26–56 s on
 * weekdays, 156–223 s on a Saturday; of the second (~1.5 a minute) in 156–267 s. The
 * upper-bound baseline makes small reasons slow: in the first week (trailing mean) a surge of a
 * reason under ~1 a minute may go unreported.
 *
 * <h2>Cells: the test per value</h2>
 * For a reason near one contact a minute the whole-reason test needs minutes; the planted and
 * real surges concentrate in a value (a campaign, an IVR path). {@link
 * nl.waarom.analyzer.spikes.SpikeCells} runs the same CUSUM per attribute value, IVR path, queue
 * and channel of the reason (not per term: too many, too rare): expected count
 * {@code q_c mu(j)} with {@code q_c = U(b_c) / (B + 1)} the upper-bound share of the value in the
 * reason's background, tuned to half of the surge's extra contacts landing in the value
 * ({@code r_c = 1 + 0.5 (shift - 1) / q_c}). Budget: threshold {@code threshold + ln 32} per cell
 * (Bonferroni over the at most 32 cells, so together they keep the reason's own false-alarm
 * bound), at least 3 contacts in the cell's run, and the reason as a whole above its expected
 * count over that run. A cell firing fires the reason's spike (same id, its open run) and leads
 * the explanation. Once any spike fired, the reason fires again only after its statistic and
 * every cell have returned to 0 (one insight per surge). Table: 32 cells, evicting those at 0
 * first (~7 numbers each). {@code ./waarom bench insights} (defaults, seed 42): the four planted
 * surges found after 157, 100, 35 and 223 s (before: 362, 368, 287, 570 s), 0 false spikes a
 * week. The 223 s is the Saturday surge, whose first three extra contacts arrive at 44, 181 and
 * 223 s.
 *
 * <h2>Late contacts</h2>
 * A contact up to {@code lateHorizon} behind its reason's newest contact is added to its hour and
 * minute; if its minute belongs to the open run it also counts in the run and adds {@code ln k} to
 * S. Older ones are ignored and counted in {@code waarom.analyzer.spike.late.ignored}.
 *
 * <h2>Explanation and cost</h2>
 * Contacts of runs that end without firing join the reason's background
 * ({@link nl.waarom.analyzer.spikes.SignalCounts}: 500 signals, Space-Saving, half-life one
 * day). {@link nl.waarom.analyzer.spikes.SpikeExplainer} scores the run's terms, channel,
 * queue, IVR path and attributes against it (G²). A spike is valued by what its episode cost,
 * not by a rate extrapolated to a week: excessContacts = count - expected of the run so far,
 * episodeCost = excessContacts × avgHandleMinutes × costPerMinute (also estimatedCost), and
 * excessPerHour = excessContacts × 60 / the run's whole minutes, its rate while it lasts
 * ({@link nl.waarom.analyzer.insight.InsightCosts#withEpisodeCost}); avgHandleMinutes is the
 * mean handle time of the run's contacts.
 *
 * <h2>State and retention</h2>
 * Stores (changelogged): {@code spike-baseline} (reason → state: hourly counts for seasonWeeks
 * weeks, minute counts for 2 × max(levelWindows, baselineWindows) + 1 minutes, the open run with
 * at most 1000 signals and 12 example candidates), {@code spike-background} (reason → background
 * counts), {@code spike-emitted} (insight id → detectedAt for 8 days of stream time, so a replay
 * re-emits nothing; kept with {@link nl.waarom.analyzer.streams.EmittedOnce}, like the other
 * detectors' emitted ids).
 *
 * <p>The package is the detector alone: it reads the by-reason stream that {@code app} builds and
 * returns insights that {@code app} writes out ({@link nl.waarom.analyzer.insight.InsightSink});
 * value at stake and reason names come from {@link nl.waarom.analyzer.insight.InsightCosts}, as
 * for every detector.
 */
package nl.waarom.analyzer.spikes;
