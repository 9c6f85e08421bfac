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

        Scratch(int dimension) {
            counts = new int[dimension];
        }
    }

    Scratch newScratch() {
        return new Scratch(vocabulary.size());
    }

    /** Vectorises raw text into the scratch (indices in first-seen order, not sorted). */
    void vectorize(String text, Scratch s) {
        vectorizeFolded(TextFolding.fold(text), s);
    }

    void vectorizeFolded(char[] folded, Scratch s) {
        s.size = 0;
        features.extract(folded, (block, hash) -> {
            int f = vocabulary.indexOf(hash);
            if (f >= 0 && s.counts[f]++ == 0) {
                if (s.size == s.idx.length) {
                    s.idx = Arrays.copyOf(s.idx, s.size * 2);
                    s.val = Arrays.copyOf(s.val, s.size * 2);
                }
                s.idx[s.size++] = f;
            }
        });
        double[] sumSq = new double[2];
        for (int k = 0; k < s.size; k++) {
            int f = s.idx[k];
            float v = (float) ((1 + Math.log(s.counts[f])) * vocabulary.idf(f));
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
