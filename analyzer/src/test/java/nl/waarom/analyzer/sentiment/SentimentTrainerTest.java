package nl.waarom.analyzer.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.waarom.analyzer.model.LabeledText;
import nl.waarom.analyzer.sentiment.SentimentTrainer.TrainingSet;
import org.junit.jupiter.api.Test;

class SentimentTrainerTest {
  private static final SentimentTrainer.Options OPTIONS =
      new SentimentTrainer.Options(0.3, 2, 0.1, 0, 42L);
  private static final String[] NEGATIVE = {"awful", "broken", "late", "rude", "useless"};
  private static final String[] NEUTRAL = {"address", "number", "invoice", "form", "date"};
  private static final String[] POSITIVE = {"thanks", "lovely", "quick", "kind", "sorted"};
  private static final String[] FILLER = {"the", "my", "it", "was", "about", "your", "today"};

  /** Lines of three key words and two filler words each; the first key word marks the set. */
  private static List<LabeledText> lines(int perLabel, long seed, String marker,
      boolean withNeutral) {
    Random random = new Random(seed);
    List<LabeledText> out = new ArrayList<>();
    for (int i = 0; i < perLabel; i++) {
      out.add(line(random, marker, NEGATIVE, "negative"));
      out.add(line(random, marker, POSITIVE, "positive"));
      if (withNeutral) {
        out.add(line(random, marker, NEUTRAL, "neutral"));
      }
    }
    return out;
  }

  private static LabeledText line(Random random, String marker, String[] keys, String label) {
    return new LabeledText(marker + " " + keys[random.nextInt(keys.length)] + " "
        + FILLER[random.nextInt(FILLER.length)] + " " + keys[random.nextInt(keys.length)] + " "
        + FILLER[random.nextInt(FILLER.length)], label);
  }

  @Test
  void learnsSeparablePolarities() {
    SentimentModel model = SentimentTrainer.train(List.of(
        new TrainingSet("a", lines(40, 1, "alpha", true), 1)), OPTIONS);
    assertThat(model.score("alpha rude the useless").polarity()).isEqualTo(Polarity.NEGATIVE);
    assertThat(model.score("alpha invoice my date").polarity()).isEqualTo(Polarity.NEUTRAL);
    assertThat(model.score("alpha lovely it quick").polarity()).isEqualTo(Polarity.POSITIVE);
    assertThat(model.temperature()).isPositive();
  }

  @Test
  void aSetWithoutNeutralLinesTakesNoPartInTheNeutralProblem() {
    SentimentModel model = SentimentTrainer.train(List.of(
        new TrainingSet("with neutral", lines(40, 1, "alpha", true), 1),
        new TrainingSet("without neutral", lines(40, 2, "omega", false), 1)), OPTIONS);
    SentimentWeights w = model.weights();
    int omega = feature(w, "omega");
    int alpha = feature(w, "alpha");
    int neutral = Polarity.NEUTRAL.ordinal();
    // the word that marks the set without neutral lines never met the neutral problem
    assertThat(w.wordWeights()[omega * 3 + neutral]).isZero();
    assertThat(w.wordWeights()[omega * 3 + Polarity.POSITIVE.ordinal()]).isNotZero();
    assertThat(w.wordWeights()[alpha * 3 + neutral]).isNotZero();
  }

  private static int feature(SentimentWeights w, String word) {
    long[] hash = {0};
    SentimentFeatures.ngrams().forEachWord(word.toCharArray(), (s, e, uni, bi) -> hash[0] = uni);
    for (int f = 0; f < w.wordHashes().length; f++) {
      if (w.wordHashes()[f] == hash[0]) {
        return f;
      }
    }
    throw new AssertionError(word + " is not a feature");
  }

  @Test
  void aPolarityNoSetHasIsNeverPredicted() {
    SentimentModel model = SentimentTrainer.train(List.of(
        new TrainingSet("two polarities", lines(40, 3, "alpha", false), 1)), OPTIONS);
    assertThat(model.probabilities("alpha invoice my date")[Polarity.NEUTRAL.ordinal()]).isZero();
    assertThat(model.score("alpha invoice my date").polarity()).isNotEqualTo(Polarity.NEUTRAL);
  }

