package nl.waarom.analyzer.sentiment;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import nl.waarom.analyzer.model.LongIntMap;
import nl.waarom.analyzer.model.NgramFeatures;

/**
 * The training lines as liblinear rows in the feature map of {@link SentimentFeatures}: columns
 * are the word features, then the character n-grams, then the cues, then the bias. Knows which
 * hash each column stands for, so the fitted weights become {@link SentimentWeights}.
 */
final class DesignMatrix {
  private static final int C = SentimentWeights.CLASSES;

  private final long[] wordHashes;
  private final float[] wordIdf;
  private final long[] charHashes;
  private final float[] charIdf;
  private final List<String> vocabulary;
  private final Feature[][] rows;

  private DesignMatrix(long[] wordHashes, float[] wordIdf, long[] charHashes, float[] charIdf,
      List<String> vocabulary, Feature[][] rows) {
    this.wordHashes = wordHashes;
    this.wordIdf = wordIdf;
    this.charHashes = charHashes;
    this.charIdf = charIdf;
    this.vocabulary = vocabulary;
    this.rows = rows;
  }

  /** Counts document frequencies over the used lines, keeps the frequent features, builds rows. */
  static DesignMatrix build(Corpus corpus, List<Integer> used, Lexicon lexicon, int minDf) {
    NgramFeatures ngrams = SentimentFeatures.ngrams();
    SentimentText text = new SentimentText();
    LongIntMap wordDf = new LongIntMap(1 << 16);
    LongIntMap charDf = new LongIntMap(1 << 16);
    LongIntMap plainDf = new LongIntMap(1 << 15);
    TreeMap<String, Long> words = new TreeMap<>();
    for (int i : used) {
      analyse(corpus.text(i), text, ngrams, lexicon);
      LongIntMap seenWords = new LongIntMap(64);
      LongIntMap seenChars = new LongIntMap(256);
      LongIntMap seenPlain = new LongIntMap(64);
      for (int k = 0; k < text.words; k++) {
        long uni = text.unigram[k];
        if (hasBigram(text, k)) {
          once(seenWords, wordDf, text.bigram[k]);
        }
        if (text.silent[k]) {
          continue;
        }
        once(seenWords, wordDf, text.negated[k] ? SentimentFeatures.negated(uni) : uni);
        if (seenPlain.add(uni, 1) == 1 && plainDf.add(uni, 1) == minDf) {
          words.put(new String(text.folded, text.start[k], text.end[k] - text.start[k]), uni);
        }
        if (!text.negated[k]) {
          ngrams.charGrams(text.folded, text.start[k], text.end[k],
              (b, h) -> once(seenChars, charDf, h));
        }
      }
    }
    double n = used.size();
    LongIntMap wordIndex = new LongIntMap(wordDf.size());
    List<Long> wordKeys = new ArrayList<>();
    List<Float> wordIdf = new ArrayList<>();
    keep(wordDf, minDf, n, wordIndex, wordKeys, wordIdf);
    LongIntMap charIndex = new LongIntMap(charDf.size());
    List<Long> charKeys = new ArrayList<>();
    List<Float> charIdf = new ArrayList<>();
    keep(charDf, minDf, n, charIndex, charKeys, charIdf);
    float[] wIdf = floats(wordIdf);
    float[] cIdf = floats(charIdf);
    int w = wIdf.length;
    int g = cIdf.length;
    Feature[][] rows = new Feature[used.size()][];
    int[] counts = new int[w];
    float[] charSum = new float[g];
    for (int r = 0; r < used.size(); r++) {
      analyse(corpus.text(used.get(r)), text, ngrams, lexicon);
      rows[r] = row(text, ngrams, wordIndex, wIdf, charIndex, cIdf, counts, charSum);
    }
    return new DesignMatrix(longs(wordKeys), wIdf, longs(charKeys), cIdf,
        List.copyOf(words.keySet()), rows);
  }

  static void analyse(String raw, SentimentText text, NgramFeatures ngrams, Lexicon lexicon) {
    text.tokenize(raw, ngrams);
    for (int k = 0; k < text.words; k++) {
      text.entry[k] = lexicon.find(text.folded, text.start[k], text.end[k]);
    }
    text.applyLexicon(lexicon);
  }

  /** Word k's 2-gram (with the word before it) counts, unless either word is silent. */
  static boolean hasBigram(SentimentText text, int k) {
    return text.bigram[k] != 0 && !text.silent[k] && !text.silent[k - 1];
  }

  private static void once(LongIntMap seen, LongIntMap df, long hash) {
    if (seen.add(hash, 1) == 1) {
      df.add(hash, 1);
    }
  }

  /** Gives the features with df &ge; minDf an index and a smoothed idf, {@code ln((1+N)/(1+df)) + 1}. */
  private static void keep(LongIntMap df, int minDf, double n, LongIntMap index, List<Long> keys,
      List<Float> idf) {
    df.forEach((hash, d) -> {
      if (d >= minDf) {
        index.put(hash, keys.size());
        keys.add(hash);
        idf.add((float) (Math.log((1 + n) / (1 + d)) + 1));
      }
    });
  }

