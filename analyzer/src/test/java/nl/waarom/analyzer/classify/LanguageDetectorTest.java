package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import nl.waarom.taxonomy.Example;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.TaxonomyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LanguageDetectorTest {
  private final LanguageDetector detector = new LanguageDetector(Language.NL);

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      Ik wil mijn abonnement opzeggen                     | NL
      waar blijft mijn pakket                              | NL
      I want to cancel my subscription                     | EN
      where is my parcel                                   | EN
      The payment link in your email doesn't work          | EN
      Goedemiddag, de betaallink werkt niet                | NL
      """)
  void tellsDutchFromEnglish(String text, Language expected) {
    assertThat(detector.detect(text)).isEqualTo(expected);
  }

  @Test
  void usesTheFallbackWithoutEvidence() {
    assertThat(detector.detect("")).isEqualTo(Language.NL);
    assertThat(new LanguageDetector(Language.EN).detect("12345 !!")).isEqualTo(Language.EN);
  }

  /** Measured: 431 of 433 examples (99.5 %); the floor is lower so a new example cannot flake it. */
  @Test
  void nearlyAlwaysRightOnTheDefaultTaxonomysExamples() {
    int total = 0;
    int right = 0;
    for (Reason r : TaxonomyLoader.loadDefault(RuleParser.check()).reasons()) {
      for (Example e : r.labelledExamples()) {
        total++;
        if (detector.detect(e.text()).code().equals(e.language())) {
          right++;
        }
      }
    }
    assertThat(total).isGreaterThan(400);
    assertThat((double) right / total).isGreaterThanOrEqualTo(0.97);
  }

  @ParameterizedTest
  @CsvSource({"nl, NL", "NL, NL", "nl-BE, NL", "dutch, NL", "en, EN", "en_GB, EN", "English, EN"})
  void languageCodesAreParsedForgivingly(String text, Language expected) {
    assertThat(Language.parse(text)).contains(expected);
  }

  @Test
  void otherLanguagesAreNotGuessed() {
    assertThat(Language.parse("de")).isEmpty();
    assertThat(Language.parse(null)).isEmpty();
    assertThat(Language.parse("enx")).isEmpty();
  }
}
