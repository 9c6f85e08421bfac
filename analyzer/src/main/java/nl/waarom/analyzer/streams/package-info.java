/**
 * Kafka Streams mechanisms the analyzer's features share, written once: the JSON serde of internal
 * state ({@link nl.waarom.analyzer.streams.JsonSerde}), the declaration of a state store
 * ({@link nl.waarom.analyzer.streams.StateStores}) and of the stores a processor uses
 * ({@link nl.waarom.analyzer.streams.WithStores}), and emit-each-insight-once with a retention
 * ({@link nl.waarom.analyzer.streams.EmittedOnce}).
 *
 * <p>Nothing here knows contacts, reasons or insights, and this package imports no other analyzer
 * package: every feature may use it, so it must never need one of them.
 */
package nl.waarom.analyzer.streams;
