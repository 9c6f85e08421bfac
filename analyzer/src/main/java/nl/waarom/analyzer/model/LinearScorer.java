package nl.waarom.analyzer.model;

/**
 * One-vs-rest linear decision functions stored feature-major ({@code w[f * classes + c]}), so a
 * sparse text touches one contiguous block of weights per active feature and the inner loop over
 * classes is a straight, vectorisable multiply-add. Immutable and thread-safe.
 */
final class LinearScorer {
    private final int classes;
    private final float[] weights;
    private final float[] bias;

    LinearScorer(int classes, float[] weights, float[] bias) {
        if (bias.length != classes || weights.length % classes != 0) {
            throw new IllegalArgumentException("weights do not match " + classes + " classes");
        }
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    int classes() {
        return classes;
    }

    /** Writes the decision value of every class for the scratch's vector into {@code scores}. */
    void score(Vectorizer.Scratch x, double[] scores) {
        float[] acc = new float[classes];
        System.arraycopy(bias, 0, acc, 0, classes);
        for (int k = 0; k < x.size; k++) {
            int base = x.idx[k] * classes;
            float v = x.val[k];
            for (int c = 0; c < classes; c++) {
                acc[c] += v * weights[base + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            scores[c] = acc[c];
        }
    }
}
