package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExplainerTest {
  private static ReasonModel model;

  @BeforeAll
  static void train() {
    model = ModelTrainer.train(SyntheticData.generate(40, 1), TrainOptions.defaults().withThreads(2));
  }

  @Test
  void theLabelsOwnWordsWeighMostAndPointIntoTheText() {
    String text = "Hello, my PARCEL and the courier?";

    List<WeighedSpan> spans = model.explain(text, "delivery", 2);

    assertThat(spans).hasSize(2);
    assertThat(spans).extracting(s -> text.substring(s.start(), s.end()))
        .containsExactly("PARCEL", "courier");
    assertThat(spans).allSatisfy(s -> assertThat(s.weight()).isPositive());
  }

  @Test
  void offsetsAreInTheTextAsWrittenWithItsAccentsAndSymbols() {
    // the model reads "cour ier delivery" (accents folded, symbols blanked; an emoji is two
    // chars); the evidence points at the words as written
    String text = "😀 cöur-ier délivery!";

    List<WeighedSpan> spans = model.explain(text, "delivery", 5);

    assertThat(spans).extracting(s -> text.substring(s.start(), s.end())).contains("délivery");
    assertThat(spans).allSatisfy(s -> assertThat(text.substring(s.start(), s.end()))
        .matches("\\p{L}[\\p{L}\\p{M} -]*\\p{L}"));
  }

  @Test
  void wordsThatSpeakAgainstTheLabelAreNoEvidence() {
    assertThat(model.explain("password reset locked login", "delivery", 3)).isEmpty();
    assertThat(model.explain("parcel", "no-such-label", 3)).isEmpty();
  }

  @Test
  void aFeatureThatOccursTwiceSharesItsWeight() {
    List<WeighedSpan> once = model.explain("parcel", "delivery", 1);
    List<WeighedSpan> twice = model.explain("parcel parcel", "delivery", 2);

    assertThat(twice).hasSize(2);
    assertThat(twice.get(0).weight()).isCloseTo(twice.get(1).weight(),
        org.assertj.core.data.Offset.offset(1e-9));
    // sublinear term frequency: two occurrences weigh more than one, less than twice as much
    double both = twice.get(0).weight() + twice.get(1).weight();
    assertThat(both).isGreaterThan(0).isLessThan(2 * once.get(0).weight() + 1e-9);
  }

  @Test
  void explainsExactlyAsTheStraightforwardMapBasedWayOnShortAndLongTexts() {
    List<LabeledText> data = SyntheticData.generate(40, 7);
    Random random = new Random(3);
    List<String> texts = new ArrayList<>();
    data.forEach(d -> texts.add(d.text()));
    for (int i = 0; i < 50; i++) { // e-mail-sized texts with repeated words and phrases
      StringBuilder b = new StringBuilder();
      for (int j = 0; j < 40; j++) {
        b.append(data.get(random.nextInt(data.size())).text()).append(j % 7 == 0 ? "\n" : ". ");
      }
      texts.add(b.toString());
    }
    for (String text : texts) {
      for (String label : model.labels()) {
        int index = model.labels().indexOf(label);
        assertThat(model.explain(text, label, 12))
            .as("%s on %s", label, text)
            .isEqualTo(reference(model.vectorizer(), model.scorer(), text, index, 12));
      }
    }
  }

  /** The explanation as first written, with boxed maps: what the array version must equal. */
  private static List<WeighedSpan> reference(Vectorizer vectorizer, LinearScorer scorer,
      String text, int label, int max) {
    FoldedText folded = FoldedText.of(text).orElse(null);
    if (folded == null) {
      return List.of();
    }
    Vectorizer.Scratch scratch = vectorizer.newScratch();
    vectorizer.vectorizeFolded(folded.chars(), scratch);
    Map<Integer, Double> contribution = new HashMap<>();
    for (int k = 0; k < scratch.size; k++) {
      int f = scratch.idx[k];
      contribution.put(f, (double) scratch.val[k] * scorer.weight(f, label));
    }
    Map<Integer, Integer> occurrences = new HashMap<>();
    vectorizer.occurrences(folded.chars(), (f, start, end) -> {
      if (f >= 0) {
        occurrences.merge(f, 1, Integer::sum);
      }
    });
    Map<Long, Double> bySpan = new HashMap<>();
    vectorizer.occurrences(folded.chars(), (f, start, end) -> {
      Double c = f < 0 ? null : contribution.get(f);
      if (c != null) {
        bySpan.merge(((long) start << 32) | end, c / occurrences.get(f), Double::sum);
      }
    });
    List<Map.Entry<Long, Double>> ranked = new ArrayList<>(bySpan.entrySet());
    ranked.sort(Map.Entry.<Long, Double>comparingByValue().reversed()
        .thenComparing(Map.Entry.comparingByKey()));
    List<WeighedSpan> chosen = new ArrayList<>();
    for (Map.Entry<Long, Double> e : ranked) {
      if (chosen.size() == max || e.getValue() <= 0) {
        break;
      }
      int start = folded.originalStart((int) (e.getKey() >>> 32));
      int end = folded.originalEnd(text, (int) (long) e.getKey());
      if (chosen.stream().noneMatch(s -> s.start() < end && start < s.end())) {
        chosen.add(new WeighedSpan(start, end, e.getValue()));
      }
    }
    chosen.sort(Comparator.comparingInt(WeighedSpan::start));
    return List.copyOf(chosen);
  }
}
