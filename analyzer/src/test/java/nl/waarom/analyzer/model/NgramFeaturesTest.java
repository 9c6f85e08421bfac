package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NgramFeaturesTest {
  private static List<long[]> features(NgramFeatures f, String text) {
    List<long[]> out = new ArrayList<>();
    f.extract(TextFolding.fold(text), (block, hash) -> out.add(new long[] {block, hash}));
    return out;
  }

  private static long count(List<long[]> features, int block) {
    return features.stream().filter(f -> f[0] == block).count();
  }

  @Test
  void foldingLowerCasesStripsAccentsAndPunctuation() {
    assertThat(new String(TextFolding.fold("Één CAFÉ, geïnd!"))).isEqualTo("een cafe  geind ");
    assertThat(new String(TextFolding.fold("ÅNGSTRÖM"))).isEqualTo("angstrom");
  }

  @Test
  void countsWordUnigramsBigramsAndPaddedCharacterGrams() {
    NgramFeatures f = new NgramFeatures(2, 3, true);
    List<long[]> got = features(f, "ab cd");
    // words: "ab", "cd", "ab cd"
    assertThat(count(got, NgramFeatures.WORDS)).isEqualTo(3);
    // " ab " has 3 bigrams and 2 trigrams; same for " cd "
    assertThat(count(got, NgramFeatures.CHARS)).isEqualTo(10);
  }

  @Test
  void withoutBigramsOnlyUnigramWords() {
    NgramFeatures f = new NgramFeatures(2, 2, false);
    assertThat(count(features(f, "one two three"), NgramFeatures.WORDS)).isEqualTo(3);
  }

  @Test
  void accentsAndCaseDoNotChangeFeatures() {
    NgramFeatures f = new NgramFeatures(2, 5, true);
    List<long[]> a = features(f, "Café geïnd");
    List<long[]> b = features(f, "cafe GEIND");
    assertThat(a).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.get(i)).containsExactly(b.get(i));
    }
  }

  @Test
  void differentNgramsHashDifferently() {
    NgramFeatures f = new NgramFeatures(2, 5, true);
    List<Long> hashes = features(f, "abcdef ghij").stream().map(x -> x[1]).toList();
    assertThat(hashes).doesNotHaveDuplicates();
  }

  @Test
  void longIntMapAddsGetsAndGrows() {
    LongIntMap map = new LongIntMap(2);
    for (long k = 0; k < 1000; k++) {
      map.add(NgramFeatures.mix(k), (int) k);
    }
    map.add(NgramFeatures.mix(7), 1);
    assertThat(map.size()).isEqualTo(1000);
    assertThat(map.get(NgramFeatures.mix(7), -1)).isEqualTo(8);
    assertThat(map.get(NgramFeatures.mix(999), -1)).isEqualTo(999);
    assertThat(map.get(NgramFeatures.mix(5000), -1)).isEqualTo(-1);
  }
}
