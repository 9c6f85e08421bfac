package nl.waarom.analyzer.classify;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import nl.waarom.analyzer.taxonomy.Reason;
import nl.waarom.analyzer.taxonomy.Taxonomy;
import nl.waarom.analyzer.taxonomy.TaxonomyException;
import nl.waarom.schemas.Contact;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.HighlightsMatch;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Classifies contacts into the reasons of one taxonomy by matching every rule against the
 * contact with a Lucene {@link Monitor}. Thread-safe: one instance serves every stream thread.
 * Close it to release the monitor's index.
 */
public final class Classifier implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Classifier.class);

  private final Taxonomy taxonomy;
  private final Monitor monitor;
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Registers every rule of the taxonomy.
   *
   * @throws TaxonomyException naming the reason whose rule does not parse
   */
  public Classifier(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
    Analyzer analyzer = ContactAnalyzer.perField();
    RuleParser parser = new RuleParser(analyzer);
    List<MonitorQuery> queries = new ArrayList<>();
    for (Reason reason : taxonomy.reasons()) {
      for (int i = 0; i < reason.rules().size(); i++) {
        String rule = reason.rules().get(i);
        try {
          queries.add(new MonitorQuery(reason.id() + "#" + (i + 1), parser.parse(rule), rule,
              Map.of()));
        } catch (IllegalArgumentException e) {
          throw new TaxonomyException(reason.id(), "rule '" + rule + "' does not parse: "
              + e.getMessage(), e);
        }
      }
    }
    try {
      this.monitor = new Monitor(analyzer);
      monitor.register(queries);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build the rule index", e);
    }
  }

  /** The taxonomy this classifier applies; never null. */
  public Taxonomy taxonomy() {
    return taxonomy;
  }

  /** Classifies one contact; never null. A contact without text is unexplained. */
  public Classification classify(Contact contact) {
    ContactText text = ContactText.of(contact);
    if (text.isEmpty()) {
      return new Classification(List.of());
    }
    MatchingQueries<HighlightsMatch> matches;
    try {
      matches = monitor.match(text.document(), HighlightsMatch.MATCHER);
    } catch (IOException e) {
      throw new UncheckedIOException("rule matching failed for contact " + contact.getContactId(), e);
    }
    if (!matches.getErrors().isEmpty()) {
      LOG.warn("rules failed on contact {}: {}", contact.getContactId(), matches.getErrors());
    }
    Map<String, List<HighlightsMatch>> byReason = new TreeMap<>();
    for (HighlightsMatch m : matches.getMatches()) {
      String reasonId = m.getQueryId().substring(0, m.getQueryId().lastIndexOf('#'));
      byReason.computeIfAbsent(reasonId, k -> new ArrayList<>()).add(m);
    }
    List<ReasonScore> scores = new ArrayList<>();
    byReason.forEach((reasonId, hits) -> scores.add(score(reasonId, hits, text)));
    scores.sort(Comparator.comparingInt(ReasonScore::matchedRules).reversed()
        .thenComparing(Comparator.comparingInt((ReasonScore s) -> s.evidence().size()).reversed())
        .thenComparingInt(s -> taxonomy.rank(s.reasonId())));
    return new Classification(scores);
  }

  private static ReasonScore score(String reasonId, List<HighlightsMatch> hits, ContactText text) {
    TreeSet<EvidenceSpan> evidence = new TreeSet<>();
    for (HighlightsMatch match : hits) {
      match.getHits().forEach((field, fieldHits) -> fieldHits.forEach(hit ->
          text.locate(field, hit.startOffset(), hit.endOffset()).ifPresent(evidence::add)));
    }
    // The same word is often found through the text field and a speaker field: keep it once.
    return new ReasonScore(reasonId, ReasonScore.ruleConfidence(hits.size()), hits.size(),
        List.copyOf(evidence));
  }

  @Override
  public void close() {
    if (closed.getAndSet(true)) {
      return;
    }
    try {
      monitor.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the rule index", e);
    }
  }
}
