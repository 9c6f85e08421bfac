package nl.waarom.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.tools.bench.AnalyzerOutputs.InsightFact;
import nl.waarom.tools.bench.CatchupComparison.InsightDiff;
import nl.waarom.tools.bench.CatchupComparison.Result;
import nl.waarom.tools.bench.CatchupComparison.WindowDiff;
import org.junit.jupiter.api.Test;

/** The catch-up comparison on small hand-made outputs. */
class CatchupComparisonTest {
  private static final Instant AT = Instant.parse("2026-11-16T09:00:00Z");

  private static Insight insight(String id, InsightKind kind, String reason, long count) {
    return Insight.newBuilder().setInsightId(id).setKind(kind).setReasonId(reason)
        .setWindowStart(AT).setWindowEnd(AT.plusSeconds(60)).setCount(count).setBaseline(2)
        .setDetectedAt(AT.plusSeconds(60)).build();
  }

  private static ReasonTrend trend(long count) {
    return ReasonTrend.newBuilder().setReasonId("outage").setChannel(Channel.CALL)
        .setWindowStart(AT).setWindowEnd(AT.plusSeconds(60)).setCount(count).build();
  }

  /** Two spikes, an emerging reason, three windows; the last version of a key counts. */
  private static AnalyzerOutputs reference() {
    AnalyzerOutputs o = new AnalyzerOutputs();
    o.insight(insight("spike:outage:1", InsightKind.SPIKE, "outage", 12));
    o.insight(insight("spike:invoice:1", InsightKind.SPIKE, "invoice-question", 9));
    o.insight(insight("emerging:1", InsightKind.EMERGING_REASON, null, 30));
    o.trend("outage|CALL|1|09:00", trend(3));
    o.trend("outage|CALL|1|09:00", trend(4));
    o.trend("outage|CALL|15|09:00", trend(10));
    o.trend("outage|CHAT|1|09:00", trend(2));
    return o;
  }

  @Test
  void identicalOutputsHaveNoDifferences() {
    Result result = CatchupComparison.compare(reference(), reference());

    assertThat(result.identical()).isTrue();
    assertThat(result.counts()).isEqualTo("reference=3 caught_up=3 missing=0 extra=0 "
        + "trend_windows_differing=0");
  }

  @Test
  void missingExtraAndDifferingAreCountedApart() {
    AnalyzerOutputs caughtUp = new AnalyzerOutputs();
    caughtUp.insight(insight("spike:outage:1", InsightKind.SPIKE, "outage", 12));
    caughtUp.insight(insight("emerging:1", InsightKind.EMERGING_REASON, null, 30));
    caughtUp.insight(insight("spike:outage:2", InsightKind.SPIKE, "outage", 8)); // extra
    caughtUp.trend("outage|CALL|1|09:00", trend(4));
    caughtUp.trend("outage|CALL|15|09:00", trend(10));
    caughtUp.trend("outage|CHAT|1|09:00", trend(3)); // differs
    caughtUp.trend("outage|EMAIL|1|09:00", trend(1)); // only after the catch-up

    Result result = CatchupComparison.compare(reference(), caughtUp);

    assertThat(result.missing()).containsExactly(new InsightDiff("spike:invoice:1",
        new InsightFact(InsightKind.SPIKE, "invoice-question", 9)));
    assertThat(result.extra()).containsExactly(new InsightDiff("spike:outage:2",
        new InsightFact(InsightKind.SPIKE, "outage", 8)));
    assertThat(result.differingWindows()).containsExactly(
        new WindowDiff("outage|CHAT|1|09:00", 2L, 3L),
        new WindowDiff("outage|EMAIL|1|09:00", null, 1L));
    assertThat(result.counts()).isEqualTo("reference=3 caught_up=3 missing=1 extra=1 "
        + "trend_windows_differing=2");
  }

  @Test
  void anInsightWhoseFinalCountDiffersIsBothMissingAndExtra() {
    AnalyzerOutputs caughtUp = reference();
    caughtUp.insight(insight("spike:outage:1", InsightKind.SPIKE, "outage", 11));

    Result result = CatchupComparison.compare(reference(), caughtUp);

    assertThat(result.missing()).extracting(InsightDiff::fact).extracting(InsightFact::count)
        .containsExactly(12L);
    assertThat(result.extra()).extracting(InsightDiff::fact).extracting(InsightFact::count)
        .containsExactly(11L);
    assertThat(result.differingWindows()).isEmpty();
  }
}
