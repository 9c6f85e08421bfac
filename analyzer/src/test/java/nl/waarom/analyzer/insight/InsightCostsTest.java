package nl.waarom.analyzer.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import org.junit.jupiter.api.Test;

class InsightCostsTest {
  private static Insight.Builder spike() {
    Instant at = Instant.parse("2026-11-24T10:15:00Z");
    return Insight.newBuilder().setInsightId("spike:payment-problem:" + at)
        .setKind(InsightKind.SPIKE).setReasonId("payment-problem").setWindowStart(at)
        .setWindowEnd(at.plusSeconds(60)).setCount(23).setBaseline(0.5).setDetectedAt(at);
  }

  /**
   * The surge the board once valued at "~11,424 contacts per week · 97,126 per week": 23 contacts
   * in one minute where 0.5 were expected cost 22.5 contacts' handling, not a week of that rate.
   */
  @Test
  void aOneMinuteSurgeIsValuedByItsExcessContactsNotAWeekOfItsRate() {
    Insight insight = InsightCosts.withEpisodeCost(spike(), 23, 0.5, 1, 8.5, 0.9).build();

    assertThat(insight.getExcessContacts()).isEqualTo(22.5);
    assertThat(insight.getEpisodeCost()).isCloseTo(22.5 * 8.5 * 0.9, within(1e-9)); // 172.125
    assertThat(insight.getEstimatedCost()).isEqualTo(insight.getEpisodeCost());
    assertThat(insight.getEstimatedCost()).isLessThan(200.0);
    assertThat(insight.getWeeklyVolume()).isNull();
    assertThat(insight.getExcessPerHour()).isEqualTo(22.5 * 60); // its rate while it lasts
  }

  @Test
  void theRateWhileItLastsSpreadsTheExcessOverTheEpisodesMinutes() {
    Insight insight = InsightCosts.withEpisodeCost(spike(), 340, 28, 48, 6.5, 0.9).build();

    assertThat(insight.getExcessContacts()).isEqualTo(312.0);
    assertThat(insight.getEpisodeCost()).isCloseTo(312 * 6.5 * 0.9, within(1e-9)); // 1,825.2
    assertThat(insight.getExcessPerHour()).isEqualTo(312 * 60 / 48.0);
  }

  @Test
  void anEpisodeBelowItsExpectedCountCostsNothingAndAnUnknownHandleTimeIsNoCost() {
    assertThat(InsightCosts.withEpisodeCost(spike(), 3, 4.2, 2, 5.0, 1.0).build()
        .getEpisodeCost()).isZero();
    Insight unknown = InsightCosts.withEpisodeCost(spike(), 23, 0.5, 1, null, 1.0).build();
    assertThat(unknown.getExcessContacts()).isEqualTo(22.5);
    assertThat(unknown.getEpisodeCost()).isNull();
    assertThat(unknown.getEstimatedCost()).isNull();
  }

  @Test
  void aStructuralInsightIsValuedByItsWeeklyVolume() {
    Insight insight = InsightCosts.withCost(spike().setKind(InsightKind.REPEAT_HOTSPOT), 210,
        3.0, 1.0).build();

    assertThat(insight.getEstimatedCost()).isEqualTo(630.0);
    assertThat(insight.getExcessContacts()).isNull();
    assertThat(insight.getEpisodeCost()).isNull();
  }

  @Test
  void rejectsAnEpisodeWithoutMinutes() {
    assertThatThrownBy(() -> InsightCosts.withEpisodeCost(spike(), 1, 0, 0, 1.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
