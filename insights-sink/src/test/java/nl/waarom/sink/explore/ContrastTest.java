package nl.waarom.sink.explore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nl.waarom.sink.db.ExploreReads.FeatureCount;
import org.junit.jupiter.api.Test;

class ContrastTest {
  @Test
  void theWordsOfTheReasonThatTheOthersLackComeFirst() {
    // 20 contacts of the reason among 200
    List<FeatureCount> counts = List.of(
        new FeatureCount("TERM", "betaallink", 15, 16),   // nearly only in the reason
        new FeatureCount("TERM", "bedankt", 10, 100),     // as common everywhere
        new FeatureCount("TERM", "ideal", 4, 8),
        new FeatureCount("TERM", "eenmalig", 1, 1),       // too rare to judge
        new FeatureCount("ATTRIBUTE", "campaign=winter-mail", 12, 14));

    List<Contrast.Feature> words = Contrast.strongest(counts, "TERM", 20, 200, 10);

    assertThat(words).extracting(Contrast.Feature::feature).containsExactly("betaallink", "ideal");
    assertThat(words.get(0).share()).isEqualTo(0.75);
    assertThat(words.get(0).otherShare()).isEqualTo(1 / 180.0);
    assertThat(words.get(0).score()).isGreaterThan(words.get(1).score());
    assertThat(Contrast.strongest(counts, "ATTRIBUTE", 20, 200, 10))
        .extracting(Contrast.Feature::feature).containsExactly("campaign=winter-mail");
    assertThat(Contrast.strongest(counts, "TERM", 0, 200, 10)).isEmpty();
  }

  @Test
  void gSquaredIsZeroForIndependenceAndGrowsWithTheDifference() {
    assertThat(Contrast.g2(10, 90, 100, 900)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(Contrast.g2(50, 50, 100, 900)).isGreaterThan(Contrast.g2(20, 80, 100, 900));
  }
}
