package nl.waarom.analyzer.classify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.waarom.taxonomy.RuleCheck;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.flexible.core.QueryNodeException;
import org.apache.lucene.queryparser.flexible.standard.StandardQueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Parses a rule into a query over the contact fields, with Lucene's standard query parser: terms,
 * phrases, unordered proximity ({@code "payment link"~3}), boolean logic, wildcards, fields, and
 * interval functions for ordered proximity with gaps
 * ({@code fn:maxgaps(3 fn:ordered(payment link))}). Rejects rules that do not parse, rules that
 * name a field that does not exist and keyword values that do not exist ({@code channel:fax}),
 * since such a rule would silently never match.
 */
public final class RuleParser {
  private final Analyzer analyzer;

  /** @param analyzer the rule analysis of one language ({@link ContactAnalyzer#forRules}) */
  public RuleParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A check for the taxonomy loader, with the same parser the classifier uses. */
  public static RuleCheck check() {
    RuleParser parser = new RuleParser(ContactAnalyzer.forRules(Language.EN));
    return parser::parse;
  }

  /**
   * @throws IllegalArgumentException with the parser's reason, or naming the unknown field
   */
  public Query parse(String rule) {
    return parse(rule, new HashSet<>());
  }

  /** Parses, and adds the fields the rule searches to {@code fieldsUsed}. */
  Query parse(String rule, Set<String> fieldsUsed) {
    Query query;
    try {
      // Not thread-safe and cheap to create: one per rule.
      StandardQueryParser parser = new StandardQueryParser(analyzer);
      parser.setAllowLeadingWildcard(false); // a leading wildcard would be a candidate for every contact
      query = parser.parse(rule, Fields.ANY);
    } catch (QueryNodeException | RuntimeException e) {
      throw new IllegalArgumentException(firstLine(e.getMessage()), e);
    }
    Set<String> fields = new HashSet<>();
    List<Term> keywords = new ArrayList<>();
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }

      @Override
      public void consumeTerms(Query q, Term... terms) {
        keywords.addAll(List.of(terms));
      }

      @Override
      public QueryVisitor getSubVisitor(BooleanClause.Occur occur, Query parent) {
        return this;
      }
    });
    fieldsUsed.addAll(fields);
    fields.removeAll(Fields.ALL);
    if (!fields.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown field " + fields + "; rules may search " + Fields.ALL);
    }
    for (Term t : keywords) {
      Set<String> allowed = Fields.KEYWORD_VALUES.get(t.field());
      if (allowed != null && !allowed.contains(t.text())) {
        throw new IllegalArgumentException("unknown value " + t.field() + ":" + t.text()
            + "; " + t.field() + " is one of " + allowed);
      }
    }
    return query;
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
