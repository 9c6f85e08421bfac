package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.waarom.sink.access.AccessGate;
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
  void eachBundleFileHasEveryKeyOfTheOtherItself() throws IOException {
    // read the files as they are: the Dutch bundle's parent is the English one, so a key missing
    // from the Dutch file would otherwise still be found (in English)
    java.util.Properties en = properties("messages.properties");
    java.util.Properties nl = properties("messages_nl.properties");
    assertThat(nl.stringPropertyNames()).as("keys of messages_nl.properties")
        .containsExactlyInAnyOrderElementsOf(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      assertThat(nl.getProperty(key)).as(key).isNotBlank();
    }
  }

  private static java.util.Properties properties(String name) throws IOException {
    java.util.Properties p = new java.util.Properties();
    try (var in = Files.newBufferedReader(
        Path.of("src/main/resources/nl/waarom/sink/board", name),
        java.nio.charset.StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  @Test
  void everyKeyTheBoardAsksForIsInBothLanguagesAndEveryPatternParses() throws IOException {
    // the literal keys of t.t("...") in the board's sources (keys built from data use t.or)
    Pattern literal = Pattern.compile(
        "\\bt\\(\\)\\.t\\(\"([A-Za-z0-9_.]+)\"|\\bt\\.t\\(\"([A-Za-z0-9_.]+)\"");
    Set<String> asked = new TreeSet<>();
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/nl/waarom/sink/board"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher m = literal.matcher(Files.readString(source));
        while (m.find()) {
          String key = m.group(1) != null ? m.group(1) : m.group(2);
          if (!key.endsWith(".")) { // "status." + value: a family the bundles list in full
            asked.add(key);
          }
        }
      }
    }
    assertThat(asked).as("keys the sources ask for").contains("contact.reasons", "backtest.title",
        "item.status");
    for (AccessGate.Refusal why : AccessGate.Refusal.values()) {
      asked.add("signIn." + why.name()); // the refusal pages a browser gets
    }
    assertThat(Texts.EN.keys()).containsAll(asked);
    assertThat(Texts.NL.keys()).containsAll(asked);
    for (Texts t : new Texts[] {Texts.EN, Texts.NL}) {
      for (String key : t.keys()) {
        // a pattern with arguments is a MessageFormat: an unbalanced quote or brace would fail
        assertThat(new MessageFormat(t.t(key), t.locale()).toPattern()).as(key).isNotNull();
      }
    }
  }

  @Test
  void aDutchContactPageAndAnEnglishOneSayTheSameThingsInTheirOwnWords() {
    assertThat(Texts.NL.t("contact.handle", Texts.NL.t("unit.minutes", Texts.NL.number(1.5, 1))))
        .isEqualTo("afhandeltijd 1,5 min");
    assertThat(Texts.EN.t("contact.handle", Texts.EN.t("unit.minutes", Texts.EN.number(1.5, 1))))
        .isEqualTo("handle time 1.5 min");
    assertThat(Texts.NL.or("source.FEEDBACK", "FEEDBACK")).isEqualTo("correctie");
    assertThat(Texts.NL.or("kind.SOMETHING_NEW", "SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
  }

  @Test
  void anErrorPageIsInThePagesLanguageWithItsDetailEscaped() {
    String nl = ErrorPage.render(new Page(Texts.NL, "/items/x", java.util.Map.of()), 404,
        Texts.NL.t("item.notFound", "x<1>"), null);
    assertThat(nl).contains("<html lang=\"nl\">", "<title>Niet gevonden · Waarom</title>",
        "<p id=\"error\" data-status=\"404\">Geen backlogitem x&lt;1&gt;.</p>", ">← bord</a>");
    String en = ErrorPage.render(Page.english("/explore"), 400,
        Texts.EN.t("error.badParameter", "period"), "one of today, 7d: '<x>'");
    assertThat(en).contains("<h1>Something went wrong</h1>",
        "The value of period is not valid.", "<code>one of today, 7d: &#39;&lt;x&gt;&#39;</code>");
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
