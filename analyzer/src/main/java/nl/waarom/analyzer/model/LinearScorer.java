package nl.waarom.analyzer.model;

/**
 * One-vs-rest linear decision functions stored feature-major, so a sparse text touches one
 * contiguous row of weights per active feature and the inner loop over classes is a straight,
 * vectorisable multiply-add.
 *
 * <p>Why 16-bit weights: scoring a 2 KB contact touches about 1,500 rows scattered over a table of
 * several megabytes, so the time goes to fetching rows from memory, not to arithmetic. Each row is
 * stored as {@code short}s with its own scale (the row's largest magnitude maps to 32767), which
 * halves the bytes fetched against {@code float}s; the rounding error (below 2e-5 of the row's
 * largest weight) does not change a ranking in practice. Immutable and thread-safe.
 */
final class LinearScorer {
  private final int classes;
  private final short[] weights;
  private final float[] rowScale;
  private final float[] bias;

  LinearScorer(int classes, float[] weights, float[] bias) {
    if (bias.length != classes || weights.length % classes != 0) {
      throw new IllegalArgumentException("weights do not match " + classes + " classes");
    }
    this.classes = classes;
    this.bias = bias.clone();
    int rows = weights.length / classes;
    this.weights = new short[weights.length];
    this.rowScale = new float[rows];
    for (int f = 0; f < rows; f++) {
      float max = 0;
      for (int c = 0; c < classes; c++) {
        max = Math.max(max, Math.abs(weights[f * classes + c]));
      }
      rowScale[f] = max / Short.MAX_VALUE;
      for (int c = 0; c < classes && max > 0; c++) {
        this.weights[f * classes + c] = (short) Math.round(weights[f * classes + c] / rowScale[f]);
      }
    }
  }

  int classes() {
    return classes;
  }

  /** The weight of one feature in one class's decision function (as stored, 16-bit). */
  float weight(int feature, int cls) {
    return weights[feature * classes + cls] * rowScale[feature];
  }

  /** Writes the decision value of every class for the scratch's vector into {@code scores}. */
  void score(Vectorizer.Scratch x, double[] scores) {
    float[] acc = x.scoreBuffer(classes);
    System.arraycopy(bias, 0, acc, 0, classes);
    for (int k = 0; k < x.size; k++) {
      int f = x.idx[k];
      int base = f * classes;
      float v = x.val[k] * rowScale[f];
      for (int c = 0; c < classes; c++) {
        acc[c] += v * weights[base + c];
      }
    }
    for (int c = 0; c < classes; c++) {
      scores[c] = acc[c];
    }
  }
}
