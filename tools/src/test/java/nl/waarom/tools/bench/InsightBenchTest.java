package nl.waarom.tools.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.tools.bench.InsightScenario.GroundTruth;
import nl.waarom.tools.bench.InsightScenario.Incident;
import nl.waarom.tools.bench.InsightScenario.NewReason;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;
import org.junit.jupiter.api.Test;

/** The insight benchmark: its scoring on planted insights, and a tiny run end to end. */
class InsightBenchTest {
  private static final Instant MEASURED = Instant.parse("2026-11-15T23:00:00Z");
  private static final Instant START = MEASURED.plus(Duration.ofHours(11));
  private static final Incident INCIDENT = new Incident(0, "outage", START,
      START.plus(Duration.ofMinutes(60)), 5, "product", "fiber", "3>1", "a", "b");
  private static final Instant RAMP = MEASURED.plus(Duration.ofHours(30));
  private static final GroundTruth TRUTH = new GroundTruth(MEASURED.minus(Duration.ofDays(7)),
      MEASURED, MEASURED.plus(Duration.ofDays(7)), List.of(INCIDENT),
      new NewReason(RAMP, Duration.ofHours(4), 0.04, times(RAMP, 40)));
  private static final Instant THIRTIETH = RAMP.plus(Duration.ofMinutes(29 * 3));

  private static List<Instant> times(Instant from, int n) {
    List<Instant> times = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      times.add(from.plus(Duration.ofMinutes(3L * i)));
    }
    return times;
  }

  private static Insight insight(InsightKind kind, String reason, Instant detectedAt,
      List<String> terms) {
    return Insight.newBuilder().setInsightId(kind + ":" + reason + ":" + detectedAt)
        .setKind(kind).setReasonId(reason).setCandidateTerms(terms)
        .setWindowStart(detectedAt.minusSeconds(60)).setWindowEnd(detectedAt)
        .setCount(10).setBaseline(2).setDetectedAt(detectedAt).build();
  }

  private static Insight spike(String reason, Instant detectedAt) {
    return insight(InsightKind.SPIKE, reason, detectedAt, List.of());
  }

  @Test
  void aSpikeInTheIncidentDetectsItAndSpikesElsewhereAreFalse() {
    Insight detecting = spike("outage", START.plusSeconds(90));
    List<Insight> insights = List.of(
        spike("outage", START.plusSeconds(300)), detecting, detecting, // later and duplicate
        spike("outage", INCIDENT.end().plus(Duration.ofMinutes(14))), // still the incident's
        spike("outage", INCIDENT.end().plus(Duration.ofMinutes(20))), // false: too late
        spike("outage", START.minusSeconds(60)), // false: before it started
        spike("delivery-status", START.plusSeconds(120)), // false: another reason
        spike("outage", MEASURED.minusSeconds(3600)), // warm-up: not counted
        spike("unexplained", RAMP.plusSeconds(3600)), // the new reason: not false
        insight(InsightKind.EMERGING_REASON, null, THIRTIETH.plusSeconds(200),
            List.of("instellingen weg", "update")),
        insight(InsightKind.EMERGING_REASON, null, THIRTIETH.plusSeconds(400),
            List.of("instellingen", "update")), // a later version: the first counts
        insight(InsightKind.EMERGING_REASON, null, RAMP.plusSeconds(60),
            List.of("pakket", "bezorger"))); // another phrase: not the new reason

    InsightScore.Result result = InsightScore.score(TRUTH, insights, 1000, 842);

    assertThat(result.detections()).singleElement().satisfies(d -> {
      assertThat(d.spike()).isEqualTo(detecting);
      assertThat(d.delay()).isEqualTo(Duration.ofSeconds(90));
    });
    assertThat(result.falseSpikes()).hasSize(3).extracting(Insight::getReasonId)
        .containsExactlyInAnyOrder("outage", "outage", "delivery-status");
    assertThat(result.unexplainedSpikes()).hasSize(1);
    assertThat(result.emergingDelaySeconds()).contains(200L);
    assertThat(result.otherEmerging()).hasSize(1);
    assertThat(result.line()).isEqualTo("result: spike_delay_s=90 false_spikes_per_week=3 "
        + "emerging_delay_s=200 explained_share=0.842");
  }

  @Test
  void missedIncidentsAndAMissedNewReasonSayMissed() {
    List<Insight> insights = List.of(spike("delivery-status", START.plusSeconds(30)),
        insight(InsightKind.EMERGING_REASON, null, RAMP.minusSeconds(600),
            List.of("instellingen", "update"))); // before the new reason existed
    InsightScore.Result result = InsightScore.score(TRUTH, insights, 4, 3);

    assertThat(result.line()).isEqualTo("result: spike_delay_s=MISSED false_spikes_per_week=1 "
        + "emerging_delay_s=MISSED explained_share=0.750");
  }

  @Test
  void anEmergingInsightIsRecognisedByItsSignalsToo() {
    Insight bySignal = Insight.newBuilder(insight(InsightKind.EMERGING_REASON, null,
        THIRTIETH.minusSeconds(120), List.of())).setSignals(List.of(new InsightSignal(
            SignalKind.TERM, "term", "settings gone", 12L, 0.4, 0.001, 30.0))).build();
    InsightScore.Result result = InsightScore.score(TRUTH, List.of(bySignal), 10, 8);

    assertThat(result.emergingDelaySeconds()).contains(-120L);
    assertThat(InsightScore.phrases(bySignal)).containsExactly("settings gone");
  }

  @Test
  void aTinyRunPrintsTheScenarioTheFindingsAndTheResultLine() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // Monday 09:50-11:00 of the measured week, 10,000 contacts a week: around the start of the
    // first incident (10:20), a few hundred contacts.
    Instant from = InsightScenario.MEASURED_MONDAY.atTime(9, 50)
        .atZone(InsightScenario.ZONE).toInstant();
    int code = InsightBench.run(new InsightScenario.Options(0, 10_000, 5, 1),
        p -> !p.arrivesAt().isBefore(from) && p.arrivesAt().isBefore(from.plusSeconds(4_200)),
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    System.out.println(bytes.toString(StandardCharsets.UTF_8));

    assertThat(code).isZero();
    assertThat(lines).anyMatch(l -> l.startsWith("  incident 1: outage ×5 Mon 2026-11-16 10:20"))
        .anyMatch(l -> l.startsWith("  incident 1 outage"))
        .anyMatch(l -> l.matches("replayed [\\d,]+ contacts in .*"))
        .noneMatch(l -> l.contains("incident 2"));
    String last = lines.get(lines.size() - 1);
    assertThat(last).matches("result: spike_delay_s=(\\d+|MISSED) false_spikes_per_week="
        + "\\d+(\\.\\d)? emerging_delay_s=(-?\\d+|MISSED|n/a) explained_share=0\\.\\d{3}");
    // The share explained is the classifier's verdict on the generated traffic: chatter and
    // the new reason are unexplained, so it is well below 1 but most contacts are explained.
    double share = Double.parseDouble(last.substring(last.lastIndexOf('=') + 1));
    assertThat(share).isBetween(0.70, 0.92);
  }

  @Test
  void optionsOutOfRangeAreRejected() {
    assertThat(InsightScenario.Options.defaults())
        .isEqualTo(new InsightScenario.Options(2, 60_000, 42, 7));
    assertThatThrownBy(() -> new InsightScenario.Options(2, 60_000, 42, 9))
        .hasMessage("measured days must be 1 to 7: 9");
    assertThatThrownBy(() -> new InsightScenario.Options(2, 99, 42, 7))
        .hasMessageContaining("contacts per week must be 100 to 5000000");
  }
}
