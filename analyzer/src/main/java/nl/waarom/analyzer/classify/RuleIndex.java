package nl.waarom.analyzer.classify;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.TaxonomyException;
import nl.waarom.schemas.Contact;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.monitor.QueryDecomposer;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Every rule, analysed for one language, decomposed and selectable as the Lucene monitor does it
 * ({@link RuleCandidates}); and the analysis of contacts in that language. Thread-safe.
 */
final class RuleIndex implements Closeable {
  private final Language language;
  private final Analyzer contactAnalyzer;
  /** The rules' ids ({@code reasonId#n}) and queries, a disjunctive rule once per part. */
  private final List<String> ids = new ArrayList<>();
  private final List<Query> queries = new ArrayList<>();
  /** The same, rewritten once (wildcards as constant-score multi-term queries) for matching. */
  private final List<Query> rewritten = new ArrayList<>();
  /** The fields each rule (part) reads. */
  private final List<Set<String>> fields = new ArrayList<>();
  private final RuleCandidates candidates;
  private final Set<String> fieldsUsed = new HashSet<>();
  private final Set<String> anchors = new HashSet<>();
  private final Set<String> anchorStarts;
  private final Specificity specificity;
  /**
   * Each thread's in-memory index of the contact it classifies, reset and reused: its buffers
   * are recycled instead of allocated per contact. Offsets are stored (evidence needs them).
   */
  private final ThreadLocal<MemoryIndex> memory = ThreadLocal.withInitial(
      () -> new MemoryIndex(true, false));

  /** The rules that matched a contact, and the rules that failed on it by id (normally none). */
  record Matches(Collection<EvidenceMatch> matches, Map<String, Exception> errors) {}

  RuleIndex(Language language, List<Reason> reasons, CharArraySet compounds) {
    this.language = language;
    this.contactAnalyzer = ContactAnalyzer.forContacts(language, compounds);
    RuleParser parser = new RuleParser(ContactAnalyzer.forRules(language));
    // As the monitor does: a rule whose top level is a disjunction is matched part by part, so
    // each part is selected on its own terms; the parts' evidence is merged.
    QueryDecomposer decomposer = new QueryDecomposer();
    Map<String, List<Query>> parsed = new HashMap<>();
    for (Reason reason : reasons) {
      for (int i = 0; i < reason.rules().size(); i++) {
        String rule = reason.rules().get(i);
        try {
          Set<String> ruleFields = new HashSet<>();
          Query query = parser.parse(rule, ruleFields);
          fieldsUsed.addAll(ruleFields);
          parsed.computeIfAbsent(reason.id(), k -> new ArrayList<>()).add(query);
          for (Query part : decomposer.decompose(PrefixAnchors.anchor(query, anchors))) {
            ids.add(reason.id() + "#" + (i + 1));
            queries.add(part);
            fields.add(Set.copyOf(ruleFields));
          }
        } catch (IllegalArgumentException e) {
          throw new TaxonomyException(reason.id(), "rule '" + rule + "' does not parse: "
              + e.getMessage(), e);
        }
      }
    }
    this.specificity = new Specificity(reasons, parsed, contactAnalyzer);
    this.candidates = new RuleCandidates(queries);
    this.anchorStarts = PrefixAnchors.starts(anchors);
    // Rewriting does not depend on the contact (a wildcard becomes a query that expands itself
    // against the contact's terms when it is matched), so it is done once here, not per contact.
    IndexSearcher empty = new MemoryIndex().createSearcher();
    try {
      for (Query query : queries) {
        rewritten.add(empty.rewrite(query));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot rewrite the rules", e);
    }
  }

  /** How specific each word is for the reasons, in this language. */
  Specificity specificity() {
    return specificity;
  }

  /** Analyses the contact (each turn once) in this index's language. */
  ContactText analyse(Contact contact) {
    return ContactText.of(contact, contactAnalyzer);
  }

  /**
   * The rules that match, with the offsets of what they matched. The presearch selects the rules
   * the contact can match from its analysed terms; only when there are such rules is the contact
   * indexed in memory (with offsets), with just the fields those rules
   * read, and each of them tried on it.
   */
  Matches match(ContactText text) {
    int[] selected = candidates.select(text, language, anchors, anchorStarts);
    if (selected.length == 0) {
      return new Matches(List.of(), Map.of());
    }
    Set<String> read = new HashSet<>();
    for (int rule : selected) {
      read.addAll(fields.get(rule));
    }
    MemoryIndex index = memory.get();
    index.reset();
    for (IndexableField field : text.document(language, read.isEmpty() ? fieldsUsed : read)) {
      index.addField(field, contactAnalyzer);
    }
    index.freeze();
    IndexSearcher searcher = new IndexSearcher(index.createSearcher().getIndexReader());
    searcher.setQueryCache(null); // one document: nothing worth caching
    EvidenceMatcher matcher = new EvidenceMatcher(searcher);
    Map<String, EvidenceMatch> matches = new HashMap<>();
    Map<String, Exception> errors = new HashMap<>();
    for (int rule : selected) {
      String id = ids.get(rule);
      try {
        EvidenceMatch match = matcher.match(id, rewritten.get(rule));
        if (match != null) {
          matches.merge(id, match, (earlier, later) -> later.merge(earlier));
        }
      } catch (IOException | RuntimeException e) {
        errors.put(id, e);
      }
    }
    return new Matches(matches.values(), errors);
  }

  @Override
  public void close() {
    // nothing held outside the heap since the rules are no longer in a monitor's index
  }
}
