/**
 * The analyzer application: configuration ({@link nl.waarom.analyzer.app.AnalyzerSettings}), the
 * topology as a pure function ({@link nl.waarom.analyzer.app.AnalyzerTopology}), and the running
 * service ({@link nl.waarom.analyzer.app.AnalyzerApp}, {@link nl.waarom.analyzer.app.AnalyzerMain}).
 *
 * <p>Dependencies point one way, so each feature can be read, tested and changed on its own:
 * {@code app} wires the features; the features ({@code classify}, {@code model}, {@code trends},
 * {@code spikes}, {@code repeats}, {@code emerging}) never import {@code app}, and the detectors
 * ({@code spikes}, {@code repeats}, {@code emerging}) never import each other; what several of
 * them need sits below them, in {@code insight} (what every insight carries, and how insights
 * leave the topology) and {@code streams} (Kafka Streams mechanisms: state stores, their JSON
 * values, emit once). Those two import no feature. Only {@code app} touches configuration, HTTP
 * and the Kafka clients' lifecycle.
 */
package nl.waarom.analyzer.app;
