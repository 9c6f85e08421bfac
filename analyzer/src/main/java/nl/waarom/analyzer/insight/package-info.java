/**
 * What every insight detector fills in the same way, so the insights of different detectors stay
 * comparable on the board: the value at stake and the reason's name and preventability
 * ({@link nl.waarom.analyzer.insight.InsightCosts}).
 *
 * <p>The detectors ({@code spikes}, {@code repeats}, {@code emerging}) depend on this package;
 * it depends on none of them, which keeps them from depending on each other.
 */
package nl.waarom.analyzer.insight;
