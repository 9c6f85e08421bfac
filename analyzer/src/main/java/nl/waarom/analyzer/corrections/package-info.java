/**
 * What editors' corrections make of a classifier, as a library: the
 * {@link nl.waarom.analyzer.corrections.CorrectionBook} (the latest correction of every corrected
 * contact; also the classifier's {@link nl.waarom.analyzer.classify.Verdicts}), the labelled
 * examples it gives a taxonomy ({@link nl.waarom.analyzer.corrections.CorrectionExamples}: a
 * correction to a reason the taxonomy lacks, or without words, is skipped), what a model trains
 * on ({@link nl.waarom.analyzer.corrections.TrainingSet}: the taxonomy's examples, the configured
 * CSV's, then the corrections in contactId order) and
 * {@link nl.waarom.analyzer.corrections.CorrectedRecipe}, the one way to compile "the classifier
 * of taxonomy T with these corrections".
 *
 * <p>The running analyzer compiles and retrains through it ({@code nl.waarom.analyzer.feedback}
 * reads the corrections topic into a book and retrains in the background), and so do the
 * backtests: {@code waarom backtest} (which reads the same topic, or a file) and the board's
 * backtest of a drafted rule (with the corrections the sink stored). The "before" side of a
 * backtest is then the model the analyzer classifies with, and a corrected contact keeps the
 * editor's reason on both sides. Part of the analyzer's classification library that the sink may
 * use (docs/ARCHITECTURE.md): imports {@code classify}, {@code model}, {@code taxonomy} and
 * {@code schemas}, nothing of the analyzer's service and no Kafka client.
 */
package nl.waarom.analyzer.corrections;
