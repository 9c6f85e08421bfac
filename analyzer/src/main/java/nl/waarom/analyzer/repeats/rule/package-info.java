/**
 * The repeat rule on its own: one customer's recent contacts ({@link
 * nl.waarom.analyzer.repeats.rule.CustomerLedger}) and whether a new one is the first of a chain,
 * a repeat, a transfer or unexplained. Pure and free of Kafka Streams, so that it belongs to the
 * analyzer's classification library: the analyzer's repeat ledger applies it to the live stream,
 * the sink's re-score to a past period under a new taxonomy version.
 */
package nl.waarom.analyzer.repeats.rule;
