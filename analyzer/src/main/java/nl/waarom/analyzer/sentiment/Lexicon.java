package nl.waarom.analyzer.sentiment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import nl.waarom.analyzer.model.LongIntMap;
import nl.waarom.analyzer.model.NgramFeatures;

/**
 * The hand-written sentiment lexicon ({@code lexicon.txt} next to this class): words that carry
 * sentiment in customer-service conversations in Dutch and English, and the words that change
 * them (negations, intensifiers, softeners, contrasts). The file's header documents the format.
 *
 * <p>Terms are looked up by hash, without building a string per word: one pass over the word's
 * characters gives the hash of every prefix, so a stem entry ({@code teleurstel*}) costs one probe
 * per prefix length. Immutable and thread-safe.
 */
final class Lexicon {
  /** What an entry does. */
  enum Kind { POSITIVE, NEGATIVE, NEGATE, INTENSIFY, SOFTEN, CONTRAST }

  /** The result of {@link #find} for a word that is not in the lexicon. */
  static final int NONE = -1;
  static final String RESOURCE = "lexicon.txt";

  private static final long SEED = 0x27d4eb2f165667c5L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private final LongIntMap exact;
  private final LongIntMap stems;
  private final int shortestStem;
  private final Kind[] kinds;
  private final float[] weights;

  private Lexicon(LongIntMap exact, LongIntMap stems, int shortestStem, List<Kind> kinds,
      List<Float> weights) {
    this.exact = exact;
    this.stems = stems;
    this.shortestStem = shortestStem;
    this.kinds = kinds.toArray(Kind[]::new);
    this.weights = new float[weights.size()];
    for (int i = 0; i < this.weights.length; i++) {
      this.weights[i] = weights.get(i);
    }
  }

  /** The lexicon that ships with Waarom. */
  static Lexicon shipped() {
    try (InputStream in = Lexicon.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("sentiment lexicon " + RESOURCE + " is not on the class path");
      }
      return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a lexicon in the format of {@code lexicon.txt}.
   *
   * @throws IllegalArgumentException naming the source and line of the first error
   */
  static Lexicon parse(Reader reader, String source) throws IOException {
    LongIntMap exact = new LongIntMap(1024);
    LongIntMap stems = new LongIntMap(256);
    List<Kind> kinds = new ArrayList<>();
    List<Float> weights = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    int shortest = Integer.MAX_VALUE;
    BufferedReader lines = new BufferedReader(reader);
    int number = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      number++;
      String entry = line.strip();
      if (entry.isEmpty() || entry.startsWith("#")) {
        continue;
      }
      String where = source + ":" + number + ": ";
      String[] field = entry.split("\\s+");
      if (field.length < 2 || field.length > 3) {
        throw new IllegalArgumentException(where + "expected KIND TERM [WEIGHT], got: " + entry);
      }
      Kind kind = kind(field[0], where);
      float weight = field.length == 3 ? weight(field[2], where) : defaultWeight(kind);
      String term = field[1];
      boolean stem = term.endsWith("*");
      String letters = stem ? term.substring(0, term.length() - 1) : term;
      if (letters.isEmpty() || !letters.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))
          || !letters.equals(letters.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException(where + "a term is lower-case ASCII letters and digits "
            + "(optionally ending in *), got: " + term);
      }
      if (!seen.add(letters)) {
        throw new IllegalArgumentException(where + "'" + letters + "' is listed twice");
      }
      kinds.add(kind);
      weights.add(weight);
      long hash = SEED;
      for (int i = 0; i < letters.length(); i++) {
        hash = step(hash, letters.charAt(i));
      }
      (stem ? stems : exact).put(NgramFeatures.mix(hash), kinds.size() - 1);
      if (stem) {
        shortest = Math.min(shortest, letters.length());
      }
    }
    return new Lexicon(exact, stems, shortest, kinds, weights);
  }

  private static Kind kind(String name, String where) {
    return switch (name) {
      case "pos" -> Kind.POSITIVE;
      case "neg" -> Kind.NEGATIVE;
      case "negate" -> Kind.NEGATE;
      case "intensify" -> Kind.INTENSIFY;
      case "soften" -> Kind.SOFTEN;
      case "contrast" -> Kind.CONTRAST;
      default -> throw new IllegalArgumentException(where + "unknown kind '" + name
          + "' (pos, neg, negate, intensify, soften, contrast)");
    };
  }

  private static float weight(String text, String where) {
    try {
      float w = Float.parseFloat(text);
      if (w > 0 && w <= 3) {
        return w;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(where + "weight must be a number in (0, 3], got: " + text);
  }

  private static float defaultWeight(Kind kind) {
    return switch (kind) {
      case INTENSIFY -> 1.5f;
      case SOFTEN -> 0.5f;
      default -> 1f;
    };
  }

  private static long step(long hash, char c) {
    return (hash ^ c) * FNV_PRIME;
  }

  /**
   * The entry of the folded word {@code text[start, end)}: the word itself if listed, else the
   * longest stem it starts with; {@link #NONE} when neither.
   */
  int find(char[] text, int start, int end) {
    long hash = SEED;
    int found = NONE;
    for (int i = start; i < end; i++) {
      hash = step(hash, text[i]);
      if (i - start + 1 >= shortestStem) {
        int stem = stems.get(NgramFeatures.mix(hash), NONE);
        found = stem == NONE ? found : stem;
      }
    }
    int word = exact.get(NgramFeatures.mix(hash), NONE);
    return word == NONE ? found : word;
  }

  Kind kind(int entry) {
    return kinds[entry];
  }

  /** The entry's strength (polarity words) or factor (intensifiers, softeners); &gt; 0. */
  float weight(int entry) {
    return weights[entry];
  }

  int size() {
    return kinds.length;
  }
}
