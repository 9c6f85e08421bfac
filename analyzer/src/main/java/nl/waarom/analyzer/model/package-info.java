/**
 * The learned contact-reason model: a text classifier trained in-process from labelled examples,
 * with calibrated confidences and an honest "unexplained".
 *
 * <p>Public API: {@link nl.waarom.analyzer.model.ModelTrainer#train} turns
 * {@link nl.waarom.analyzer.model.LabeledText}s and {@link nl.waarom.analyzer.model.TrainOptions}
 * into an immutable, thread-safe {@link nl.waarom.analyzer.model.ReasonModel}, whose
 * {@code predict(text)} returns a {@link nl.waarom.analyzer.model.Prediction}: the top-k
 * {@link nl.waarom.analyzer.model.ScoredLabel}s and whether the text is unknown.
 * {@link nl.waarom.analyzer.model.TextFolding}, {@link nl.waarom.analyzer.model.NgramFeatures}
 * and {@link nl.waarom.analyzer.model.LongIntMap} are public as building blocks of the sentiment
 * model ({@code nl.waarom.analyzer.sentiment}). Everything else in the package is internal.
 *
 * <p>Method, chosen by measurement on Banking77 and CLINC150 (figures and the commands that print them: {@code docs/benchmarks.md}):
 * <ol>
 *   <li>Text is lower-cased and accent-folded; non-letters and non-digits become spaces
 *       ({@code TextFolding}).</li>
 *   <li>Features are word 1- and 2-grams plus character 2- to 5-grams inside word boundaries, each
 *       word padded with a space ({@code NgramFeatures}), hashed to 64 bits; the vocabulary keeps
 *       those seen in at least two training texts ({@code Vocabulary}).</li>
 *   <li>TF-IDF with sublinear tf and smoothed idf; the word block and the character block are
 *       L2-normalised separately ({@code Vectorizer}).</li>
 *   <li>One L2-regularised linear SVM per label (one-vs-rest, liblinear's dual solver, C = 1),
 *       trained in parallel ({@code LinearFit}).</li>
 *   <li>Probabilities are a softmax of the decision values with a temperature fitted on a
 *       stratified 15 % held out from the training data; the unexplained threshold comes from the
 *       same held-out part ({@code Calibration}); then the model is refitted on all data.</li>
 * </ol>
 *
 * <p>Speed: a prediction does not build strings per n-gram. Words seen in training map straight to
 * their list of known features; weights are stored feature-major as 16-bit rows
 * ({@code LinearScorer}), so scoring reads one short contiguous row per active feature. Working
 * memory is per thread and reused.
 */
package nl.waarom.analyzer.model;
