package nl.waarom.analyzer.sentiment;

import java.util.List;
import java.util.Objects;
import nl.waarom.analyzer.model.LongIntMap;
import nl.waarom.analyzer.model.NgramFeatures;

/**
 * The sentiment of a turn: negative, neutral or positive, with a score. A linear model over word
 * and character n-grams and lexicon cues ({@link SentimentFeatures}), trained by
 * {@link SentimentTrainer}; the one that ships is {@link #shipped()}.
 *
 * <p>Speed: every word seen in training has a precomputed row (its 1-gram features, its lexicon
 * entry and its character block's contribution), so scoring a turn costs about one hash look-up
 * per word plus one per word pair. Unknown words are computed from their character n-grams.
 *
 * <p>Immutable and thread-safe; each thread keeps its own working memory.
 */
public final class SentimentModel {
  private static final int C = SentimentWeights.CLASSES;

  private final SentimentWeights weights;
  private final Lexicon lexicon;
  private final NgramFeatures ngrams = SentimentFeatures.ngrams();
  private final LongIntMap wordIndex;
  private final LongIntMap charIndex;
  /** Known words: hash of the folded word to its row in the arrays below. */
  private final LongIntMap known;
  private final int[] knownPlain;
  private final int[] knownNegated;
  private final int[] knownEntry;
  /** Per known word: its character block's dot product with each class, then its squared norm. */
  private final float[] knownChars;
  private final ThreadLocal<Work> work;

  private final class Work {
    final SentimentText text = new SentimentText();
    final int[] counts = new int[weights.wordHashes().length];
    final float[] chars = new float[C + 1];
    final double[] scores = new double[C];
    int[] active = new int[128];
    int[] rows = new int[64];
  }

  SentimentModel(SentimentWeights weights, Lexicon lexicon) {
    if (weights.probe() != SentimentFeatures.probe()) {
      throw new IllegalArgumentException("the sentiment model was trained with a different feature "
          + "hashing than this version uses; train it again (waarom train-sentiment)");
    }
    this.weights = weights;
    this.lexicon = lexicon;
    this.wordIndex = index(weights.wordHashes());
    this.charIndex = index(weights.charHashes());
    List<String> words = weights.vocabulary();
    this.known = new LongIntMap(words.size());
    this.knownPlain = new int[words.size()];
    this.knownNegated = new int[words.size()];
    this.knownEntry = new int[words.size()];
    this.knownChars = new float[words.size() * (C + 1)];
    float[] chars = new float[C + 1];
    for (int row = 0; row < words.size(); row++) {
      char[] word = words.get(row).toCharArray();
      long[] unigram = {0};
      ngrams.forEachWord(word, (s, e, uni, bi) -> unigram[0] = uni);
      known.put(unigram[0], row);
      knownPlain[row] = wordIndex.get(unigram[0], -1);
      knownNegated[row] = wordIndex.get(SentimentFeatures.negated(unigram[0]), -1);
      knownEntry[row] = lexicon.find(word, 0, word.length);
      charPart(word, 0, word.length, chars);
      System.arraycopy(chars, 0, knownChars, row * (C + 1), C + 1);
    }
    this.work = ThreadLocal.withInitial(Work::new);
  }

  private static LongIntMap index(long[] hashes) {
    LongIntMap map = new LongIntMap(hashes.length);
    for (int i = 0; i < hashes.length; i++) {
      map.put(hashes[i], i);
    }
    return map;
  }

  /** The model that ships in the analyzer's jar; loaded once. */
  public static SentimentModel shipped() {
    return ShippedModel.INSTANCE;
  }

  /** The sentiment of a text; {@link SentimentScore#NONE} when it has no words. Never null. */
  public SentimentScore score(String text) {
    SentimentScore score = scoreOrNull(text);
    return score == null ? SentimentScore.NONE : score;
  }

  /** The sentiment of a text; null when it has no words. */
  SentimentScore scoreOrNull(String text) {
    double[] p = probabilities(text);
    if (p == null) {
      return null;
    }
    int best = 0;
    for (int c = 1; c < C; c++) {
      best = p[c] > p[best] ? c : best;
    }
    double score = Math.max(-1, Math.min(1, p[Polarity.POSITIVE.ordinal()]
        - p[Polarity.NEGATIVE.ordinal()]));
    return new SentimentScore(Polarity.values()[best], score);
  }

  /**
   * The probability of each polarity, in {@link Polarity} order, in the calling thread's own
   * array (copy it to keep it); null when the text has no words.
   */
  public double[] probabilities(String text) {
    double[] s = decisionValues(Objects.requireNonNull(text, "text"));
    if (s == null) {
      return null;
    }
    double max = Math.max(s[0], Math.max(s[1], s[2]));
    double z = 0;
    for (int c = 0; c < C; c++) {
      s[c] = Math.exp((s[c] - max) / weights.temperature());
      z += s[c];
    }
    for (int c = 0; c < C; c++) {
      s[c] /= z;
    }
    return s;
  }

