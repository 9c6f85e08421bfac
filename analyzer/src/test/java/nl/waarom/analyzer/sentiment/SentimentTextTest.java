package nl.waarom.analyzer.sentiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.analyzer.model.NgramFeatures;
import org.junit.jupiter.api.Test;

class SentimentTextTest {
  private static final Lexicon LEXICON = Lexicon.shipped();
  private static final NgramFeatures NGRAMS = SentimentFeatures.ngrams();

  private static SentimentText read(String raw) {
    SentimentText text = new SentimentText();
    DesignMatrix.analyse(raw, text, NGRAMS, LEXICON);
    return text;
  }

  private static List<String> negatedWords(SentimentText text) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < text.words; i++) {
      if (text.negated[i]) {
        words.add(new String(text.folded, text.start[i], text.end[i] - text.start[i]));
      }
    }
    return words;
  }

  @Test
  void aNegationCoversTheNextThreeWordsUpToAClauseBoundary() {
    assertThat(negatedWords(read("Dit is niet goed geregeld door jullie"))).containsExactly(
        "goed", "geregeld", "door");
    assertThat(negatedWords(read("Niet slecht, prima geholpen!"))).containsExactly("slecht");
    assertThat(negatedWords(read("I don't like it"))).containsExactly("like", "it");
    // an intensifier does not use up the scope
    assertThat(negatedWords(read("not very good"))).containsExactly("good");
  }

  @Test
  void negationsAndIntensifiersOfASentimentWordGiveNoFeaturesOfTheirOwn() {
    assertThat(silentWords(read("Dit is niet goed"))).containsExactly("niet");
    assertThat(silentWords(read("Ik ben echt heel teleurgesteld"))).containsExactly("echt", "heel");
    // without a sentiment word to act on, they are words like any other
    assertThat(silentWords(read("Ik begrijp het niet"))).isEmpty();
    assertThat(silentWords(read("Het is heel, heel erg"))).isEmpty();
  }

  private static List<String> silentWords(SentimentText text) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < text.words; i++) {
      if (text.silent[i]) {
        words.add(new String(text.folded, text.start[i], text.end[i] - text.start[i]));
      }
    }
    return words;
  }

  @Test
  void aNegationWithNothingToNegateAheadTurnsTheWordBeforeItAround() {
    SentimentText dutch = read("Het werkt niet, ik heb de router herstart");
    assertThat(negatedWords(dutch)).containsExactly("werkt");
    assertThat(silentWords(dutch)).containsExactly("niet");
    assertThat(dutch.cues[0]).isZero();
    assertThat(dutch.cues[2]).isPositive();
    // with a sentiment word ahead, that one is negated and the verb stays as it is
    assertThat(negatedWords(read("Het werkt niet goed"))).containsExactly("goed");
    assertThat(read("Het werkt niet goed").cues[0]).isPositive(); // werkt
  }

  @Test
  void negatedWordsCountOnTheirOwnSide() {
    SentimentText notGood = read("Dit is niet goed");
    assertThat(notGood.cues[0]).isZero(); // positive
    assertThat(notGood.cues[2]).isEqualTo(0.5f, within(1e-6f)); // negated positive: 1 / (1 + 1)
    assertThat(notGood.cues[4]).isEqualTo(1f); // a negation occurred
    assertThat(notGood.cues[8]).isNegative(); // the balance leans negative
    SentimentText notBad = read("Dat was niet slecht");
    assertThat(notBad.cues[1]).isZero(); // negative
    assertThat(notBad.cues[3]).isPositive(); // negated negative
    assertThat(notBad.cues[8]).isPositive();
  }

  @Test
  void intensifiersContrastsAndAtAllChangeTheWeights() {
    // "heel" 1.5 x "tevreden" 1.5 = 2.25
    assertThat(read("Ik ben heel tevreden").cues[0]).isEqualTo(2.25f / 3.25f, within(1e-6f));
    // "maar" halves what came before it: goed 1 -> 0.5
    SentimentText contrast = read("Het is goed maar erg traag");
    assertThat(contrast.cues[0]).isEqualTo(0.5f / 1.5f, within(1e-6f));
    assertThat(contrast.cues[1]).isEqualTo(1.5f / 2.5f, within(1e-6f)); // erg 1.5 x traag 1
    // "great" 1.5, negated, and "at all" adds half: 2.25
    assertThat(read("not great at all").cues[2]).isEqualTo(2.25f / 3.25f, within(1e-6f));
  }

  @Test
  void punctuationCuesAndTextsWithoutSentimentWords() {
    SentimentText shout = read("WAAROM werkt dit NIET?!");
    assertThat(shout.cues[5]).isEqualTo(0.5f); // one exclamation mark
    assertThat(shout.cues[6]).isEqualTo(1f); // a question
    assertThat(shout.cues[7]).isEqualTo(1f); // two words in capitals
    SentimentText plain = read("Mijn klantnummer is 123456");
    assertThat(plain.cues[9]).isEqualTo(1f);
    assertThat(negatedWords(plain)).isEmpty();
    assertThat(read("").words).isZero();
  }
}
