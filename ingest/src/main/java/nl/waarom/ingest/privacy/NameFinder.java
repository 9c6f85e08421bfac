package nl.waarom.ingest.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people's names in free text without being told them: a run of capitalised words (with
 * initials and particles such as "van der", "el", "'t") counts as a name when the words before it
 * say so and the gazetteers agree as far as the context requires.
 *
 * <ul>
 *   <li>After a form of address or an introduction ("meneer", "mevrouw", "dhr.", "Dear",
 *       "Mr", "mijn naam is", "my name is", "u spreekt met", "op naam van") and on the line after
 *       a closing ("Met vriendelijke groet,", "Kind regards,"), any capitalised run is a name, and a
 *       lower-case word is one when it is a known first name or surname ("mijn naam is fatima").
 *   <li>After a greeting, an introduction of one's own ("met", "ik ben", "this is", "hoi",
 *       "dank u"), a relation or role ("mijn zoon", "jullie collega", "monteur") or before
 *       "hier"/"here", the run must contain a known first name or a surname with its particle, or
 *       end in a known surname.
 *   <li>Anywhere else, a known first name followed by a known surname (or initials followed by a
 *       surname) is a name; a single word alone never is.
 * </ul>
 *
 * <p>Runs that are a Dutch place ("Den Haag", "Anna Paulowna") or a word from a short list of
 * brands, months and words that are common names too ("May", "Will", "Mark" alone after a weak
 * cue) are left. Names are redacted whether they are the customer's or the agent's.
 * Immutable and thread-safe.
 */
final class NameFinder {
  private static final Pattern TOKEN = Pattern.compile(
      "(?:\\p{Lu}\\.){1,4}|['’][ts](?![\\p{L}])|\\p{L}+(?:['’-]\\p{L}+)*");
  private static final int CUE_WORDS = 4;
  private static final Pattern AND_CUE = Pattern.compile("(?iu)^\\s+(?:en|and|&)\\s+$");
  private static final Pattern HERE_AFTER = Pattern.compile("(?iu)^,?\\s+(?:hier|here|speaking)"
      + "(?![\\p{L}])");
  private static final int MAX_RUN = 6;

  private final Gazetteers g;

  NameFinder(Gazetteers gazetteers) {
    this.g = gazetteers;
  }

