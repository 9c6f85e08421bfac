package nl.waarom.sink.explore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.db.ExploreReads.ReasonTotals;
import org.junit.jupiter.api.Test;

class OverviewTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:30:00Z");

  @Test
  void sevenDaysAreComparedWithTheSevenDaysBeforeInWholeHours() {
    Period week = Period.parse("7d", null, null, NOW);

    assertThat(week.to()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    assertThat(week.from()).isEqualTo(Instant.parse("2026-11-17T13:00:00Z"));
    assertThat(week.previous().from()).isEqualTo(Instant.parse("2026-11-10T13:00:00Z"));
    assertThat(week.previous().to()).isEqualTo(week.from());
    assertThat(Period.parse("today", null, null, NOW).previous().from())
        .isEqualTo(Instant.parse("2026-11-23T11:00:00Z")); // the same 13 hours before
    Period custom = Period.parse("custom", "2026-11-01", "2026-11-07", NOW);
    assertThat(custom.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(custom.to()).isEqualTo(Instant.parse("2026-11-08T00:00:00Z"));
    assertThat(custom.previous().from()).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
  }

  @Test
  void aBadPeriodIsNamed() {
    assertThatThrownBy(() -> Period.parse("week", null, null, NOW)).hasMessageContaining("7d");
    assertThatThrownBy(() -> Period.parse("custom", "2026-11-07", "2026-11-01", NOW))
        .hasMessageContaining("before");
    assertThatThrownBy(() -> Period.parse("custom", "2026-11-07", null, NOW))
        .hasMessageContaining("'to'");
  }

  @Test
  void reasonsRollUpIntoTheirGroupsWithTheChangeAgainstThePreviousPeriod() {
    Period week = Period.parse("7d", null, null, NOW);
    List<ReasonTotals> now = List.of(
        new ReasonTotals("payment-problem", 90, 60, 60 * 6 * 60_000L, 9, 80, 20, 18),
        new ReasonTotals("debt-collection", 10, 10, 10 * 4 * 60_000L, 0, 10, 1, 7),
        new ReasonTotals("outage", 40, 0, 0, 2, 0, 0),
        new ReasonTotals("unexplained", 10, 0, 0, 0, 0, 0));
    List<ReasonTotals> before = List.of(
        new ReasonTotals("payment-problem", 60, 0, 0, 0, 0, 0),
        new ReasonTotals("debt-collection", 20, 0, 0, 0, 0, 0),
        new ReasonTotals("moved-house", 5, 0, 0, 0, 0, 0));
    Map<String, String> parents = Map.of("payment-problem", "billing",
        "debt-collection", "billing");

    Overview o = Overview.of(week, new Overview.Filter(null, null, Overview.Sort.VOLUME), now,
        before, parents, 0.9);

    assertThat(o.groups()).extracting(Overview.Group::groupId)
        .containsExactly("billing", "outage", "unexplained", "moved-house");
    Overview.Group billing = o.groups().get(0);
    assertThat(billing.lines()).extracting(Overview.Line::reasonId)
        .containsExactly("payment-problem", "debt-collection");
    assertThat(billing.now().contacts()).isEqualTo(100);
    assertThat(billing.before().contacts()).isEqualTo(80);
    assertThat(billing.now().callbacks()).isEqualTo(25);
    assertThat(billing.now().callbackRate()).isEqualTo(0.25);
    Overview.Line payment = billing.lines().get(0);
    assertThat(payment.now().growth(payment.before())).isEqualTo(30);
    assertThat(payment.now().growthShare(payment.before())).isEqualTo(0.5);
    assertThat(payment.now().meanHandleMinutes()).isEqualTo(6.0);
    assertThat(payment.now().cost(0.9)).isCloseTo(60 * 6 * 0.9, within(1e-9));
    assertThat(payment.now().repeatRate()).isEqualTo(0.1);
    assertThat(payment.now().negativeShare()).isEqualTo(0.25);
    assertThat(payment.now().callbackRate()).isEqualTo(0.2);
    assertThat(payment.before().callbackRate()).as("none asked").isEqualTo(0.0);
    Overview.Line gone = o.groups().get(3).lines().get(0);
    assertThat(gone.now().contacts()).isZero();
    assertThat(gone.now().growthShare(gone.before())).isEqualTo(-1.0);
    assertThat(gone.now().callbackRate()).as("no contacts").isNull();
    assertThat(o.groups().get(1).lines().get(0).now().cost(0.9)).as("no handle time").isNull();
    assertThat(o.groups().get(1).lines().get(0).now().growthShare(Figures.NONE))
        .as("nothing before").isNull();
    assertThat(o.total().contacts()).isEqualTo(150);
    assertThat(o.totalBefore().contacts()).isEqualTo(85);
    assertThat(o.explainedShare()).isCloseTo(140 / 150.0, within(1e-9));
  }

  @Test
  void sortsByCostOrGrowth() {
    Period week = Period.parse("7d", null, null, NOW);
    List<ReasonTotals> now = List.of(
        new ReasonTotals("a", 100, 100, 100 * 60_000L, 0, 0, 0),
        new ReasonTotals("b", 10, 10, 10 * 30 * 60_000L, 0, 0, 0),
        new ReasonTotals("c", 50, 0, 0, 0, 0, 0));
    List<ReasonTotals> before = List.of(new ReasonTotals("a", 100, 0, 0, 0, 0, 0),
        new ReasonTotals("b", 9, 0, 0, 0, 0, 0));

    assertThat(Overview.of(week, new Overview.Filter(null, null, Overview.Sort.COST), now, before,
        Map.of(), 1.0).groups()).extracting(Overview.Group::groupId)
        .containsExactly("b", "a", "c"); // 300 minutes, 100 minutes, unknown
    assertThat(Overview.of(week, new Overview.Filter(null, null, Overview.Sort.GROWTH), now,
        before, Map.of(), 1.0).groups()).extracting(Overview.Group::groupId)
        .containsExactly("c", "b", "a"); // +50, +1, 0
    assertThatThrownBy(() -> Overview.Sort.parse("size")).hasMessageContaining("volume");
  }
}
