/**
 * Classification of contacts into taxonomy reasons by rules, with Lucene (the "reverse search"
 * approach of its monitor module: the rules are indexed by their terms, and each contact selects
 * the rules it can match).
 *
 * <p><b>Rules.</b> Every rule of every reason is parsed with Lucene's standard query parser
 * ({@link nl.waarom.analyzer.classify.RuleParser}; phrases, proximity, {@code fn:} interval
 * functions for ordered proximity, booleans, wildcards, fields) and registered under the id
 * {@code reasonId#n}, split into its parts when it is a disjunction, as Lucene's monitor module
 * does ({@code QueryDecomposer}). There is one rule index per language ({@code RuleIndex}),
 * because a rule must be analysed like the contacts it is matched against. The syntax is
 * documented for taxonomy authors in {@code docs/taxonomy.md}.
 *
 * <p><b>Contacts.</b> The contact's language is taken from the record or detected
 * ({@link nl.waarom.analyzer.classify.LanguageDetector}). Each turn, and an e-mail's subject, is
 * analysed once ({@link nl.waarom.analyzer.classify.ContactAnalyzer}: Dutch or English stemming,
 * Dutch compound splitting); the fields {@code any}, {@code customer}, {@code agent},
 * {@code first} and {@code subject} replay the tokens of their parts, each part with its own
 * offset range and a position gap, so phrases never match across turns (or from the subject into
 * the first turn) and every offset maps back to a turn or the subject. {@code channel} and
 * {@code lang} are keyword fields.
 *
 * <p><b>Speed.</b> Only rules whose terms occur in the contact are tried: the monitor module's
 * presearcher picks each rule's terms (two passes: a rule is tried when the contact has a term of
 * each), and {@code RuleCandidates} keeps them in a hash map from field and term to rules, in
 * which the contact's analysed terms are looked up. (The monitor itself would turn those terms
 * into a boolean query over an index of the rules and run it per contact, which was the largest
 * single cost.) Wildcard parts, which the presearcher cannot use, are anchored on their first
 * letters ({@code PrefixAnchors}). Only when some rule is selected is the contact put in an
 * in-memory index (one per thread, reset and reused), with just the fields the selected rules
 * read. Rules are rewritten once when registered; a selected rule is first tested with its
 * scorer, and only a rule that matches pays for the Matches API that yields evidence
 * ({@code EvidenceMatcher}). {@code waarom bench classify}
 * ({@code nl.waarom.tools.bench.ClassifyBench}) measures the throughput.
 *
 * <p><b>The most specific reason wins.</b> When several reasons' rules match, the primary reason
 * is the one whose evidence is most specific, with the learned model voting too; so that a team
 * can predict the winner, the order is a sum of three kinds of terms, all computed from the
 * taxonomy when it is loaded ({@code Specificity}), never from the contact stream:
 * <ol>
 *   <li>Each distinct word a reason's rules matched weighs {@code ln(N / n)}: N reasons in the
 *       taxonomy, n of them <em>use</em> the word (a rule names it, also through a wildcard, or an
 *       example contains it). A word only this reason uses weighs ln N (4.0 with 54 reasons); a
 *       word half the reasons use ({@code niet}, {@code my}) weighs ln 2. Common words thus count
 *       for little without a list of stop words, and a word matched by several rules or fields of
 *       the reason counts once ({@code RuleEvidence}).</li>
 *   <li>Words a rule asks for together (a phrase, {@code "a b"~3}, an {@code fn:} interval) weigh
 *       once more as a whole: {@code ln(N / n)}, n the reasons that use all of them. "slimme meter"
 *       is used by one reason, so it adds ln N; "werkt niet" is used by many and adds little.
 *       Words that merely occur anywhere in the contact ({@code a AND b}) get no such bonus.</li>
 *   <li>The model votes for every reason with {@code ln N} times its probability for that
 *       reason: a sure model counts as much as one word only that reason uses
 *       ({@code ModelVote}).</li>
 * </ol>
 * The sum is {@link nl.waarom.analyzer.classify.ReasonScore#strength()}; equal strengths are
 * ordered by the reasons' position in the taxonomy file. Confidence is separate: 0.9 for one
 * matched rule, 0.03 per further rule, raised when the model agrees; for a reason only the model
 * found, its calibrated probability. The model adds a reason no rule found only when it passes
 * its calibrated threshold and the configured minimum; that reason's evidence is the words and
 * two-word phrases that weighed most for it (each feature's TF-IDF value times its weight for the
 * reason), located in the turns or subject like a rule's. The
 * {@link nl.waarom.analyzer.classify.Classifier} is a {@link java.io.Closeable} facade, safe to
 * share between stream threads; {@link nl.waarom.analyzer.classify.ClassifierSource} holds the
 * one in force and swaps it when the taxonomy file changes. Every classifier of a taxonomy is
 * compiled from a {@link nl.waarom.analyzer.classify.TaxonomyDocument}: by
 * {@link nl.waarom.analyzer.classify.ClassifierRecipe} (fallback language and model options), or
 * in the running analyzer by {@code nl.waarom.analyzer.feedback.FeedbackLearner}, which trains the
 * model on the taxonomy's examples plus editors' corrections; without corrections the two give the
 * same classifier (the backtest relies on that). Its learned model can be replaced while it
 * classifies ({@code Classifier.useModel}, one volatile write: each contact is classified with the
 * old model or the new, no stream thread waits); {@code nl.waarom.analyzer.feedback} does so when
 * it has retrained the model with editors' corrections. A contact an editor corrected
 * ({@link nl.waarom.analyzer.classify.Verdicts}) gets the editor's reason with source
 * {@code FEEDBACK}, or is unexplained for "none of these". This package does not import
 * {@code feedback}.
 *
 * <p>{@link nl.waarom.analyzer.classify.ClassifyProcessor} is the Kafka Streams step that decodes a
 * contact, classifies it with the classifier in force, and turns any failure into a dead letter.
 */
package nl.waarom.analyzer.classify;
