package nl.waarom.analyzer.model;

import java.util.Arrays;

/**
 * Text to sparse TF-IDF vector: sublinear term frequency {@code 1 + ln(tf)} times idf, each block
 * (word n-grams, character n-grams) L2-normalised on its own and then scaled by its block weight,
 * so long texts with many character n-grams do not drown the word features. N-grams that were not
 * in the training data are ignored.
 *
 * <p>Thread-safe: all per-call state lives in a {@link Scratch} that the caller owns (one per
 * thread), so vectorising a contact allocates nothing big.
 */
final class Vectorizer {
  private final NgramFeatures features;
  private final Vocabulary vocabulary;
  private final float[] blockWeight;

  Vectorizer(NgramFeatures features, Vocabulary vocabulary, float wordWeight, float charWeight) {
    this.features = features;
    this.vocabulary = vocabulary;
    this.blockWeight = new float[] {wordWeight, charWeight};
  }

  int dimension() {
    return vocabulary.size();
  }

  /** Per-thread working memory; the result of the last {@link #vectorize} is in idx/val[0..size). */
  static final class Scratch {
    final int[] counts;
    int[] idx = new int[256];
    float[] val = new float[256];
    int size;
    private float[] scores = new float[0];

    Scratch(int dimension) {
      counts = new int[dimension];
    }

    /** Counts one occurrence of a known feature; ignores -1 (unknown). */
    void add(int f) {
      if (f >= 0 && counts[f]++ == 0) {
        if (size == idx.length) {
          idx = Arrays.copyOf(idx, size * 2);
          val = Arrays.copyOf(val, size * 2);
        }
        idx[size++] = f;
      }
    }

    float[] scoreBuffer(int classes) {
      if (scores.length != classes) {
        scores = new float[classes];
      }
      return scores;
    }
  }

  Scratch newScratch() {
    return new Scratch(vocabulary.size());
  }

  /** {@code 1 + ln(tf)}, from a table for the counts that occur in practice. */
  private static final float[] SUBLINEAR = new float[64];

  static {
    for (int tf = 1; tf < SUBLINEAR.length; tf++) {
      SUBLINEAR[tf] = (float) (1 + Math.log(tf));
    }
  }

  private static float sublinearTf(int tf) {
    return tf < SUBLINEAR.length ? SUBLINEAR[tf] : (float) (1 + Math.log(tf));
  }

  /** Vectorises raw text into the scratch (indices in first-seen order, not sorted). */
  void vectorize(String text, Scratch s) {
    vectorizeFolded(TextFolding.fold(text), s);
  }

  /** Receives one occurrence of a feature (-1: not in the vocabulary) and the folded text it spans. */
  interface Occurrences {
    void feature(int feature, int start, int end);
  }

  /**
   * Every feature occurrence of the folded text, with where it is: a word's unigram and character
   * n-grams span the word, a word bigram spans both words.
   */
  void occurrences(char[] folded, Occurrences sink) {
    int[] previous = {-1};
    features.forEachWord(folded, (start, end, unigram, bigram) -> {
      int[] known = vocabulary.wordFeatures(unigram);
      if (known != null) {
        for (int f : known) {
          sink.feature(f, start, end);
        }
      } else {
        sink.feature(vocabulary.indexOf(unigram), start, end);
        features.charGrams(folded, start, end, (b, h) -> sink.feature(vocabulary.indexOf(h), start, end));
      }
      if (bigram != 0) {
        sink.feature(vocabulary.indexOf(bigram), previous[0], end);
      }
      previous[0] = start;
    });
  }

  void vectorizeFolded(char[] folded, Scratch s) {
    s.size = 0;
    occurrences(folded, (f, start, end) -> s.add(f));
    double[] sumSq = new double[2];
    for (int k = 0; k < s.size; k++) {
      int f = s.idx[k];
      float v = sublinearTf(s.counts[f]) * vocabulary.idf(f);
      s.counts[f] = 0;
      s.val[k] = v;
      sumSq[vocabulary.block(f)] += (double) v * v;
    }
    float[] scale = new float[2];
    for (int b = 0; b < 2; b++) {
      scale[b] = sumSq[b] > 0 ? (float) (blockWeight[b] / Math.sqrt(sumSq[b])) : 0f;
    }
    for (int k = 0; k < s.size; k++) {
      s.val[k] *= scale[vocabulary.block(s.idx[k])];
    }
  }
}
