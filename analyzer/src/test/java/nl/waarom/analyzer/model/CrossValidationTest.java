package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  private static final TrainOptions OPTIONS = TrainOptions.defaults().withThreads(2);

  private static int[] labels(int labels, int perLabel) {
    int[] y = new int[labels * perLabel];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % labels;
    }
    return y;
  }

  private static List<char[]> folded(List<LabeledText> texts) {
    List<char[]> out = new ArrayList<>();
    texts.forEach(t -> out.add(TextFolding.fold(t.text())));
    return out;
  }

  private static int[] classes(List<LabeledText> texts) {
    List<String> names = Arrays.asList(SyntheticData.LABELS);
    return texts.stream().mapToInt(t -> names.indexOf(t.label())).toArray();
  }

  @Test
  void everyLabelIsSpreadOverTheFoldsAndKeepsTrainingExamplesInEach() {
    int[] y = labels(4, 7);
    int[] fold = CrossValidation.assign(y, 4, 5, 1L);
    int[][] count = new int[5][4];
    for (int i = 0; i < y.length; i++) {
      assertThat(fold[i]).isBetween(0, 4);
      count[fold[i]][y[i]]++;
    }
    for (int[] perLabel : count) {
      for (int c : perLabel) {
        // 7 examples over 5 folds: one or two held out per fold, five or six left to train on.
        assertThat(c).isBetween(1, 2);
      }
    }
  }

  @Test
  void aLabelsOnlyExampleIsNeverHeldOut() {
    int[] y = {0, 0, 0, 1, 1, 1, 2};
    int[] fold = CrossValidation.assign(y, 3, 5, 1L);
    assertThat(fold[6]).isEqualTo(-1);
    assertThat(Arrays.stream(fold, 0, 6)).allMatch(f -> f >= 0);
  }

  @Test
  void withFewExamplesEveryExampleIsHeldOutOnce() {
    List<LabeledText> data = SyntheticData.generate(6, 1);
    CrossValidation.HeldOut heldOut = CrossValidation.run(folded(data), classes(data), 4, OPTIONS);
    assertThat(heldOut.foldsRun()).isEqualTo(5);
    assertThat(heldOut.size()).isEqualTo(data.size());
    int[] perLabel = new int[4];
    Arrays.stream(heldOut.truth()).forEach(c -> perLabel[c]++);
    assertThat(perLabel).containsExactly(6, 6, 6, 6);
  }

  @Test
  void withManyExamplesFoldsStopOnceEnoughAreHeldOut() {
    List<LabeledText> data = SyntheticData.generate(50, 1);
    CrossValidation.HeldOut heldOut = CrossValidation.run(folded(data), classes(data), 4,
        OPTIONS.withCrossValidation(5, 10));
    // 40 wanted; the first fold holds out 10 of each label's 50.
    assertThat(heldOut.foldsRun()).isEqualTo(1);
    assertThat(heldOut.size()).isEqualTo(40);
    CrossValidation.HeldOut all = CrossValidation.run(folded(data), classes(data), 4,
        OPTIONS.withCrossValidation(5, Integer.MAX_VALUE));
    assertThat(all.foldsRun()).isEqualTo(5);
    assertThat(all.size()).isEqualTo(200);
  }

  @Test
  void heldOutTextsAreScoredByAModelFittedWithoutThem() {
    List<LabeledText> data = SyntheticData.generate(6, 1);
    List<char[]> texts = folded(data);
    int[] y = classes(data);
    CrossValidation.HeldOut heldOut = CrossValidation.run(texts, y, 4, OPTIONS);
    int[] fold = CrossValidation.assign(y, 4, OPTIONS.folds(), OPTIONS.seed());
    List<char[]> rest = new ArrayList<>();
    List<Integer> restY = new ArrayList<>();
    List<Integer> first = new ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (fold[i] == 0) {
        first.add(i);
      } else {
        rest.add(texts.get(i));
        restY.add(y[i]);
      }
    }
    LinearFit.Fitted without = LinearFit.fit(rest, restY.stream().mapToInt(Integer::intValue).toArray(), 4, OPTIONS);
    Vectorizer.Scratch scratch = without.vectorizer().newScratch();
    for (int k = 0; k < first.size(); k++) {
      assertThat(heldOut.truth()[k]).isEqualTo(y[first.get(k)]);
      assertThat(heldOut.logits()[k]).containsExactly(without.decisionValues(texts.get(first.get(k)), scratch));
    }
  }
}
