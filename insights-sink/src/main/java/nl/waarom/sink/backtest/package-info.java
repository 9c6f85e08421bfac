/**
 * The backtest of an emerging reason's drafted rule, before anyone promotes it: the taxonomy in
 * force (as the analyzer published it) and the same taxonomy plus the drafted reason classify the
 * newest contacts the sink keeps, side by side. The classifiers are the analyzer's own (its
 * classification library, {@code nl.waarom.analyzer.classify} and {@code .backtest}, compiled by
 * the same {@code ClassifierRecipe}), so the figures are what the analyzer would do; nothing is
 * written anywhere.
 */
package nl.waarom.sink.backtest;
