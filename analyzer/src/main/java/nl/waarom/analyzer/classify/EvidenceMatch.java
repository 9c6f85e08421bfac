package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.monitor.QueryMatch;

/**
 * A matched rule with the character ranges, per field, of what it matched. Hits of one match of a
 * phrase or proximity part share a {@code group}, so the words a rule asked for together can be
 * weighed together ({@link Specificity}).
 */
final class EvidenceMatch extends QueryMatch {
  /**
   * One matched term or phrase: offsets in the field, not yet in a turn. {@code group} numbers the
   * rule's matches: the terms of one proximity match share it.
   */
  record Hit(String field, int start, int end, int group) {}

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
    int next = hits.stream().mapToInt(Hit::group).max().orElse(-1) + 1;
    for (Hit h : other.hits) { // keep the other's groups apart from ours
      all.add(new Hit(h.field(), h.start(), h.end(), next + h.group()));
    }
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
