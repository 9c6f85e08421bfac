/**
 * Classification of contacts into taxonomy reasons with Lucene's monitor module (the "reverse
 * search" approach: the rules are the index, each contact is a query against them).
 *
 * <p>Every rule of every reason is registered as one {@link org.apache.lucene.monitor.MonitorQuery}
 * with id {@code reasonId#n}. A contact becomes one in-memory document with three fields:
 * {@code text} (all turns), {@code customer} (the customer's turns) and {@code agent} (the agent's
 * turns); rules without a field prefix search {@code text}. Within a field the turns are
 * concatenated with a boundary marker that {@link nl.waarom.analyzer.classify.ContactAnalyzer}
 * turns into a large position gap, so phrases and proximity rules never match across two turns.
 * Highlights ({@link org.apache.lucene.monitor.HighlightsMatch}) give the character offsets of
 * each matched term in the concatenated field; {@link nl.waarom.analyzer.classify.ContactText}
 * maps them back to the turn and to offsets into that turn's own text, which is the evidence the
 * board shows.
 *
 * <p>Scoring is deliberately simple for now: reasons are ranked by the number of their rules that
 * matched, then by the number of matched terms, then by their position in the taxonomy. The
 * {@link nl.waarom.analyzer.classify.Classifier} is a {@link java.io.Closeable} facade over the
 * monitor and is safe to share between stream threads.
 *
 * <p>{@link nl.waarom.analyzer.classify.ClassifyProcessor} is the Kafka Streams step that decodes a
 * contact, classifies it, and turns any failure into a dead letter.
 */
package nl.waarom.analyzer.classify;