  /** One line's sparse row, sorted by column (liblinear's contract), ending with the bias. */
  private static Feature[] row(SentimentText text, NgramFeatures ngrams, LongIntMap wordIndex,
      float[] wIdf, LongIntMap charIndex, float[] cIdf, int[] counts, float[] charSum) {
    int w = wIdf.length;
    int g = cIdf.length;
    List<Integer> activeWords = new ArrayList<>();
    List<Integer> activeChars = new ArrayList<>();
    double[] norm = {0};
    for (int k = 0; k < text.words; k++) {
      if (hasBigram(text, k)) {
        int b = wordIndex.get(text.bigram[k], -1);
        if (b >= 0 && counts[b]++ == 0) {
          activeWords.add(b);
        }
      }
      if (text.silent[k]) {
        continue;
      }
      long uni = text.unigram[k];
      int f = wordIndex.get(text.negated[k] ? SentimentFeatures.negated(uni) : uni, -1);
      if (f >= 0 && counts[f]++ == 0) {
        activeWords.add(f);
      }
      if (text.negated[k]) {
        continue;
      }
      ngrams.charGrams(text.folded, text.start[k], text.end[k], (block, h) -> {
        int c = charIndex.get(h, -1);
        if (c >= 0) {
          if (charSum[c] == 0) {
            activeChars.add(c);
          }
          charSum[c] += cIdf[c];
          norm[0] += (double) cIdf[c] * cIdf[c];
        }
      });
    }
    long[] packed = new long[activeWords.size() + activeChars.size() + SentimentText.CUES];
    int n = 0;
    double sumSq = 0;
    double[] value = new double[activeWords.size()];
    for (int k = 0; k < activeWords.size(); k++) {
      int f = activeWords.get(k);
      value[k] = SentimentFeatures.sublinear(counts[f]) * wIdf[f];
      counts[f] = 0;
      sumSq += value[k] * value[k];
    }
    double wordScale = sumSq > 0 ? SentimentFeatures.WORD_WEIGHT / Math.sqrt(sumSq) : 0;
    for (int k = 0; k < activeWords.size(); k++) {
      packed[n++] = pack(activeWords.get(k), value[k] * wordScale);
    }
    double charScale = norm[0] > 0 ? SentimentFeatures.CHAR_WEIGHT / Math.sqrt(norm[0]) : 0;
    for (int c : activeChars) {
      packed[n++] = pack(w + c, charSum[c] * charScale);
      charSum[c] = 0;
    }
    for (int j = 0; j < SentimentText.CUES; j++) {
      if (text.cues[j] != 0) {
        packed[n++] = pack(w + g + j, text.cues[j] * SentimentFeatures.CUE_WEIGHT);
      }
    }
    Arrays.sort(packed, 0, n);
    Feature[] row = new Feature[n + 1];
    for (int k = 0; k < n; k++) {
      row[k] = new FeatureNode((int) (packed[k] >>> 32) + 1, Float.intBitsToFloat((int) packed[k]));
    }
    row[n] = new FeatureNode(w + g + SentimentText.CUES + 1, 1.0);
    return row;
  }

  private static long pack(int column, double value) {
    return ((long) column << 32) | (Float.floatToRawIntBits((float) value) & 0xffffffffL);
  }

  Feature[] row(int k) {
    return rows[k];
  }

  /** Columns without the bias. */
  int dimension() {
    return wordHashes.length + charHashes.length + SentimentText.CUES;
  }

  /**
   * The fitted weights per polarity ({@code fitted[c]}: one per column, then the bias; null for a
   * polarity that was not learnt, which then is never predicted), pruned and rounded to half
   * floats.
   */
  SentimentWeights weights(double[][] fitted, int dim, double temperature, double minImportance) {
    int w = wordHashes.length;
    int g = charHashes.length;
    float[] bias = new float[C];
    float[] cues = new float[SentimentText.CUES * C];
    for (int c = 0; c < C; c++) {
      bias[c] = fitted[c] == null ? -1000f : (float) fitted[c][dim];
      for (int j = 0; j < SentimentText.CUES; j++) {
        cues[j * C + c] = fitted[c] == null ? 0 : (float) fitted[c][w + g + j];
      }
    }
    Block words = prune(fitted, 0, wordHashes, wordIdf, minImportance);
    Block chars = prune(fitted, w, charHashes, charIdf, minImportance);
    return new SentimentWeights(words.hashes, words.idf, words.weights, chars.hashes, chars.idf,
        chars.weights, cues, bias, temperature, vocabulary, SentimentFeatures.probe());
  }

  private record Block(long[] hashes, float[] idf, float[] weights) {}

  private static Block prune(double[][] fitted, int offset, long[] hashes, float[] idf,
      double minImportance) {
    List<Integer> kept = new ArrayList<>();
    for (int f = 0; f < hashes.length; f++) {
      double largest = 0;
      for (double[] w : fitted) {
        largest = w == null ? largest : Math.max(largest, Math.abs(w[offset + f]));
      }
      if (largest * idf[f] >= minImportance) {
        kept.add(f);
      }
    }
    long[] h = new long[kept.size()];
    float[] i = new float[kept.size()];
    float[] wt = new float[kept.size() * C];
    for (int k = 0; k < kept.size(); k++) {
      int f = kept.get(k);
      h[k] = hashes[f];
      i[k] = half(idf[f]);
      for (int c = 0; c < C; c++) {
        wt[k * C + c] = fitted[c] == null ? 0 : half((float) fitted[c][offset + f]);
      }
    }
    return new Block(h, i, wt);
  }

  /** Rounded to an IEEE half float, as the model file stores it. */
  private static float half(float v) {
    return Float.float16ToFloat(Float.floatToFloat16(v));
  }

  private static float[] floats(List<Float> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i);
    }
    return out;
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }
}
