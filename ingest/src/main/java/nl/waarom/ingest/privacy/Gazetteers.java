package nl.waarom.ingest.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The name and place lists shipped in {@code nl/waarom/ingest/privacy/names/} (sources and
 * licences in each file's header and in the NOTICE), loaded once, on first use, into sets of
 * lower-case words without accents ({@link #fold}). Every entry is a word list only: whether a
 * word is a name is decided with context by {@link NameFinder}. Immutable and thread-safe.
 */
final class Gazetteers {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final String DIR = "/nl/waarom/ingest/privacy/names/";

  /** First names, Dutch (of every origin common in the Netherlands) and English. */
  final Set<String> firstNames;
  /** Whole surnames with their particles ("de vries", "el amrani", "jansen"). */
  final Set<String> surnames;
  /** The last word of every surname ("vries", "amrani", "jansen"). */
  final Set<String> surnameWords;
  /** Dutch towns, municipalities and provinces. */
  final Set<String> places;
  /** Name particles, one word or several ("van", "van der", "el"). */
  final Set<String> particles;
  /** Endings of Dutch street names ("straat", "laan", "gracht"). */
  final Set<String> streetSuffixes;

  private Gazetteers() {
    firstNames = load("nl-first-names.txt.gz", "en-first-names.txt.gz");
    surnames = load("nl-surnames.txt.gz", "en-surnames.txt.gz");
    Set<String> words = new HashSet<>();
    for (String s : surnames) {
      words.add(s.substring(s.lastIndexOf(' ') + 1));
    }
    surnameWords = Set.copyOf(words);
    places = load("nl-places.txt.gz");
    particles = load("particles.txt");
    streetSuffixes = load("street-suffixes.txt");
  }

  /** The lists; loaded on the first call (about 150,000 entries, a fraction of a second). */
  static Gazetteers get() {
    return Holder.INSTANCE;
  }

  /** Lower case without accents, so that Yılmaz, Yilmaz and YILMAZ look alike. */
  static String fold(String s) {
    boolean plain = true;
    for (int i = 0; i < s.length() && plain; i++) {
      char c = s.charAt(i);
      plain = c < 128 && !(c >= 'A' && c <= 'Z');
    }
    if (plain) {
      return s;
    }
    String lower = s.toLowerCase(Locale.ROOT).replace('ı', 'i').replace('’', '\'');
    String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
    return decomposed.length() == lower.length() ? lower : MARKS.matcher(decomposed).replaceAll("");
  }

  private static final class Holder {
    static final Gazetteers INSTANCE = new Gazetteers();
  }

  private static Set<String> load(String... files) {
    Set<String> entries = new HashSet<>();
    for (String file : files) {
      try (InputStream raw = Gazetteers.class.getResourceAsStream(DIR + file)) {
        if (raw == null) {
          throw new IllegalStateException("missing gazetteer " + DIR + file);
        }
        InputStream in = file.endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          String entry = line.strip();
          if (!entry.isEmpty() && !entry.startsWith("#")) {
            entries.add(fold(entry));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read gazetteer " + file, e);
      }
    }
    return Set.copyOf(entries);
  }
}
