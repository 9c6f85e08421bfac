package nl.waarom.analyzer.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import nl.waarom.analyzer.model.CsvExamples;
import nl.waarom.analyzer.model.LabeledText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped model on sentences whose sentiment is plain, and on the hand-written test sets. */
class SentimentModelTest {
  private static final SentimentModel MODEL = SentimentModel.shipped();

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Ik ben heel tevreden over de hulp                 | POSITIVE
      Ik ben helemaal niet tevreden over de hulp        | NEGATIVE
      Dit is echt belachelijk, al drie weken geen internet | NEGATIVE
      Kunt u mij uw postcode en huisnummer geven?       | NEUTRAL
      Top, bedankt voor het snelle antwoord!            | POSITIVE
      The engineer was really helpful, thank you        | POSITIVE
      The service was not great at all                  | NEGATIVE
      Your app is useless and nobody helps me           | NEGATIVE
      Could you confirm your date of birth please?      | NEUTRAL
      """)
  void plainSentimentInBothLanguages(String text, Polarity expected) {
    assertThat(MODEL.score(text).polarity()).as(text).isEqualTo(expected);
  }

  @Test
  void aNegationTurnsTheScoreAround() {
    assertThat(MODEL.score("Dat is goed geregeld").score())
        .isGreaterThan(MODEL.score("Dat is niet goed geregeld").score() + 0.5);
    assertThat(MODEL.score("Het was niet slecht").score())
        .isGreaterThan(MODEL.score("Het was slecht").score() + 0.5);
    assertThat(MODEL.score("That was not bad at all").polarity()).isNotEqualTo(Polarity.NEGATIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "?!...", "👍"})
  void aTextWithoutWordsIsNeutral(String text) {
    assertThat(MODEL.score(text)).isEqualTo(SentimentScore.NONE);
    assertThat(MODEL.probabilities(text)).isNull();
  }

  @Test
  void probabilitiesSumToOneAndTheScoreIsTheirDifference() {
    double[] p = MODEL.probabilities("Ik ben erg blij met de oplossing").clone();
    assertThat(p[0] + p[1] + p[2]).isEqualTo(1.0, within(1e-9));
    SentimentScore s = MODEL.score("Ik ben erg blij met de oplossing");
    assertThat(s.score()).isEqualTo(p[2] - p[0], within(1e-9));
    assertThat(s.polarity()).isEqualTo(Polarity.POSITIVE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"customer-service-nl.csv", "customer-service-en.csv"})
  void theHandWrittenCustomerServiceSetsScoreWell(String file) throws Exception {
    List<LabeledText> lines;
    try (var in = getClass().getResourceAsStream(file)) {
      lines = CsvExamples.read(new InputStreamReader(in, StandardCharsets.UTF_8), file, "text",
          "label");
    }
    assertThat(lines).hasSize(40);
    assertThat(macroF1(MODEL, lines)).as(file).isGreaterThanOrEqualTo(0.80);
  }

  @Test
  void aWrittenModelReadsBackScoringTheSame() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SentimentModelFile.write(MODEL, bytes);
    SentimentModel copy = SentimentModelFile.read(new ByteArrayInputStream(bytes.toByteArray()));
    for (String text : List.of("Niet slecht, prima geholpen!", "Waardeloze service",
        "onbekendwoord xyzzy", "Mag ik uw klantnummer?")) {
      assertThat(copy.probabilities(text)).containsExactly(MODEL.probabilities(text).clone());
    }
    assertThat(bytes.size()).isLessThan(2_000_000);
  }

  static double macroF1(SentimentModel model, List<LabeledText> lines) {
    int[][] counts = new int[3][3];
    for (LabeledText line : lines) {
      counts[Polarity.parse(line.label()).orElseThrow().ordinal()][
          model.score(line.text()).polarity().ordinal()]++;
    }
    double sum = 0;
    for (int c = 0; c < 3; c++) {
      int tp = counts[c][c];
      int fp = counts[0][c] + counts[1][c] + counts[2][c] - tp;
      int fn = counts[c][0] + counts[c][1] + counts[c][2] - tp;
      sum += 2.0 * tp / (2 * tp + fp + fn);
    }
    return sum / 3;
  }
}
