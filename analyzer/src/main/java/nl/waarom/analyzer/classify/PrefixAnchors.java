package nl.waarom.analyzer.classify;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.WildcardQuery;

/**
 * Keeps wildcard rules from being tried on every contact. The monitor's presearcher cannot index
 * a wildcard term, so a rule part like {@code betaal*} is a candidate for every document, and
 * trying it costs a term-dictionary walk. Here each such part is anchored on its literal start,
 * {@link #SHORT} to {@link #LONG} letters: the presearcher sees the term {@code wrm_prefix:betaal}
 * for {@code betaal*}, and each contact offers, in that hidden field, those starts of its words
 * that are some rule's anchor ({@link RuleCandidates}). (Six letters, not four: measured 10-40 % more contacts/s, because
 * four-letter starts such as {@code teru} or {@code verh} occur in nearly every Dutch contact.) A rule part is then tried only on contacts that have a word starting like it. Matching
 * itself is unchanged: the anchor rewrites to the wildcard query.
 */
final class PrefixAnchors {
  /** Hidden field: no rule can name it (it is not in {@link Fields#ALL}). */
  static final String FIELD = "wrm_prefix";
  static final int SHORT = 3;
  static final int LONG = 6;

  private PrefixAnchors() {}

  /**
   * The query with every prefix or wildcard part of at least three literal letters anchored; the
   * anchor texts are added to {@code anchors}.
   */
  static Query anchor(Query query, Set<String> anchors) {
    if (query instanceof BooleanQuery bool) {
      BooleanQuery.Builder builder = new BooleanQuery.Builder()
          .setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause clause : bool.clauses()) {
        builder.add(anchor(clause.query(), anchors), clause.occur());
      }
      return builder.build();
    }
    if (query instanceof BoostQuery boost) {
      return new BoostQuery(anchor(boost.getQuery(), anchors), boost.getBoost());
    }
    String literal = query instanceof PrefixQuery p ? p.getPrefix().text()
        : query instanceof WildcardQuery w ? literalStart(w.getTerm().text()) : "";
    // keyword fields (channel:, lang:) are not in the anchors: leave their wildcards alone
    boolean text = query instanceof PrefixQuery p ? Fields.TEXT.contains(p.getField())
        : query instanceof WildcardQuery w && Fields.TEXT.contains(w.getField());
    if (literal.length() < SHORT || !text) {
      return query;
    }
    String anchor = literal.substring(0, Math.min(LONG, literal.length()));
    anchors.add(anchor);
    return new Anchored(query, new Term(FIELD, anchor));
  }

  /** The first {@link #SHORT} letters of each anchor. */
  static Set<String> starts(Set<String> anchors) {
    Set<String> starts = new HashSet<>();
    for (String anchor : anchors) {
      starts.add(anchor.substring(0, SHORT));
    }
    return starts;
  }

  private static String literalStart(String pattern) {
    int i = 0;
    while (i < pattern.length() && "*?\\".indexOf(pattern.charAt(i)) < 0) {
      i++;
    }
    return pattern.substring(0, i);
  }

  /**
   * The 3- to 6-letter starts of the contact's analysed terms that are the anchor of some rule
   * (the others could only make the presearch's work larger). {@code starts}: the first
   * {@link #SHORT} letters of every anchor ({@link #starts}).
   */
  static Set<String> prefixes(TurnTokens[] turns, Set<String> anchors, Set<String> starts) {
    Set<String> prefixes = new HashSet<>();
    for (TurnTokens turn : turns) {
      for (int i = 0; turn != null && i < turn.size(); i++) {
        String term = turn.term(i);
        if (term.length() < SHORT || !starts.contains(term.substring(0, SHORT))) {
          continue; // most words start like no anchor: one look-up instead of four
        }
        for (int length = SHORT; length <= LONG && length <= term.length(); length++) {
          String prefix = term.substring(0, length);
          if (anchors.contains(prefix)) {
            prefixes.add(prefix);
          }
        }
      }
    }
    return prefixes;
  }

  /** A wildcard query that the presearcher sees as its anchor term. */
  static final class Anchored extends Query {
    private final Query wildcard;
    private final Term anchor;

    Anchored(Query wildcard, Term anchor) {
      this.wildcard = wildcard;
      this.anchor = anchor;
    }

    @Override
    public Query rewrite(IndexSearcher searcher) {
      return wildcard;
    }

    @Override
    public void visit(QueryVisitor visitor) {
      if (visitor.acceptField(anchor.field())) {
        visitor.consumeTerms(this, anchor);
      }
    }

    @Override
    public String toString(String field) {
      return wildcard.toString(field);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Anchored a && a.wildcard.equals(wildcard) && a.anchor.equals(anchor);
    }

    @Override
    public int hashCode() {
      return Objects.hash(wildcard, anchor);
    }
  }
}
