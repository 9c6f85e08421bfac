/**
 * The sentiment of every turn of a contact: negative, neutral or positive, with a score, in Dutch
 * and English.
 *
 * <p>Public API: {@link nl.waarom.analyzer.sentiment.SentimentModel#shipped()} gives the model
 * that ships in the jar; {@code score(text)} returns a
 * {@link nl.waarom.analyzer.sentiment.SentimentScore} (a {@link nl.waarom.analyzer.sentiment.Polarity}
 * and P(positive) - P(negative)). {@link nl.waarom.analyzer.sentiment.SentimentTrainer} trains a
 * model from labelled sets and {@link nl.waarom.analyzer.sentiment.SentimentModelFile} reads and
 * writes one. Everything else in the package is internal.
 *
 * <p>Method (figures and the commands that print them: {@code docs/benchmarks.md}):
 * <ol>
 *   <li>Text is folded as for the reason model ({@link nl.waarom.analyzer.model.TextFolding}); a
 *       hand-written lexicon of customer-service words ({@code lexicon.txt}) marks sentiment
 *       words, negations with their scope, intensifiers, softeners and contrasts
 *       ({@code SentimentText}).</li>
 *   <li>Features ({@code SentimentFeatures}): word 1- and 2-grams with negated words as their own
 *       1-grams, character 2- to 5-grams of the words that are not negated, and ten lexicon cues.
 *       A negation or intensifier that acts on a sentiment word gives no features of its own.</li>
 *   <li>One L2-regularised linear SVM per polarity (liblinear, one-vs-rest, C = 0.3); a training
 *       set only teaches the polarities it has, so Dutch lines without a neutral class do not
 *       teach that Dutch is never neutral ({@code SentimentTrainer}).</li>
 *   <li>Probabilities are a softmax with a temperature fitted on a held-out tenth.</li>
 * </ol>
 *
 * <p>The shipped model ({@code sentiment-model.bin.gz}, about 1.1 MB) is trained by
 * {@code waarom train-sentiment} on four open data sets (CC BY 4.0; credited in the NOTICE next to
 * it) plus the built-in hand-written customer-service lines ({@code examples.csv}); the data itself
 * is not in the repository. Scoring a turn costs about one hash look-up per word: every known
 * word's character part is precomputed when the model loads.
 */
package nl.waarom.analyzer.sentiment;
