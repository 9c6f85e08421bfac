package nl.waarom.analyzer.sentiment;

import java.util.List;

/**
 * What training learns, as it is stored: the features the model knows (64-bit n-gram hashes with
 * their idf and one weight per polarity, {@code [feature * 3 + polarity]}), the cue weights, the
 * biases, the softmax temperature, and the known words (folded), whose character part
 * {@link SentimentModel} precomputes. Arrays are owned by the record: do not change them.
 *
 * @param wordHashes  word 1- and 2-grams, and negated 1-grams
 * @param charHashes  character 2- to 5-grams within words
 * @param cueWeights  {@link SentimentText#CUES} rows of three
 * @param bias        one per polarity
 * @param temperature softmax temperature fitted on held-out data, &gt; 0
 * @param vocabulary  the words seen in at least two training texts
 * @param probe       the hashes of {@link SentimentFeatures#PROBE} when trained: a model used
 *                    with a different feature hashing is refused rather than silently wrong
 */
record SentimentWeights(long[] wordHashes, float[] wordIdf, float[] wordWeights,
    long[] charHashes, float[] charIdf, float[] charWeights, float[] cueWeights, float[] bias,
    double temperature, List<String> vocabulary, long probe) {
  static final int CLASSES = 3;

  SentimentWeights {
    if (wordIdf.length != wordHashes.length || wordWeights.length != wordHashes.length * CLASSES
        || charIdf.length != charHashes.length || charWeights.length != charHashes.length * CLASSES
        || cueWeights.length != SentimentText.CUES * CLASSES || bias.length != CLASSES
        || !(temperature > 0)) {
      throw new IllegalArgumentException("inconsistent sentiment weights");
    }
    vocabulary = List.copyOf(vocabulary);
  }
}