  /** The raw linear scores, in the calling thread's array; null when the text has no words. */
  double[] decisionValues(String raw) {
    Work w = work.get();
    SentimentText text = w.text;
    text.tokenize(raw, ngrams);
    if (text.words == 0) {
      return null;
    }
    if (w.rows.length < text.words) {
      w.rows = new int[text.start.length];
    }
    for (int i = 0; i < text.words; i++) {
      int row = known.get(text.unigram[i], -1);
      w.rows[i] = row;
      text.entry[i] = row >= 0 ? knownEntry[row] : lexicon.find(text.folded, text.start[i], text.end[i]);
    }
    text.applyLexicon(lexicon);
    int active = 0;
    double c0 = 0;
    double c1 = 0;
    double c2 = 0;
    double norm = 0;
    for (int i = 0; i < text.words; i++) {
      if (active + 2 > w.active.length) {
        w.active = java.util.Arrays.copyOf(w.active, w.active.length * 2);
      }
      if (DesignMatrix.hasBigram(text, i)) {
        int b = wordIndex.get(text.bigram[i], -1);
        if (b >= 0 && w.counts[b]++ == 0) {
          w.active[active++] = b;
        }
      }
      if (text.silent[i]) {
        continue;
      }
      int row = w.rows[i];
      int f;
      if (text.negated[i]) {
        // a negated word is its own 1-gram; its characters would say the opposite
        f = row >= 0 ? knownNegated[row]
            : wordIndex.get(SentimentFeatures.negated(text.unigram[i]), -1);
      } else if (row >= 0) {
        f = knownPlain[row];
        int k = row * (C + 1);
        c0 += knownChars[k];
        c1 += knownChars[k + 1];
        c2 += knownChars[k + 2];
        norm += knownChars[k + 3];
      } else {
        f = wordIndex.get(text.unigram[i], -1);
        charPart(text.folded, text.start[i], text.end[i], w.chars);
        c0 += w.chars[0];
        c1 += w.chars[1];
        c2 += w.chars[2];
        norm += w.chars[3];
      }
      if (f >= 0 && w.counts[f]++ == 0) {
        w.active[active++] = f;
      }
    }
    double[] s = w.scores;
    float[] ww = weights.wordWeights();
    float[] idf = weights.wordIdf();
    double sumSq = 0;
    double w0 = 0;
    double w1 = 0;
    double w2 = 0;
    for (int k = 0; k < active; k++) {
      int f = w.active[k];
      double v = SentimentFeatures.sublinear(w.counts[f]) * idf[f];
      w.counts[f] = 0;
      sumSq += v * v;
      w0 += v * ww[f * C];
      w1 += v * ww[f * C + 1];
      w2 += v * ww[f * C + 2];
    }
    double wordScale = sumSq > 0 ? SentimentFeatures.WORD_WEIGHT / Math.sqrt(sumSq) : 0;
    double charScale = norm > 0 ? SentimentFeatures.CHAR_WEIGHT / Math.sqrt(norm) : 0;
    float[] bias = weights.bias();
    s[0] = bias[0] + wordScale * w0 + charScale * c0;
    s[1] = bias[1] + wordScale * w1 + charScale * c1;
    s[2] = bias[2] + wordScale * w2 + charScale * c2;
    float[] cw = weights.cueWeights();
    for (int j = 0; j < SentimentText.CUES; j++) {
      float x = text.cues[j] * SentimentFeatures.CUE_WEIGHT;
      if (x != 0) {
        s[0] += x * cw[j * C];
        s[1] += x * cw[j * C + 1];
        s[2] += x * cw[j * C + 2];
      }
    }
    return s;
  }

  /**
   * The character block of one word: the dot product of its n-grams' idf with each class's
   * weights, and the sum of their squared idfs.
   */
  private void charPart(char[] text, int start, int end, float[] out) {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    out[3] = 0;
    float[] idf = weights.charIdf();
    float[] cw = weights.charWeights();
    ngrams.charGrams(text, start, end, (block, hash) -> {
      int g = charIndex.get(hash, -1);
      if (g >= 0) {
        float v = idf[g];
        out[0] += v * cw[g * C];
        out[1] += v * cw[g * C + 1];
        out[2] += v * cw[g * C + 2];
        out[3] += v * v;
      }
    });
  }

  /** What was learned; for writing the model out. */
  SentimentWeights weights() {
    return weights;
  }

  /** How many n-gram features the model knows (words and characters). */
  public int features() {
    return weights.wordHashes().length + weights.charHashes().length;
  }

  /** The fitted softmax temperature. */
  public double temperature() {
    return weights.temperature();
  }
}
