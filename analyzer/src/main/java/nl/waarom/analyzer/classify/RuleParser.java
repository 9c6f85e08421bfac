package nl.waarom.analyzer.classify;

import java.util.HashSet;
import java.util.Set;
import nl.waarom.analyzer.taxonomy.RuleCheck;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * Parses a rule (Lucene classic query syntax) into a query over the contact fields. Rejects
 * rules that do not parse and rules that name a field that does not exist, since such a rule
 * would silently never match.
 */
public final class RuleParser {
  private final Analyzer analyzer;

  public RuleParser(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** A check for the taxonomy loader that uses the classifier's own analysis. */
  public static RuleCheck check() {
    RuleParser parser = new RuleParser(ContactAnalyzer.perField());
    return parser::parse;
  }

  /**
   * @throws IllegalArgumentException with the parser's reason, or naming the unknown field
   */
  public Query parse(String rule) {
    Query query;
    try {
      // QueryParser is not thread-safe and cheap to create: one per rule.
      query = new QueryParser(Fields.TEXT, analyzer).parse(rule);
    } catch (ParseException e) {
      throw new IllegalArgumentException(firstLine(e.getMessage()), e);
    }
    Set<String> fields = new HashSet<>();
    query.visit(new QueryVisitor() {
      @Override
      public boolean acceptField(String field) {
        fields.add(field);
        return true;
      }

      @Override
      public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur,
          Query parent) {
        return this;
      }
    });
    fields.removeAll(Fields.ALL);
    if (!fields.isEmpty()) {
      throw new IllegalArgumentException(
          "unknown field " + fields + "; rules may search " + Fields.ALL);
    }
    return query;
  }

  private static String firstLine(String message) {
    int nl = message == null ? -1 : message.indexOf('\n');
    return nl < 0 ? String.valueOf(message) : message.substring(0, nl);
  }
}
