package nl.waarom.sink.backlog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import nl.waarom.sink.backlog.Ranking.Preventability;
import org.junit.jupiter.api.Test;

class RankingTest {
  private final Ranking ranking = Ranking.defaults();

  @Test
  void preventingIsWorthMoreThanSelfServiceThanAutomatingThanAssisting() {
    double prevent = ranking.valueAtStake(1000.0, null, null, "PREVENT", null);
    double selfService = ranking.valueAtStake(1000.0, null, null, "SELF_SERVICE", null);
    double automate = ranking.valueAtStake(1000.0, null, null, "AUTOMATE", null);
    double assist = ranking.valueAtStake(1000.0, null, null, "ASSIST", null);

    assertThat(prevent).isEqualTo(1000.0);
    assertThat(prevent).isGreaterThan(selfService);
    assertThat(selfService).isGreaterThan(automate);
    assertThat(automate).isGreaterThan(assist);
  }

  @Test
  void repeatsMultiplyAndAnUnknownHandleTimeUsesTheDefault() {
    assertThat(ranking.valueAtStake(1000.0, null, null, "PREVENT", 0.25)).isEqualTo(1250.0);
    // 200 contacts a week × 6 default minutes × 0.5 per minute × weight 0.5 (unknown class)
    assertThat(ranking.valueAtStake(null, 200.0, 0.5, null, null)).isEqualTo(300.0);
    assertThat(ranking.valueAtStake(null, null, null, "PREVENT", null)).isZero();
  }

  @Test
  void aSpikeIsRankedByWhatItsEpisodeCostAndWithoutHandleTimeByItsExcessContacts() {
    // 23 contacts in a minute where 0.5 were expected, 8.5 min at 0.90: 172 once, PREVENT
    double spike = ranking.valueAtStake(22.5 * 8.5 * 0.9, 22.5, null, 0.9, "PREVENT", null);
    // a structural reason of 100 contacts a week at the same handle time and price
    double structural = ranking.valueAtStake(100 * 8.5 * 0.9, null, 100.0, 0.9, "PREVENT", null);
    assertThat(spike).isCloseTo(172.125, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(structural).isGreaterThan(spike);
    // unknown handle time: 22.5 excess × 6 default minutes × 0.9, not the reason's weekly volume
    assertThat(ranking.valueAtStake(null, 22.5, 11_424.0, 0.9, "PREVENT", null))
        .isCloseTo(22.5 * 6 * 0.9, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void weightsAreConfigurableAndBadOnesAreNamed() {
    Map<Preventability, Double> w = Ranking.parseWeights("assist=2, prevent=0.1");
    assertThat(w).containsEntry(Preventability.ASSIST, 2.0)
        .containsEntry(Preventability.PREVENT, 0.1)
        .containsEntry(Preventability.SELF_SERVICE, 0.8);
    assertThatThrownBy(() -> Ranking.parseWeights("prevent=lots"))
        .hasMessageContaining("prevent").hasMessageContaining("lots");
    assertThatThrownBy(() -> Ranking.parseWeights("avoid=1"))
        .hasMessageContaining("unknown preventability class 'avoid'");
    assertThatThrownBy(() -> Ranking.parseWeights("assist=-1")).hasMessageContaining("≥ 0");
  }
}
