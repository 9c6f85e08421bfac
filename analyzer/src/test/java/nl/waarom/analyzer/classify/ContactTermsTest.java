package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContactTermsTest {

  @Test
  void wordsAndAdjacentPhrasesWithoutStopWords() {
    assertThat(ContactTerms.of(List.of("Hi, the app update deletes my settings!")))
        .containsExactly("app", "update", "deletes", "settings", "app update", "update deletes",
            "deletes settings");
  }

  @Test
  void placeholdersNumbersAndGreetingsAreNotVocabulary() {
    assertThat(ContactTerms.words("Goedemiddag, mijn IBAN [IBAN] en order 12345 van €12,50"))
        .containsExactly("iban", "order");
  }

  @Test
  void phrasesDoNotSpanTwoTexts() {
    assertThat(ContactTerms.of(List.of("factuur", "kapot"))).containsExactly("factuur", "kapot");
  }

  @Test
  void atMostMaxTermsWordsFirst() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      text.append("woord").append((char) ('a' + i % 26)).append((char) ('a' + i / 26)).append(' ');
    }
    List<String> terms = ContactTerms.of(List.of(text.toString()));
    assertThat(terms).hasSize(ContactTerms.MAX_TERMS).allMatch(t -> !t.contains(" "));
  }
}
