package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.db.InsightDetails;
import nl.waarom.sink.db.InsightRow;
import org.junit.jupiter.api.Test;

class ValueFormulaTest {
  private static final Instant START = Instant.parse("2026-11-24T10:15:00Z");
  private final Ranking ranking = Ranking.defaults();

  private static InsightRow spike(Double handle) {
    return new InsightRow("spike:payment-problem:" + START, "SPIKE", "payment-problem",
        List.of(), START, START.plusSeconds(48 * 60), 340, 28.0, List.of("CHAT"), List.of(),
        handle == null ? null : 312 * handle * 0.9, "PREVENT", START.plusSeconds(60),
        "Spike", new InsightDetails("Payment problem", List.of(), null, handle, 0.9, null, 9.0,
            null, null, 312.0, handle == null ? null : 312 * handle * 0.9, 390.0));
  }

  private BacklogItem item(InsightRow latest, String kind, Double weekly) {
    double value = ranking.valueAtStake(latest.estimatedCost(),
        latest.details().excessContacts(), weekly, 0.9, "PREVENT", 0.1);
    return new BacklogItem("spike.payment-problem", "Spike: Payment problem", kind,
        "payment-problem", List.of(), "new", 1, START, START, latest.estimatedCost(), "PREVENT",
        latest, new BacklogItem.Work(value, weekly, latest.details().avgHandleMinutes(), 0.1, null,
            null, null, null, null, null));
  }

  @Test
  void aSpikeShowsWhatItsEpisodeCostWithItsNumbersAndItsRateWhileItLasts() {
    String html = new ValueFormula(ranking, Money.defaults()).html(item(spike(6.5), "SPIKE", null),
        Texts.EN);

    assertThat(html).contains("312 excess contacts (340 − baseline 28.0) × 6.5 min × €0.90/min"
        + " = €1,825")
        .contains("while it lasts: ~390 excess contacts an hour ≈ €2,282 an hour")
        .contains("€1,825 × weight 1.0 (PREVENT) × (1 + repeat rate 0.10) = value at stake €2,008")
        .doesNotContain("per week");
  }

  @Test
  void aSpikeWithoutHandleTimeSaysWhichHandleTimeItAssumes() {
    String html = new ValueFormula(ranking, Money.defaults()).html(item(spike(null), "SPIKE", null),
        Texts.NL);

    assertThat(html).contains("312 extra contacten (340 − basislijn 28,0) × 6,0 min (aangenomen)"
        + " × € 0,90/min = € 1.685");
  }

  @Test
  void aStructuralReasonIsValuedByItsWeeklyVolume() {
    InsightRow s = spike(6.5);
    InsightRow repeat = new InsightRow("repeat:x", "REPEAT_HOTSPOT", "payment-problem", List.of(),
        START, START.plusSeconds(3600), 40, 10, List.of(), List.of(), 120 * 6.5 * 0.9, "PREVENT",
        START, "Repeats", new InsightDetails("Payment problem", List.of(), 120.0, 6.5, 0.9, 0.1,
            null, null, null));

    String html = new ValueFormula(ranking, Money.defaults()).html(item(repeat, "REPEAT_HOTSPOT",
        120.0), Texts.EN);

    assertThat(s.details().weeklyVolume()).isNull();
    assertThat(html).contains("~120 contacts a week × 6.5 min × €0.90/min = €702 a week");
  }

  @Test
  void aChartOfOneWindowDrawsADotWithItsValue() {
    String svg = Svg.volumeChart(new long[] {23}, new double[] {0.5}, 720, 160);

    assertThat(svg).contains("<circle class=\"volume\"").contains(">23</text>")
        .contains("one window so far").contains("<line class=\"baseline\"");
    assertThat(Svg.volumeChart(new long[] {23}, new double[] {Double.NaN}, 720, 160))
        .contains("<circle").doesNotContain("<line");
    assertThat(Svg.volumeChart(new long[] {1, 23}, new double[] {0.5, 0.5}, 720, 160))
        .contains("<polyline class=\"volume\"").contains("peak 23 per hour");
  }
}
