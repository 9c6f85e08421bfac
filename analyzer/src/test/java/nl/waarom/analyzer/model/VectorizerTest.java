package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorizerTest {
  private static final NgramFeatures FEATURES = new NgramFeatures(2, 5, true);
  private static final List<char[]> TRAINING = List.of(
      TextFolding.fold("my card has not arrived"), TextFolding.fold("my card was declined"),
      TextFolding.fold("card payment declined twice"), TextFolding.fold("where is my new card"));

  private static Map<Integer, Float> asMap(Vectorizer.Scratch s) {
    Map<Integer, Float> m = new HashMap<>();
    for (int k = 0; k < s.size; k++) {
      m.put(s.idx[k], s.val[k]);
    }
    return m;
  }

  @Test
  void knownWordShortcutGivesTheSameVectorAsPlainExtraction() {
    Vocabulary vocabulary = Vocabulary.build(TRAINING, FEATURES, 1);
    Vectorizer vectorizer = new Vectorizer(FEATURES, vocabulary, 1f, 1f);
    char[] text = TextFolding.fold("My card, my CARD: declined?! cardholder unknownword");
    Vectorizer.Scratch s = vectorizer.newScratch();
    vectorizer.vectorizeFolded(text, s);

    // Reference: every n-gram hashed and looked up one by one, counted, TF-IDF, per-block L2.
    Map<Integer, Integer> counts = new HashMap<>();
    FEATURES.extract(text, (block, hash) -> {
      int f = vocabulary.indexOf(hash);
      if (f >= 0) {
        counts.merge(f, 1, Integer::sum);
      }
    });
    double[] norm = new double[2];
    Map<Integer, Double> raw = new HashMap<>();
    counts.forEach((f, c) -> {
      double v = (1 + Math.log(c)) * vocabulary.idf(f);
      raw.put(f, v);
      norm[vocabulary.block(f)] += v * v;
    });
    Map<Integer, Float> got = asMap(s);
    assertThat(got.keySet()).isEqualTo(raw.keySet());
    raw.forEach((f, v) -> assertThat((double) got.get(f))
        .isCloseTo(v / Math.sqrt(norm[vocabulary.block(f)]), within(1e-5)));
  }

  @Test
  void eachBlockHasUnitNormAndUnknownTextIsEmpty() {
    Vocabulary vocabulary = Vocabulary.build(TRAINING, FEATURES, 2);
    Vectorizer vectorizer = new Vectorizer(FEATURES, vocabulary, 1f, 1f);
    Vectorizer.Scratch s = vectorizer.newScratch();
    vectorizer.vectorize("my card was declined", s);
    double[] norm = new double[2];
    for (int k = 0; k < s.size; k++) {
      norm[vocabulary.block(s.idx[k])] += s.val[k] * s.val[k];
    }
    assertThat(norm[0]).isCloseTo(1.0, within(1e-5));
    assertThat(norm[1]).isCloseTo(1.0, within(1e-5));
    vectorizer.vectorize("zzz qqq", s);
    assertThat(s.size).isZero();
  }

  @Test
  void sixteenBitWeightsScoreLikeFloats() {
    float[] w = {0.5f, -1.25f, 0.001f, 3f, 0f, -0.7f};
    LinearScorer scorer = new LinearScorer(2, w, new float[] {0.1f, -0.2f});
    Vectorizer.Scratch x = new Vectorizer.Scratch(3);
    x.add(0);
    x.add(2);
    x.val[0] = 0.6f;
    x.val[1] = 0.8f;
    double[] scores = new double[2];
    scorer.score(x, scores);
    assertThat(scores[0]).isCloseTo(0.1 + 0.6 * 0.5 + 0.8 * 0f, within(1e-4));
    assertThat(scores[1]).isCloseTo(-0.2 + 0.6 * -1.25 + 0.8 * -0.7, within(1e-4));
  }
}
