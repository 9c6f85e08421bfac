/**
 * Learning from editors' corrections: "this contact is reason X" or "none of these", published by
 * the board as {@link nl.waarom.schemas.Correction} records on the corrections topic (key
 * contactId, kept forever).
 *
 * <p><b>Reading.</b> Every analyzer instance reads every correction: {@link
 * nl.waarom.analyzer.feedback.CorrectionReader} is a plain consumer without a consumer group that
 * assigns itself all partitions and reads them from the beginning, on a thread of its own, outside
 * the Kafka Streams application. Not a global store of the topology: the corrections are not
 * state of any stream task, a global store would put a second copy on local disk and into the
 * topology's description, and a restarted instance has to read the topic anyway to learn. At
 * start-up the analyzer waits (at most {@code WAAROM_FEEDBACK_CATCH_UP_TIMEOUT}) until it has read
 * what the topic held, so its first model already knows every correction; then it keeps reading.
 * The corrections go into a {@link nl.waarom.analyzer.corrections.CorrectionBook} (package
 * {@code corrections}, the library part that the backtests use too): the latest
 * correction of a contact replaces earlier ones (one key, one partition, one order for every
 * reader, as compaction would keep it).
 *
 * <p><b>Learning.</b> A correction becomes a labelled example: its redacted words and the chosen
 * reason. "None of these" becomes an example of the model's unknown label
 * ({@link nl.waarom.analyzer.classify.ReasonModels#NONE_OF_THESE}): texts like it stay
 * unexplained rather than being given the reason that was wrong. A correction to a reason the
 * taxonomy in force does not have (chosen under another version) is skipped and counted; it is
 * learned again once a taxonomy with that reason is in force. The contact's language is not used:
 * the model reads words and character n-grams of any language. {@link
 * nl.waarom.analyzer.feedback.FeedbackLearner} trains on the taxonomy's examples, the configured
 * CSV and the corrections in contactId order, so that training is deterministic and instances
 * that read the same corrections end with the same model. It compiles and trains through
 * {@link nl.waarom.analyzer.corrections.CorrectedRecipe}, built from the analyzer's
 * {@code ClassifierRecipe}, which the backtests compile with too. It retrains on a named background
 * thread, debounced: once {@code WAAROM_FEEDBACK_RETRAIN_BATCH} corrections wait, or
 * {@code WAAROM_FEEDBACK_RETRAIN_DELAY} after the first that waits. The new model replaces the
 * old one in the classifier in force by one volatile write; stream threads keep classifying with
 * the old model until then and never wait on a lock. A new taxonomy version is compiled with every
 * correction known at that moment.
 *
 * <p><b>The corrected contact itself.</b> The book also answers, per contactId, what an editor
 * said ({@link nl.waarom.analyzer.classify.Verdicts}): when such a contact is classified again (a
 * replay, a re-read after a crash) it gets the editor's reason with source {@code FEEDBACK} and
 * confidence 1, or is unexplained for "none of these".
 *
 * <p>May import {@code classify}, {@code corrections}, {@code model}, {@code schemas} and
 * {@code platform}; nothing in {@code classify} or {@code corrections} imports this package
 * ({@code classify} knows the book only as {@code Verdicts}).
 */
package nl.waarom.analyzer.feedback;
