package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.monitor.QueryMatch;

/** A matched rule with the character ranges, per field, of what it matched. */
final class EvidenceMatch extends QueryMatch {
  /** One matched term or phrase: offsets in the field, not yet in a turn. */
  record Hit(String field, int start, int end) {}

  private final List<Hit> hits;

  EvidenceMatch(String queryId, List<Hit> hits) {
    super(queryId);
    this.hits = List.copyOf(hits);
  }

  List<Hit> hits() {
    return hits;
  }

  /** Both matches' hits; the monitor matches each part of a disjunctive rule separately. */
  EvidenceMatch merge(EvidenceMatch other) {
    List<Hit> all = new ArrayList<>(hits);
    all.addAll(other.hits);
    return new EvidenceMatch(getQueryId(), all);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EvidenceMatch m && m.getQueryId().equals(getQueryId()) && m.hits.equals(hits);
  }

  @Override
  public int hashCode() {
    return getQueryId().hashCode() * 31 + hits.hashCode();
  }
}
