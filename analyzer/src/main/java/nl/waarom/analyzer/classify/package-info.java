/**
 * Classification of contacts into taxonomy reasons by rules, with Lucene's monitor module (the
 * "reverse search" approach: the rules are the index, each contact is a query against them).
 *
 * <p><b>Rules.</b> Every rule of every reason is parsed with Lucene's standard query parser
 * ({@link nl.waarom.analyzer.classify.RuleParser}; phrases, proximity, {@code fn:} interval
 * functions for ordered proximity, booleans, wildcards, fields) and registered as one
 * {@link org.apache.lucene.monitor.MonitorQuery} with id {@code reasonId#n}. There is one monitor
 * per language ({@code RuleIndex}), because a rule must be analysed like the contacts it is
 * matched against. The syntax is documented for taxonomy authors in {@code docs/taxonomy.md}.
 *
 * <p><b>Contacts.</b> The contact's language is taken from the record or detected
 * ({@link nl.waarom.analyzer.classify.LanguageDetector}). Each turn is analysed once
 * ({@link nl.waarom.analyzer.classify.ContactAnalyzer}: Dutch or English stemming, Dutch compound
 * splitting); the fields {@code any}, {@code customer}, {@code agent} and {@code first} replay the
 * tokens of their turns, each turn with its own offset range and a position gap, so phrases never
 * match across turns and every offset maps back to a turn. Only fields that some rule searches
 * are indexed. {@code channel} and {@code lang} are keyword fields.
 *
 * <p><b>Speed.</b> The monitor's presearcher only tries rules whose terms occur in the contact;
 * wildcard parts, which it cannot index, are anchored on their first letters
 * ({@code PrefixAnchors}). A tried rule is first tested with its scorer; only a rule that matches
 * pays for the Matches API that yields evidence ({@code EvidenceMatcher}).
 * {@link nl.waarom.analyzer.classify.ClassifierBenchmark} measures the throughput.
 *
 * <p><b>Scoring</b> is deliberately simple: reasons are ranked by the number of their rules that
 * matched, then by the amount of evidence, then by their position in the taxonomy; the output is a
 * list of rule-based {@link nl.waarom.analyzer.classify.ReasonScore}s for a learned model to be
 * combined with. The {@link nl.waarom.analyzer.classify.Classifier} is a
 * {@link java.io.Closeable} facade, safe to share between stream threads;
 * {@link nl.waarom.analyzer.classify.ClassifierSource} holds the one in force and swaps it when
 * the taxonomy file changes.
 *
 * <p>{@link nl.waarom.analyzer.classify.ClassifyProcessor} is the Kafka Streams step that decodes a
 * contact, classifies it with the classifier in force, and turns any failure into a dead letter.
 */
package nl.waarom.analyzer.classify;
