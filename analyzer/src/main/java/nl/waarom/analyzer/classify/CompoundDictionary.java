package nl.waarom.analyzer.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.Taxonomy;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;

/**
 * The words Dutch compounds are split into: every plain word of the taxonomy's rules (so a rule
 * on {@code link} finds {@code betaallink}) plus a curated list of common Dutch compound parts
 * shipped as {@value #RESOURCE}. Words shorter than {@link CompoundSplitFilter#MIN_HEAD} never
 * split anything.
 */
final class CompoundDictionary {
  static final String RESOURCE = "/taxonomy/dutch-compound-parts.txt";
  /** A plain word in a rule: letters only, not followed by a wildcard, a colon or a parenthesis. */
  private static final Pattern WORD = Pattern.compile("(?<![\\p{L}*?:])(\\p{L}+)(?![\\p{L}*?:(])");
  private static final java.util.Set<String> OPERATORS = java.util.Set.of("and", "or", "not");

  private CompoundDictionary() {}

  static CharArraySet of(Taxonomy taxonomy) {
    CharArraySet words = new CharArraySet(1024, false);
    readCurated(words);
    for (Reason reason : taxonomy.reasons()) {
      for (String rule : reason.rules()) {
        Matcher m = WORD.matcher(rule);
        while (m.find()) {
          add(words, m.group(1));
        }
      }
    }
    return CharArraySet.unmodifiableSet(words);
  }

  private static void readCurated(CharArraySet words) {
    try (InputStream in = CompoundDictionary.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          add(words, word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  private static void add(CharArraySet words, String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT);
    if (w.length() < CompoundSplitFilter.MIN_HEAD || OPERATORS.contains(w)) {
      return;
    }
    char[] folded = new char[w.length() * 4];
    int length = ASCIIFoldingFilter.foldToASCII(w.toCharArray(), 0, folded, 0, w.length());
    words.add(new String(folded, 0, length));
  }
}
