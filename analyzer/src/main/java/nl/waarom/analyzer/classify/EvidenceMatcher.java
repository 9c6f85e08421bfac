package nl.waarom.analyzer.classify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.Weight;

/**
 * Matches one candidate rule against the contact in two steps: a cheap test with the rule's scorer
 * (most candidates the presearcher lets through do not match), and only for a match the Matches
 * API, which gives the offsets of every matched term or phrase. Unlike the monitor's
 * {@code HighlightsMatch}, no highlighting work is done for rules that do not match. One per
 * contact, like the searcher it wraps.
 */
final class EvidenceMatcher {
  private static final int DOC = 0; // the contact is the only document of the in-memory index

  private final IndexSearcher searcher;

  EvidenceMatcher(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * The rule's match with its evidence; null when it does not match. {@code rewritten} is the
   * rule as {@link IndexSearcher#rewrite} leaves it (done once per rule, see {@link RuleIndex}).
   */
  EvidenceMatch match(String queryId, Query rewritten) throws IOException {
    Weight weight = searcher.createWeight(rewritten, ScoreMode.COMPLETE_NO_SCORES, 1f);
    LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
    if (!matches(weight, leaf)) {
      return null;
    }
    Matches matches = weight.matches(leaf, DOC);
    List<EvidenceMatch.Hit> hits = new ArrayList<>();
    if (matches != null) {
      int group = 0;
      for (String field : matches) {
        MatchesIterator it = matches.getMatches(field);
        while (it != null && it.next()) {
          MatchesIterator terms = it.getSubMatches(); // an interval's terms, else null
          if (terms == null) {
            add(hits, field, it, group);
          } else {
            while (terms.next()) {
              add(hits, field, terms, group);
            }
          }
          group++;
        }
      }
    }
    return new EvidenceMatch(queryId, hits);
  }

  private static boolean matches(Weight weight, LeafReaderContext leaf) throws IOException {
    ScorerSupplier supplier = weight.scorerSupplier(leaf);
    if (supplier == null) {
      return false;
    }
    Scorer scorer = supplier.get(1);
    TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
    DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
    return docs.nextDoc() == DOC && (twoPhase == null || twoPhase.matches());
  }

  private static void add(List<EvidenceMatch.Hit> hits, String field, MatchesIterator it,
      int group) throws IOException {
    if (it.startOffset() >= 0) {
      hits.add(new EvidenceMatch.Hit(field, it.startOffset(), it.endOffset(), group));
    }
  }
}
