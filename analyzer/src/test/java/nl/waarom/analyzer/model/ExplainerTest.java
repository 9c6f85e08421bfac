package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