  @Test
  void theScoreOfATurnIsTheLinearFunctionOfItsTrainingRow() {
    List<LabeledText> data = lines(30, 4, "alpha", true);
    data.add(new LabeledText("alpha unseenword rude, not lovely!", "negative"));
    SentimentModel model = SentimentTrainer.train(List.of(new TrainingSet("a", data, 1)), OPTIONS);
    Corpus corpus = Corpus.of(List.of(new TrainingSet("a", data, 1)));
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      all.add(i);
    }
    DesignMatrix design = DesignMatrix.build(corpus, all, Lexicon.shipped(), OPTIONS.minDf());
    SentimentWeights w = model.weights();
    int words = w.wordHashes().length;
    int chars = w.charHashes().length;
    assertThat(design.dimension()).isEqualTo(words + chars + SentimentText.CUES);
    for (int i : List.of(0, 1, 2, corpus.size() - 1)) {
      double[] expected = new double[3];
      for (int c = 0; c < 3; c++) {
        expected[c] = w.bias()[c];
      }
      for (var node : design.row(i)) {
        int column = node.getIndex() - 1;
        for (int c = 0; c < 3 && column < design.dimension(); c++) {
          float weight = column < words ? w.wordWeights()[column * 3 + c]
              : column < words + chars ? w.charWeights()[(column - words) * 3 + c]
              : w.cueWeights()[(column - words - chars) * 3 + c];
          expected[c] += node.getValue() * weight;
        }
      }
      double[] actual = model.decisionValues(corpus.text(i));
      for (int c = 0; c < 3; c++) {
        assertThat(actual[c]).as("line %d polarity %d", i, c).isEqualTo(expected[c], within(2e-3));
      }
    }
  }

  @Test
  void trainingIsReproducibleByteForByte() throws Exception {
    List<TrainingSet> sets = List.of(new TrainingSet("a", lines(30, 5, "alpha", true), 2));
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    SentimentModelFile.write(SentimentTrainer.train(sets, OPTIONS), first);
    SentimentModelFile.write(SentimentTrainer.train(sets, OPTIONS), second);
    assertThat(first.toByteArray()).isEqualTo(second.toByteArray());
  }

  @Test
  void refusesALabelThatIsNotAPolarity() {
    List<LabeledText> data = new ArrayList<>(lines(5, 6, "alpha", true));
    data.add(new LabeledText("meh", "mixed"));
    assertThatThrownBy(() -> SentimentTrainer.train(List.of(new TrainingSet("mine", data, 1)),
        OPTIONS)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("mine: label 'mixed' is not negative, neutral or positive");
  }

  @Test
  void theBuiltInLinesAreBalancedAndInBothLanguages() {
    TrainingSet builtIn = SentimentTrainer.builtInExamples();
    assertThat(builtIn.weight()).isEqualTo(SentimentTrainer.EXAMPLES_WEIGHT);
    assertThat(builtIn.examples()).hasSize(320);
    assertThat(builtIn.examples().stream().filter(l -> l.label().equals("neutral"))).hasSize(100);
    assertThat(builtIn.examples().stream().filter(l -> l.label().equals("positive"))).hasSize(114);
    assertThat(builtIn.examples().stream().map(LabeledText::text))
        .contains("Ik wil graag weten wanneer mijn contract afloopt.",
            "I'd like to know when my contract ends.");
  }

  @Test
  void theHashingFingerprintIsPinned() {
    // A change to the n-gram hashing makes every trained model unreadable (SentimentModel refuses
    // it): retrain the shipped model (waarom train-sentiment) and update this value.
    assertThat(SentimentFeatures.probe()).isEqualTo(-8872994580910443992L);
    assertThat(SentimentModel.shipped().weights().probe()).isEqualTo(SentimentFeatures.probe());
  }
}