  /** Adds the names found outside claimed text to {@code spans}, claiming them. */
  void find(String text, boolean[] claimed, List<PiiSpan> spans) {
    List<int[]> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      tokens.add(new int[] {m.start(), m.end()});
    }
    int lastEnd = -1;
    for (int i = 0; i < tokens.size(); i++) {
      int start = tokens.get(i)[0];
      if (start < lastEnd || claimed[start]) {
        continue;
      }
      String word = text.substring(start, tokens.get(i)[1]);
      if (!mayStart(word) || NameWords.TITLES.contains(bare(word))) {
        continue;
      }
      Cue cue = cue(text, start, lastEnd >= 0 ? text.substring(lastEnd, start) : null);
      boolean here = i + 1 < tokens.size() && HERE_AFTER.matcher(text.substring(
          tokens.get(i)[1], Math.min(text.length(), tokens.get(i)[1] + 12))).find();
      if (here && cue == Cue.NONE) {
        cue = Cue.WEAK;
      }
      int end = runEnd(text, tokens, i, cue, here, claimed);
      if (end < 0) {
        continue;
      }
      String run = text.substring(start, end);
      String next = nextWord(text, tokens, end);
      if (cue == Cue.NONE && (titleCase(text, tokens, i, next) || afterPlaceWord(text, tokens, i))) {
        continue;
      }
      if (accept(run, next, cue)) {
        spans.add(new PiiSpan(start, end, PiiType.NAME));
        for (int c = start; c < end; c++) {
          claimed[c] = true;
        }
        lastEnd = end;
      }
    }
  }

  /** A cheap test before the context is looked at: most words start no name. */
  private boolean mayStart(String word) {
    return Character.isUpperCase(word.codePointAt(0)) || isParticle(word)
        || (word.length() > 2 && g.firstNames.contains(Gazetteers.fold(word)));
  }

  /** How sure the words before are that a name follows; TITLE is as sure as STRONG, but a
   * lower-case word after a title ("dr pepper") is no name. */
  private enum Cue { NONE, WEAK, TITLE, STRONG }

  private static boolean strong(Cue cue) {
    return cue == Cue.STRONG || cue == Cue.TITLE;
  }

  /**
   * What the words right before {@code start} say about a name there: up to four words, separated
   * from it by spaces, commas or colons only (a line break only after a closing).
   */
  private static Cue cue(String text, int start, String sinceLastName) {
    if (sinceLastName != null && AND_CUE.matcher(sinceLastName).find()) {
      return Cue.STRONG;
    }
    int c = start;
    boolean newline = false;
    while (c > 0 && " \t\n\r,:\u00a0".indexOf(text.charAt(c - 1)) >= 0) {
      newline |= text.charAt(c - 1) == '\n';
      c--;
    }
    StringBuilder phrase = new StringBuilder();
    Cue best = Cue.NONE;
    for (int n = 0; n < CUE_WORDS && c > 0; n++) {
      int end = c;
      while (c > 0 && (Character.isLetter(text.charAt(c - 1)) || ".'’/".indexOf(text.charAt(c - 1))
          >= 0)) {
        c--;
      }
      if (c == end) {
        break;
      }
      String word = text.substring(c, end).toLowerCase(Locale.ROOT).replace('’', '\'');
      phrase.insert(0, n == 0 ? word : word + " ");
      String p = phrase.toString();
      if (p.endsWith(".")) {
        // only a title may end in a full stop ("dhr.", "mr."); else the sentence ended there
        return n == 0 && NameWords.TITLES.contains(p.substring(0, p.length() - 1)) ? Cue.TITLE : best;
      }
      if (n == 0 && NameWords.TITLES.contains(p)) {
        return Cue.TITLE;
      }
      if (newline) {
        if (NameWords.CLOSING_CUES.contains(p)) {
          return Cue.STRONG;
        }
      } else if (NameWords.STRONG_CUES.contains(p)) {
        return Cue.STRONG;
      } else if (NameWords.WEAK_CUES.contains(p)) {
        best = Cue.WEAK;
      }
      if (c == 0 || text.charAt(c - 1) != ' ') {
        break;
      }
      c--;
    }
    return best;
  }

  /**
   * The end of the name run starting at token {@code i}, or -1: initials and capitalised words,
   * particles only between them, words separated by spaces on one line. After a strong cue the
   * first word may be in lower case when it is a known name.
   */
  private int runEnd(String text, List<int[]> tokens, int i, Cue cue, boolean here,
      boolean[] claimed) {
    int end = -1;
    int j = i;
    int count = 0;
    while (j < tokens.size() && count < MAX_RUN) {
      int[] t = tokens.get(j);
      if (claimed[t[0]] || (j > i && !spacesOnly(text, tokens.get(j - 1)[1], t[0]))) {
        break;
      }
      String word = text.substring(t[0], t[1]);
      int particles = particleRun(text, tokens, j, j == i);
      int next = j + particles;
      if (particles > 0 && next < tokens.size()
          && spacesOnly(text, tokens.get(next - 1)[1], tokens.get(next)[0])) {
        String following = text.substring(tokens.get(next)[0], tokens.get(next)[1]);
        String surname = text.substring(t[0], tokens.get(next)[1]);
        if (capitalised(following) && !claimed[tokens.get(next)[0]]
            && ((strong(cue) && (j > i || !isParticle(word)))
                || g.surnames.contains(Gazetteers.fold(surname))
                || g.surnameWords.contains(Gazetteers.fold(following)))) {
          end = tokens.get(next)[1];
          count += particles + 1;
          j = next + 1;
          continue;
        }
      }
      if (particles > 0 && (j > i || word.equals(word.toLowerCase(Locale.ROOT)))) {
        break;
      }
      boolean lowerName = j == i && (cue == Cue.STRONG || here) && isLowerName(word);
      if (!(initials(word) || capitalised(word) || lowerName)) {
        break;
      }
      if (j > i && !strong(cue) && !initials(word) && !known(word)) {
        break;
      }
      end = t[1];
      count++;
      j++;
      if (lowerName) {
        break;
      }
    }
    return end;
  }

  /** How many tokens from {@code j} form a particle ("van", "van der", "in 't"); 0 if none. */
  private int particleRun(String text, List<int[]> tokens, int j, boolean first) {
    int best = 0;
    StringBuilder joined = new StringBuilder();
    for (int k = j; k < Math.min(tokens.size(), j + 3); k++) {
      if (k > j && !spacesOnly(text, tokens.get(k - 1)[1], tokens.get(k)[0])) {
        break;
      }
      String word = text.substring(tokens.get(k)[0], tokens.get(k)[1]);
      boolean lower = word.equals(word.toLowerCase(Locale.ROOT));
      if (!lower && !(first && k == j)) {
        break;
      }
      joined.append(k > j ? " " : "").append(word.toLowerCase(Locale.ROOT).replace('’', '\''));
      if (g.particles.contains(joined.toString())) {
        best = k - j + 1;
      }
    }
    return best;
  }

  private boolean accept(String run, String next, Cue cue) {
    String[] words = run.split("\\s+");
    String folded = Gazetteers.fold(run);
    if (NameWords.NEVER.contains(bare(firstNamed(words))) || NameWords.NOT_NAMES.stream().anyMatch(folded::contains)) {
      return false;
    }
    if (!strong(cue) && (g.places.contains(folded)
        || (next != null && g.places.contains(folded + " " + Gazetteers.fold(next))))) {
      return false;
    }
    int named = 0;
    for (String w : words) {
      if (!initials(w) && !isParticle(w)) {
        named++;
      }
    }
    if (named == 0) {
      return false;
    }
    if (named == 1 && NameWords.NOT_ALONE.contains(Gazetteers.fold(words[words.length - 1])) && !strong(cue)) {
      return false;
    }
    String last = Gazetteers.fold(words[words.length - 1]);
    return switch (cue) {
      case STRONG, TITLE -> true;
      case WEAK -> g.firstNames.contains(Gazetteers.fold(firstNamed(words)))
          || (words.length > 1 && (g.surnames.contains(folded) || g.surnameWords.contains(last)))
          || g.surnames.contains(folded);
      case NONE -> named >= 2 && !NameWords.NOT_ALONE.contains(Gazetteers.fold(firstNamed(words)))
          && (g.firstNames.contains(Gazetteers.fold(firstNamed(words))) || initials(words[0]))
          && (g.surnameWords.contains(last) || g.firstNames.contains(last));
    };
  }

  /** The word right after {@code end} on the same line, or null. */
  private static String nextWord(String text, List<int[]> tokens, int end) {
    for (int[] t : tokens) {
      if (t[0] >= end) {
        return spacesOnly(text, end, t[0]) ? text.substring(t[0], t[1]) : null;
      }
    }
    return null;
  }

  /**
   * Whether the run at token {@code i} is part of a title-cased phrase (a product, a shop, a
   * heading): a capitalised word right before it on the line, not starting a sentence, or
   * capitalised words joined by "and"; or a capitalised word right after it.
   */
  private static boolean titleCase(String text, List<int[]> tokens, int i, String next) {
    if (next != null && capitalised(next)) {
      return true;
    }
    for (int k = i - 1, hops = 0; k >= 0 && hops < 2; k--, hops++) {
      int[] prev = tokens.get(k);
      if (!spacesOnly(text, prev[1], tokens.get(k + 1)[0])) {
        return false;
      }
      String word = text.substring(prev[0], prev[1]);
      if (capitalised(word) && !sentenceStart(text, prev[0])) {
        return true;
      }
      if (!NameWords.AND.contains(word.toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return false;
  }

  /** Whether the word before token {@code i} is one that places follow ("in", "naar", "from"). */
  private static boolean afterPlaceWord(String text, List<int[]> tokens, int i) {
    if (i == 0 || !spacesOnly(text, tokens.get(i - 1)[1], tokens.get(i)[0])) {
      return false;
    }
    int[] prev = tokens.get(i - 1);
    return NameWords.PLACE_WORDS.contains(text.substring(prev[0], prev[1]).toLowerCase(Locale.ROOT));
  }

  private static boolean sentenceStart(String text, int at) {
    for (int c = at - 1; c >= 0; c--) {
      char ch = text.charAt(c);
      if (!Character.isWhitespace(ch)) {
        return ch == '.' || ch == '!' || ch == '?' || ch == ':' || ch == '"';
      }
      if (ch == '\n') {
        return true;
      }
    }
    return true;
  }

  /** A particle written in lower case: "van", "de" (a capitalised "Van" or "Ben" may be a name). */
  private boolean isParticle(String word) {
    return word.equals(word.toLowerCase(Locale.ROOT)) && g.particles.contains(Gazetteers.fold(word));
  }

  private String firstNamed(String[] words) {
    for (String w : words) {
      if (!initials(w) && !isParticle(w)) {
        return w;
      }
    }
    return words[0];
  }

  private boolean known(String word) {
    String f = Gazetteers.fold(word);
    if (g.firstNames.contains(f) || g.surnameWords.contains(f)) {
      return true;
    }
    // double-barrelled: Jansen-Smit, Kaya-Aksoy, Jan-Willem
    for (String part : f.split("-")) {
      if (!g.firstNames.contains(part) && !g.surnameWords.contains(part)) {
        return false;
      }
    }
    return f.contains("-");
  }

  private boolean isLowerName(String word) {
    String f = Gazetteers.fold(word);
    return word.equals(word.toLowerCase(Locale.ROOT)) && word.length() > 2
        && !NameWords.NEVER.contains(f) && !NameWords.NOT_ALONE.contains(f) && g.firstNames.contains(f);
  }

  private static boolean spacesOnly(String text, int from, int to) {
    for (int c = from; c < to; c++) {
      char ch = text.charAt(c);
      if (ch != ' ' && ch != '\t' && ch != '\u00a0') {
        return false;
      }
    }
    return to > from || text.charAt(from - 1) == '.';
  }

  private static boolean capitalised(String word) {
    return word.length() >= 2 && Character.isUpperCase(word.codePointAt(0))
        && !word.equals(word.toUpperCase(Locale.ROOT));
  }

  private static boolean initials(String word) {
    return word.length() >= 2 && word.endsWith(".") && Character.isUpperCase(word.charAt(0));
  }

  private static String bare(String word) {
    return word.toLowerCase(Locale.ROOT).replace(".", "");
  }

}
