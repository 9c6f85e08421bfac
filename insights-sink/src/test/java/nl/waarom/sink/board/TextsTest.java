package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {
  @Test
  void dutchAndEnglishHaveTheSameKeys() {
    assertThat(Texts.NL.keys()).containsExactlyInAnyOrderElementsOf(Texts.EN.keys());
    for (String key : Texts.EN.keys()) {
      assertThat(Texts.NL.t(key)).as(key).isNotBlank();
    }
    assertThat(Texts.NL.t("explore.title")).isEqualTo("Verkennen");
    assertThat(Texts.EN.t("explore.title")).isEqualTo("Explore");
  }

  @Test
  void theBrowsersPreferenceDecidesWithoutAChoice() {
    assertThat(Texts.fromAcceptLanguage("nl-NL,nl;q=0.9,en;q=0.8")).isSameAs(Texts.NL);
    assertThat(Texts.fromAcceptLanguage("en-GB,en;q=0.9,nl;q=0.8")).isSameAs(Texts.EN);
    assertThat(Texts.fromAcceptLanguage("de-DE,de;q=0.9,nl;q=0.5")).isSameAs(Texts.NL);
    assertThat(Texts.fromAcceptLanguage("fr")).isSameAs(Texts.EN);
    assertThat(Texts.fromAcceptLanguage(null)).isSameAs(Texts.EN);
    assertThat(Texts.fromAcceptLanguage(";;;")).isSameAs(Texts.EN);
  }

  @Test
  void numbersAndMoneyAreWrittenTheLanguagesWay() {
    assertThat(Texts.EN.count(11_424)).isEqualTo("11,424");
    assertThat(Texts.NL.count(11_424)).isEqualTo("11.424");
    Money euro = Money.defaults();
    assertThat(euro.whole(1825.2, Texts.EN.locale())).isEqualTo("€1,825");
    assertThat(euro.exact(0.9, Texts.EN.locale())).isEqualTo("€0.90");
    assertThat(euro.whole(1825.2, Texts.NL.locale())).isEqualTo("€ 1.825");
    assertThat(new Money(1, Money.parseCurrency("usd")).whole(5, Texts.EN.locale()))
        .isEqualTo("US$5");
  }
}
