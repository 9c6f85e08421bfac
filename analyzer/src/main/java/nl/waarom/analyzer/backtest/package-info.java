/**
 * Backtesting a taxonomy change: classify the same contacts with the taxonomy in force and with a
 * new one, side by side, and show what would change before anyone puts the new one in force.
 *
 * <p>{@link nl.waarom.analyzer.backtest.Backtest} is the engine. It takes two classifiers (both
 * compiled by {@link nl.waarom.analyzer.corrections.CorrectedRecipe} with the same editors'
 * corrections: the analyzer's {@link nl.waarom.analyzer.classify.ClassifierRecipe} plus what it
 * learns from corrections, the way the analyzer itself compiles, so "in force" means exactly
 * what the analyzer does and a corrected contact keeps the editor's reason on both sides) and
 * any stream of input items
 * with a function that decodes one into a contact: Kafka records of the contact topics, lines of
 * a JSONL file in the gateway's format, or rows of the sink's contacts table. The calling thread
 * reads; a pool of worker threads decodes and classifies in batches; each batch is counted in a
 * {@code Tally} of its own and the tallies are merged in input order, so the result (and its
 * example flips) does not depend on the threads. Only reasons are computed: sentiment, terms and
 * repeat detection do not decide a reason and are skipped.
 *
 * <p>The {@link nl.waarom.analyzer.backtest.BacktestResult} holds the primary reasons before and
 * after (a contact counts once, for its primary reason, or as unexplained), the explained shares
 * and the flips (from → to) with the first contacts of each as examples;
 * {@link nl.waarom.analyzer.backtest.BacktestReport} prints it for a terminal, ending with a
 * {@code result:} line. The engine reads and writes nothing itself: {@code waarom backtest}
 * ({@code nl.waarom.tools.backtest}) brings the contacts from Kafka or a file.
 */
package nl.waarom.analyzer.backtest;
