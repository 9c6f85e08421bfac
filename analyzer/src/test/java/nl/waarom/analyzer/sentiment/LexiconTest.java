package nl.waarom.analyzer.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class LexiconTest {
  private static final Lexicon SHIPPED = Lexicon.shipped();

  private static Lexicon.Kind kindOf(Lexicon lexicon, String word) {
    int entry = lexicon.find(word.toCharArray(), 0, word.length());
    return entry == Lexicon.NONE ? null : lexicon.kind(entry);
  }

  @Test
  void findsWordsStemsAndNegationsInBothLanguages() {
    assertThat(kindOf(SHIPPED, "teleurgesteld")).isEqualTo(Lexicon.Kind.NEGATIVE);
    assertThat(kindOf(SHIPPED, "teleurstellende")).isEqualTo(Lexicon.Kind.NEGATIVE);
    assertThat(kindOf(SHIPPED, "disappointing")).isEqualTo(Lexicon.Kind.NEGATIVE);
    assertThat(kindOf(SHIPPED, "tevreden")).isEqualTo(Lexicon.Kind.POSITIVE);
    assertThat(kindOf(SHIPPED, "helpful")).isEqualTo(Lexicon.Kind.POSITIVE);
    assertThat(kindOf(SHIPPED, "niet")).isEqualTo(Lexicon.Kind.NEGATE);
    assertThat(kindOf(SHIPPED, "never")).isEqualTo(Lexicon.Kind.NEGATE);
    assertThat(kindOf(SHIPPED, "heel")).isEqualTo(Lexicon.Kind.INTENSIFY);
    assertThat(kindOf(SHIPPED, "maar")).isEqualTo(Lexicon.Kind.CONTRAST);
    // "slecht" is listed as words, not as a stem: "slechts" (only) is not negative
    assertThat(kindOf(SHIPPED, "slechts")).isNull();
    assertThat(kindOf(SHIPPED, "factuur")).isNull();
  }

  @Test
  void theLongestMatchingStemWinsAndAnExactWordBeatsAStem() throws Exception {
    Lexicon lexicon = Lexicon.parse(new StringReader("""
        # a comment
        neg fout*
        pos foutloos 2
        neg foutje* 0.5
        """), "test");
    assertThat(lexicon.size()).isEqualTo(3);
    char[] word = "foutjes".toCharArray();
    assertThat(lexicon.weight(lexicon.find(word, 0, word.length))).isEqualTo(0.5f);
    word = "foutloos".toCharArray();
    assertThat(lexicon.kind(lexicon.find(word, 0, word.length))).isEqualTo(Lexicon.Kind.POSITIVE);
    word = "fout".toCharArray();
    assertThat(lexicon.kind(lexicon.find(word, 0, word.length))).isEqualTo(Lexicon.Kind.NEGATIVE);
  }

  @Test
  void refusesBadLinesWithTheirNumber() {
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("neg slecht\nneg slecht\n"), "lex"))
        .hasMessage("lex:2: 'slecht' is listed twice");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("\nbad slecht\n"), "lex"))
        .hasMessageStartingWith("lex:2: unknown kind 'bad'");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("neg slecht 7\n"), "lex"))
        .hasMessageStartingWith("lex:1: weight must be a number in (0, 3]");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("neg Slecht\n"), "lex"))
        .hasMessageStartingWith("lex:1: a term is lower-case ASCII");
    assertThatThrownBy(() -> Lexicon.parse(new StringReader("neg\n"), "lex"))
        .hasMessageStartingWith("lex:1: expected KIND TERM [WEIGHT]");
  }
}
