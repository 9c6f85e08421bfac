package nl.waarom.analyzer.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.monitor.MultipassTermFilteredPresearcher;
import org.apache.lucene.monitor.Presearcher;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.apache.lucene.search.Query;

/**
 * Which rules a contact can possibly match: the Lucene monitor's presearch, with the same
 * presearcher choosing each rule's terms, but looked up in a hash map instead of searched for in
 * an index of the rules. The monitor turns the contact's terms into one large boolean query over
 * that index (a term query for every distinct word of every field, twice for its two passes) and
 * runs it per contact: measured as the largest single cost of classifying a contact. Here each
 * rule's terms are read once, when the rules are registered, into a map from field and term to
 * rules; a contact's analysed terms are looked up in it, before (and often instead of) indexing
 * the contact.
 *
 * <p>The selection is the monitor's: with {@link #PASSES} passes the presearcher indexes every
 * rule under a set of terms per pass (each set such that a matching contact must contain one of
 * them), and a rule is a candidate when the contact contains a term of every pass, or always when
 * the presearcher cannot filter it. Immutable after construction, thread-safe.
 */
final class RuleCandidates {
  /** Two passes select on two terms per rule where it has them (see {@link RuleIndex}). */
  static final int PASSES = 2;
  private static final int ALL_PASSES = (1 << PASSES) - 1;

  private final Presearcher presearcher = new MultipassTermFilteredPresearcher(PASSES);
  /** field, term: the rules indexed under it, each as {@code rule * PASSES + pass}. */
  private final Map<String, Map<String, int[]>> postings = new HashMap<>();
  private final List<Integer> unfiltered = new ArrayList<>();
  private final int rules;

  /** @param queries the rules to select from, numbered by their position */
  RuleCandidates(List<Query> queries) {
    this.rules = queries.size();
    Map<String, Map<String, List<Integer>>> lists = new HashMap<>();
    for (int rule = 0; rule < queries.size(); rule++) {
      Document indexed = presearcher.indexQuery(queries.get(rule), Map.of());
      for (IndexableField field : indexed) {
        String name = field.name();
        if (name.equals(TermFilteredPresearcher.ANYTOKEN_FIELD)) {
          if (!unfiltered.contains(rule)) {
            unfiltered.add(rule);
          }
          continue;
        }
        int pass = pass(name);
        if (pass < 0) {
          continue; // the unsuffixed copy the monitor keeps for its own bookkeeping
        }
        String base = name.substring(0, name.lastIndexOf('_'));
        for (String term : terms(field)) {
          lists.computeIfAbsent(base, f -> new HashMap<>())
              .computeIfAbsent(term, t -> new ArrayList<>())
              .add(rule * PASSES + pass);
        }
      }
    }
    lists.forEach((field, terms) -> {
      Map<String, int[]> byTerm = new HashMap<>();
      terms.forEach((term, list) ->
          byTerm.put(term, list.stream().mapToInt(Integer::intValue).toArray()));
      postings.put(field, byTerm);
    });
  }

  /** The pass of a field the presearcher suffixed with {@code _n}; -1 for any other field. */
  private static int pass(String field) {
    int underscore = field.lastIndexOf('_');
    if (underscore < 0 || underscore == field.length() - 1) {
      return -1;
    }
    int pass = 0;
    for (int i = underscore + 1; i < field.length(); i++) {
      char c = field.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      pass = pass * 10 + c - '0';
    }
    return pass < PASSES ? pass : -1;
  }

  private static List<String> terms(IndexableField field) {
    List<String> terms = new ArrayList<>();
    try (TokenStream stream = field.tokenStream(null, null)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read a rule's presearch terms", e);
    }
    return terms;
  }

  /**
   * The rules the contact can match, in ascending order: those with a term of every pass among
   * the contact's terms, and those the presearcher cannot filter. The contact's terms per field
   * are those its document would index ({@link ContactText#document}): the analysed terms of the
   * text fields, the anchors of {@link PrefixAnchors}, the channel and the language.
   */
  int[] select(ContactText text, Language language, Set<String> anchors, Set<String> starts) {
    byte[] passes = new byte[rules];
    postings.forEach((field, byTerm) -> {
      java.util.function.Consumer<String> mark = term -> {
        int[] hits = byTerm.get(term);
        if (hits != null) {
          for (int hit : hits) {
            passes[hit / PASSES] |= (byte) (1 << (hit % PASSES));
          }
        }
      };
      switch (field) {
        case PrefixAnchors.FIELD -> text.prefixes(anchors, starts).forEach(mark);
        case Fields.CHANNEL -> mark.accept(text.channel());
        case Fields.LANG -> mark.accept(language.code());
        default -> text.forEachTerm(field, mark);
      }
    });
    for (int rule : unfiltered) {
      passes[rule] = ALL_PASSES;
    }
    int count = 0;
    for (byte p : passes) {
      count += p == ALL_PASSES ? 1 : 0;
    }
    int[] selected = new int[count];
    for (int rule = 0, i = 0; rule < rules; rule++) {
      if (passes[rule] == ALL_PASSES) {
        selected[i++] = rule;
      }
    }
    return selected;
  }
}
