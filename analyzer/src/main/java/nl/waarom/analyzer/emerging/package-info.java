/**
 * EMERGING_REASON: new contact reasons found among the contacts no reason explains.
 *
 * <p>{@link nl.waarom.analyzer.emerging.EmergingTopology} filters the by-reason stream to
 * {@code unexplained} and feeds {@link nl.waarom.analyzer.emerging.EmergingDetector}. Every window
 * of event time (default 5 minutes) the detector compares the terms (words and two-word phrases,
 * {@code ClassifiedContact.terms}) of the recent unexplained contacts (the foreground, default the
 * last 2 hours) with a background of older unexplained contacts (default 7 days, decayed, at most
 * {@code WAAROM_EMERGING_VOCABULARY} terms). A term is significant when its log-likelihood ratio
 * G² is high enough, it has enough contacts and it is at least three times as common as in the
 * background ({@link nl.waarom.analyzer.emerging.Significance}). Significant terms that occur in
 * the same contacts, or next to the same anchor word, are grouped into candidate reasons
 * ({@link nl.waarom.analyzer.emerging.CandidateFinder}); each gets a rule in the taxonomy's syntax
 * drafted from its terms ({@link nl.waarom.analyzer.emerging.DraftedRule}), and the contacts that
 * rule catches are the candidate's. A candidate with enough contacts becomes an insight
 * ({@link nl.waarom.analyzer.emerging.EmergingInsights}) with id
 * {@code emerging:<sorted two strongest terms joined by +>:<UTC day>}, at most once a day (the
 * emitted ids and what they were about are kept two days with
 * {@link nl.waarom.analyzer.streams.EmittedOnce}, like the other detectors'). {@code app} writes
 * the insights out with those of the other detectors.
 *
 * <p>Only {@code EmergingTopology}, {@code EmergingOptions}, {@code EmergingSettings} and the
 * store/metric names on {@code EmergingDetector} are meant for use outside this package.
 */
package nl.waarom.analyzer.emerging;
