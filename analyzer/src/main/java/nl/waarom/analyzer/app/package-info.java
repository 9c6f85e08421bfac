/**
 * The analyzer application: configuration ({@link nl.waarom.analyzer.app.AnalyzerSettings}), the
 * topology as a pure function ({@link nl.waarom.analyzer.app.AnalyzerTopology}), and the running
 * service ({@link nl.waarom.analyzer.app.AnalyzerApp}, {@link nl.waarom.analyzer.app.AnalyzerMain}).
 *
 * <p>Dependencies point one way: {@code app} wires {@code classify}, {@code trends} and
 * {@code insights}; those know nothing of {@code app}; {@code taxonomy} depends on nothing else
 * in the analyzer. Only {@code app} touches configuration, HTTP and the Kafka clients' lifecycle.
 */
package nl.waarom.analyzer.app;
