/**
 * The backtest of an emerging reason's drafted rule, before anyone promotes it: the taxonomy in
 * force (as the analyzer published it) and the same taxonomy plus the drafted reason classify the
 * newest contacts the sink keeps, side by side. The classifiers are the analyzer's own (its
 * classification library, {@code nl.waarom.analyzer.classify}, {@code .corrections} and
 * {@code .backtest}), compiled as the analyzer compiles the taxonomy in force: the same recipe,
 * learning the editors' corrections the sink stored ({@link nl.waarom.sink.backtest.ModelInForce},
 * which any job that reclassifies stored contacts under a taxonomy version uses too). So the
 * figures are what the analyzer would do; nothing is written anywhere.
 */
package nl.waarom.sink.backtest;
