/**
 * {@code waarom backtest}: replays the contacts of a running installation (or of a JSONL file)
 * through the taxonomy in force and a new one, side by side, with the engine of
 * {@code nl.waarom.analyzer.backtest}. The taxonomy in force is the latest one the analyzer
 * published on the taxonomy topic (or, for a file, the one the analyzer's configuration names);
 * both are compiled by the analyzer's own {@code CorrectedRecipe} with the same editors'
 * corrections (those on the corrections topic, those of a {@link CorrectionsFile}, or none), as
 * the analyzer compiles the taxonomy in force. Contacts and corrections are read without a
 * consumer group; nothing is written.
 */
package nl.waarom.tools.backtest;
