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
 *   <li>Calibration by stratified 5-fold cross-validation ({@code CrossValidation}): each fold's
 *       model is fitted without the fold and scores it. With few examples per label (a taxonomy's
 *       handful, ten per reason) every example is held out once; with many, folds stop once 20
 *       texts per label have been held out on average (one fold for CLINC150's 100 per label),
 *       because each fold is a full fit. A label's only example is never held out. The softmax
 *       temperature minimises the held-out negative log-likelihood; then the model is fitted on
 *       all examples and keeps the calibration.</li>
 *   <li>A text is <em>unexplained</em> ({@code UnexplainedRule}, fitted by {@code Calibration})
 *       when both hold:
 *       <ul>
 *         <li>its top probability is below one half: the answer is more likely wrong than right;</li>
 *         <li>its <em>evidence</em> is low. The evidence is {@code T·ln Σ exp(z/T)} over the
 *             one-vs-rest scores {@code z}: a smooth maximum, high when some reason's model
 *             accepts the text, low when every one rejects it. The threshold is the highest that
 *             withholds at most 2 % ({@code TrainOptions.maxAccuracyLoss}) of the held-out
 *             in-scope texts as right answers; wrong answers withheld cost nothing.</li>
 *       </ul>
 *       A low probability has two causes, and only the second is out of scope: reasons the model
 *       knows compete for the text (one of them is often right), or none claims it. When the
 *       held-out texts below one half that the model got right are within the 2 %, as for a model
 *       trained on many examples, the evidence plays no part and every text below one half is
 *       unexplained. A model trained on a handful of examples per reason is unsure of much that it
 *       gets right; there the budget keeps it answering and spends what it may withhold on the
 *       texts no reason claims. A text without a single known n-gram is always unexplained (both
 *       thresholds are raised above its figures if needed), and so is a text whose top label is
 *       the unknown label when the training data has one. {@code ./waarom eval} prints both
 *       thresholds, e.g. {@code unexplained below probability 0.500 and evidence -0.350}.</li>
 * </ol>
 *
 * <p>Measured and not used, because they separated out-of-scope texts worse than the model's own
 * scores, on CLINC150 and on Banking77 with a quarter of its labels held out as unknown: the cosine
 * similarity to the nearest training examples of the predicted reason (or to its centroid), the
 * margin between the top two scores, thresholds per reason (with ten examples a reason's own
 * figures are mostly noise), and a one-vs-rest probability per reason. No rule needs out-of-scope
 * examples; the few a training set holds tend to be easier to recognise than the out-of-scope
 * contacts that really arrive.
 *
 * <p>Speed: a prediction does not build strings per n-gram. Words seen in training map straight to
 * their list of known features; weights are stored feature-major as 16-bit rows
 * ({@code LinearScorer}), so scoring reads one short contiguous row per active feature. Working
 * memory is per thread and reused. The evidence costs one logarithm per prediction: it follows
 * from the top score and the top probability, which are computed anyway.
 */
package nl.waarom.analyzer.model;
