package nl.waarom.analyzer.model;

/**
 * Turns folded text into hashed n-gram features without building a string per n-gram: word 1- and
 * 2-grams (block {@link #WORDS}) and character n-grams inside word boundaries, each word padded
 * with one space on either side (block {@link #CHARS}, scikit-learn's "char_wb"). Features are
 * 64-bit hashes, so collisions are negligible and no vocabulary is needed at this stage; the
 * {@link Vocabulary} built at training time maps them to dense indices.
 *
 * <p>Immutable and thread-safe.
 */
public final class NgramFeatures {
  public static final int WORDS = 0;
  public static final int CHARS = 1;

  /** Receives one feature occurrence. */
  public interface Sink {
    void accept(int block, long hash);
  }

  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long WORD_SEED = 0xcbf29ce484222325L;
  private static final long BIGRAM_SEED = 0x9e3779b97f4a7c15L;
  private static final long CHAR_SEED = 0xc2b2ae3d27d4eb4fL;

  private final int charMin;
  private final int charMax;
  private final boolean bigrams;

  public NgramFeatures(int charMin, int charMax, boolean bigrams) {
    if (charMin < 1 || charMax < charMin || charMax > 8) {
      throw new IllegalArgumentException("char n-gram range must satisfy 1 <= min <= max <= 8");
    }
    this.charMin = charMin;
    this.charMax = charMax;
    this.bigrams = bigrams;
  }

  /** Receives one word (token) of a folded text. */
  public interface WordSink {
    /**
     * @param start   index of the word's first character
     * @param end     index after the word's last character
     * @param unigram the word's feature hash
     * @param bigram  the feature hash of the previous word plus this one, or 0 (none)
     */
    void word(int start, int end, long unigram, long bigram);
  }

  /** Emits every feature occurrence of the folded text (see {@link TextFolding}). */
  void extract(char[] text, Sink sink) {
    forEachWord(text, (start, end, unigram, bigram) -> {
      sink.accept(WORDS, unigram);
      if (bigram != 0) {
        sink.accept(WORDS, bigram);
      }
      charGrams(text, start, end, sink);
    });
  }

  /** Calls the sink for every word, with its unigram and (if enabled) bigram hash. */
  public void forEachWord(char[] text, WordSink sink) {
    int prevStart = -1;
    int prevEnd = -1;
    int i = 0;
    while (i < text.length) {
      if (text[i] == ' ') {
        i++;
        continue;
      }
      int start = i;
      while (i < text.length && text[i] != ' ') {
        i++;
      }
      long bigram = 0;
      if (bigrams && prevStart >= 0) {
        long h = hash(BIGRAM_SEED, text, prevStart, prevEnd);
        h = (h ^ ' ') * FNV_PRIME;
        bigram = mix(hash(h, text, start, i));
      }
      sink.word(start, i, mix(hash(WORD_SEED, text, start, i)), bigram);
      prevStart = start;
      prevEnd = i;
    }
  }

  /** Character n-grams of " word ": position -1 and position end are the padding spaces. */
  public void charGrams(char[] text, int start, int end, Sink sink) {
    for (int from = start - 1; from <= end; from++) {
      long h = CHAR_SEED;
      for (int n = 1; n <= charMax && from + n - 1 <= end; n++) {
        int pos = from + n - 1;
        char c = pos < start || pos >= end ? ' ' : text[pos];
        h = (h ^ c) * FNV_PRIME;
        if (n >= charMin && !(n == 1 && c == ' ')) {
          sink.accept(CHARS, mix(h + n));
        }
      }
    }
  }

  private static long hash(long seed, char[] text, int start, int end) {
    long h = seed;
    for (int i = start; i < end; i++) {
      h = (h ^ text[i]) * FNV_PRIME;
    }
    return h;
  }

  /** MurmurHash3's finaliser: spreads the FNV bits so open addressing probes well. */
  public static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
