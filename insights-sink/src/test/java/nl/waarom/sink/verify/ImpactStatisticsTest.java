package nl.waarom.sink.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Impact verification on generated before/after data with a weekly rhythm and noisy days. */
class ImpactStatisticsTest {
  private static final LocalDate CHANGE = LocalDate.of(2026, 3, 2); // a Monday

  /**
   * Days of traffic: weekday volume ~8,000, weekends lower; the reason's share is 4% on weekdays
   * and 6% on weekends (it is a weekend-heavy reason), times a day-to-day noise factor (±12%,
   * overdispersed), times {@code effect} after the change; counts are binomial around that.
   */
  private static List<DayShare> days(LocalDate from, int n, double effect, long seed) {
    Random random = new Random(seed);
    List<DayShare> days = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      LocalDate day = from.plusDays(i);
      boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY
          || day.getDayOfWeek() == DayOfWeek.SUNDAY;
      long total = Math.round((weekend ? 3000 : 8000) * (1 + 0.1 * random.nextGaussian()));
      double share = (weekend ? 0.06 : 0.04) * (1 + 0.12 * random.nextGaussian()) * effect;
      long reason = Math.round(total * share + Math.sqrt(total * share) * random.nextGaussian());
      days.add(new DayShare(day, Math.max(0, Math.min(total, reason)), total));
    }
    return days;
  }

  private static ImpactResult run(double effect, long seed) {
    return ImpactStatistics.compare(days(CHANGE.minusDays(28), 28, 1.0, seed),
        days(CHANGE.plusDays(1), 7, effect, seed * 31 + 7), 0.05, 0.10);
  }

  @Test
  void aRealThirtyPercentDropIsVerified() {
    int verified = 0;
    for (long seed = 1; seed <= 100; seed++) {
      ImpactResult r = run(0.70, seed);
      if (r.effective()) {
        verified++;
      }
      assertThat(r.change()).isBetween(-0.45, -0.15);
    }
    assertThat(verified).as("30%% drops verified out of 100").isGreaterThanOrEqualTo(95);
  }

  @Test
  void noiseIsNotVerified() {
    int verified = 0;
    for (long seed = 1; seed <= 200; seed++) {
      if (run(1.0, seed).effective()) {
        verified++;
      }
    }
    // α = 0.05 and a 10% minimum drop: noise alone passes both rarely
    assertThat(verified).as("unchanged reasons judged effective out of 200").isLessThanOrEqualTo(6);
  }

  @Test
  void aDropThatIsOnlyTheWeekendRhythmIsNotAnEffect() {
    // after-period of weekdays only, where the reason is always less common than at weekends
    List<DayShare> before = days(CHANGE.minusDays(28), 28, 1.0, 3);
    List<DayShare> after = days(CHANGE, 5, 1.0, 4); // Monday to Friday
    ImpactResult r = ImpactStatistics.compare(before, after, 0.05, 0.10);

    assertThat(r.afterShare()).isLessThan(r.beforeShare()); // a naive comparison sees a drop
    assertThat(r.effective()).isFalse();
    assertThat(r.change()).isBetween(-0.10, 0.10);
  }

  @Test
  void tooLittleHistoryIsAnErrorNotAVerdict() {
    assertThatThrownBy(() -> ImpactStatistics.compare(days(CHANGE.minusDays(7), 7, 1, 1),
        days(CHANGE, 7, 0.5, 2), 0.05, 0.1)).hasMessageContaining("too little data");
  }

  @Test
  void studentTDistributionMatchesTables() {
    assertThat(ImpactStatistics.studentTCdf(0, 10)).isCloseTo(0.5, within(1e-9));
    assertThat(ImpactStatistics.studentTCdf(-2.228, 10)).isCloseTo(0.025, within(2e-4));
    assertThat(ImpactStatistics.studentTCdf(1.812, 10)).isCloseTo(0.95, within(2e-4));
    assertThat(ImpactStatistics.studentTCdf(-1.96, 100_000)).isCloseTo(0.025, within(2e-4));
  }
}
