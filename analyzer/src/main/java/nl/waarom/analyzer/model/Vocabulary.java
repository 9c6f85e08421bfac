package nl.waarom.analyzer.model;

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

    private Vocabulary(LongIntMap index, float[] idf, byte[] block) {
        this.index = index;
        this.idf = idf;
        this.block = block;
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
        return new Vocabulary(index, idf, block);
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
