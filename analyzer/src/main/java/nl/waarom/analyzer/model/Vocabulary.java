package nl.waarom.analyzer.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The features the model knows: hashed n-grams seen in at least {@code minDf} training texts, each
 * with a dense index, its block (words or characters) and its smoothed inverse document frequency
 * {@code ln((1 + N) / (1 + df)) + 1} (as scikit-learn computes it). Immutable once built.
 */
final class Vocabulary {
  private final LongIntMap index;
  private final float[] idf;
  private final byte[] block;
  private final LongIntMap wordIds;
  private final int[][] wordFeatures;

  private Vocabulary(LongIntMap index, float[] idf, byte[] block, LongIntMap wordIds,
      int[][] wordFeatures) {
    this.index = index;
    this.idf = idf;
    this.block = block;
    this.wordIds = wordIds;
    this.wordFeatures = wordFeatures;
  }

  /** Counts document frequencies over the folded training texts and keeps the frequent ones. */
  static Vocabulary build(List<char[]> texts, NgramFeatures features, int minDf) {
    LongIntMap df = new LongIntMap(1 << 16);
    LongIntMap blocks = new LongIntMap(1 << 16);
    for (char[] text : texts) {
      LongIntMap inDoc = new LongIntMap(Math.max(16, text.length * 8));
      features.extract(text, (b, h) -> {
        if (inDoc.add(h, 1) == 1) {
          df.add(h, 1);
          if (b == NgramFeatures.CHARS) {
            blocks.put(h, 1);
          }
        }
      });
    }
    int[] count = {0};
    df.forEach((h, d) -> {
      if (d >= minDf) {
        count[0]++;
      }
    });
    LongIntMap index = new LongIntMap(count[0]);
    float[] idf = new float[count[0]];
    byte[] block = new byte[count[0]];
    int[] next = {0};
    double docs = texts.size();
    df.forEach((h, d) -> {
      if (d >= minDf) {
        int i = next[0]++;
        index.put(h, i);
        idf[i] = (float) (Math.log((1 + docs) / (1 + d)) + 1);
        block[i] = (byte) blocks.get(h, 0);
      }
    });
    LongIntMap wordIds = new LongIntMap(1 << 12);
    List<int[]> wordFeatures = new ArrayList<>();
    for (char[] text : texts) {
      features.forEachWord(text, (start, end, unigram, bigram) -> {
        if (wordIds.get(unigram, -1) < 0) {
          wordIds.put(unigram, wordFeatures.size());
          wordFeatures.add(knownFeatures(text, start, end, unigram, features, index));
        }
      });
    }
    return new Vocabulary(index, idf, block, wordIds, wordFeatures.toArray(int[][]::new));
  }

  /** The known features of one word on its own: its unigram and its character n-grams. */
  private static int[] knownFeatures(char[] text, int start, int end, long unigram,
      NgramFeatures features, LongIntMap index) {
    int[] out = new int[1 + (end - start + 2) * 8];
    int[] n = {0};
    int u = index.get(unigram, -1);
    if (u >= 0) {
      out[n[0]++] = u;
    }
    features.charGrams(text, start, end, (b, h) -> {
      int f = index.get(h, -1);
      if (f >= 0) {
        out[n[0]++] = f;
      }
    });
    return Arrays.copyOf(out, n[0]);
  }

  /**
   * The known unigram and character n-gram features of a training word, with repeats, or null
   * for a word not seen in training. A contact's words are mostly known ones, so this replaces
   * some twenty hash-and-look-up steps per word with one.
   */
  int[] wordFeatures(long unigram) {
    int id = wordIds.get(unigram, -1);
    return id < 0 ? null : wordFeatures[id];
  }

  int size() {
    return idf.length;
  }

  /** The feature's index, or -1 when it was not in the training data. */
  int indexOf(long hash) {
    return index.get(hash, -1);
  }

  float idf(int feature) {
    return idf[feature];
  }

  int block(int feature) {
    return block[feature];
  }
}
