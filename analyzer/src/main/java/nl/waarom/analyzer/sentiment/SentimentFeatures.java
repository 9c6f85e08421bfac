package nl.waarom.analyzer.sentiment;

import nl.waarom.analyzer.model.NgramFeatures;

/**
 * The feature map shared by training ({@link SentimentTrainer}) and scoring
 * ({@link SentimentModel}), so the two cannot drift apart.
 *
 * <p>Three blocks, each scaled to its weight: (1) word 1- and 2-grams, TF-IDF with sublinear tf,
 * L2-normalised, where a word in the scope of a negation is a different 1-gram than the same word
 * outside it ("niet goed" gives the feature {@code ¬goed}, not {@code goed}); (2) character 2- to
 * 5-grams within words, where each word contributes its n-grams' idf and the block is divided by
 * the square root of the sum over words of their squared n-gram idfs; (3) the lexicon cues of
 * {@link SentimentText}.
 *
 * <p>Why the character block is not normalised like the word block: its score is then a sum over
 * words of a per-word value (the word's n-grams times their weights) divided by a per-word sum,
 * so {@link SentimentModel} computes both once per known word and scores a turn with one look-up
 * per word instead of some twenty. Measured on the sentiment test sets it is as accurate as the
 * normalised form (macro-F1 within 0.001 on DynaSent).
 */
final class SentimentFeatures {
  static final float WORD_WEIGHT = 1f;
  static final float CHAR_WEIGHT = 1f;
  static final float CUE_WEIGHT = 1f;
  static final int CHAR_MIN = 2;
  static final int CHAR_MAX = 5;
  /** A text whose feature hashes are stored with a model, to detect a change of hashing. */
  static final String PROBE = "niet goed";
  private static final long NEGATED_SEED = 0x5bd1e9955bd1e995L;

  private SentimentFeatures() {}

  static NgramFeatures ngrams() {
    return new NgramFeatures(CHAR_MIN, CHAR_MAX, true);
  }

  /** The 1-gram feature of a word in the scope of a negation. */
  static long negated(long unigram) {
    return NgramFeatures.mix(unigram ^ NEGATED_SEED);
  }

  /** {@code 1 + ln(tf)}. */
  static double sublinear(int tf) {
    return tf == 1 ? 1 : 1 + Math.log(tf);
  }

  /** A fingerprint of the hashing: of every feature of {@link #PROBE}. */
  static long probe() {
    NgramFeatures ngrams = ngrams();
    char[] text = PROBE.toCharArray();
    long[] h = {17};
    ngrams.forEachWord(text, (s, e, unigram, bigram) -> {
      h[0] = h[0] * 31 + unigram + bigram + negated(unigram);
      ngrams.charGrams(text, s, e, (b, g) -> h[0] = h[0] * 31 + g);
    });
    return h[0];
  }
}
