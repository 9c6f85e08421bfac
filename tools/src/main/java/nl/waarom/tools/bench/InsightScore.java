package nl.waarom.tools.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import nl.waarom.tools.bench.InsightScenario.GroundTruth;
import nl.waarom.tools.bench.InsightScenario.Incident;
import nl.waarom.tools.bench.InsightScenario.NewReason;
import nl.waarom.taxonomy.Reason;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.InsightSignal;

/**
 * Scores the insights of a benchmark run against the scenario's ground truth. Pure: the same
 * inputs give the same score.
 *
 * <ul>
 *   <li>An incident is <b>detected</b> by the first SPIKE of its reason whose {@code detectedAt}
 *       (event time) lies in [start, end + 15 min]; the delay is {@code detectedAt − start}.
 *       Otherwise it is MISSED.
 *   <li>A <b>false spike</b> is any other SPIKE detected in the measured days, except a SPIKE of
 *       {@code unexplained} after the new reason started (that one is real: the new reason is
 *       unexplained traffic), which is counted separately. Insights with the same id count once.
 *   <li>The <b>emerging delay</b> is the first EMERGING_REASON detected after the new reason
 *       started whose phrases, signals, title or drafted rule name one of
 *       {@link InsightScenario#NEW_REASON_WORDS}, minus the event time of the new reason's 30th
 *       contact (negative when it was found earlier).
 *   <li>The <b>explained share</b> is explained / all classified contacts of the measured days.
 * </ul>
 */
public final class InsightScore {
  /** How long after an incident's end a spike of its reason still belongs to it. */
  public static final Duration AFTER_INCIDENT = Duration.ofMinutes(15);
  /** The new reason counts as having appeared at its n-th contact. */
  public static final int EMERGING_AT_CONTACT = 30;

  private InsightScore() {}

  /** One incident and the spike that detected it (null when missed). */
  public record Detection(Incident incident, Insight spike) {
    public boolean missed() {
      return spike == null;
    }

    /** detectedAt − start; null when missed. */
    public Duration delay() {
      return spike == null ? null : Duration.between(incident.start(), spike.getDetectedAt());
    }
  }

  /**
   * The score of one run.
   *
   * @param emerging the EMERGING_REASON about the new reason; null when missed or no new reason
   * @param thirtieth event time of the new reason's 30th contact; null when it had fewer
   * @param measuredDays days of the measured period (the false spike rate is per 7 of them)
   */
  public record Result(List<Detection> detections, List<Insight> falseSpikes,
      List<Insight> unexplainedSpikes, List<Insight> otherEmerging, Insight emerging,
      Instant thirtieth, long measuredContacts, long explainedContacts, double measuredDays) {

    public double explainedShare() {
      return measuredContacts == 0 ? 0 : explainedContacts / (double) measuredContacts;
    }

    public double falseSpikesPerWeek() {
      return falseSpikes.size() * 7.0 / measuredDays;
    }

    /** The longest detection delay in seconds; empty when an incident was missed or none ran. */
    public Optional<Long> maxSpikeDelaySeconds() {
      if (detections.isEmpty() || detections.stream().anyMatch(Detection::missed)) {
        return Optional.empty();
      }
      return detections.stream().map(d -> d.delay().toSeconds()).max(Long::compare);
    }

    /** emerging.detectedAt − 30th contact in seconds; empty when missed or not measurable. */
    public Optional<Long> emergingDelaySeconds() {
      return emerging == null || thirtieth == null ? Optional.empty()
          : Optional.of(Duration.between(thirtieth, emerging.getDetectedAt()).toSeconds());
    }

    /** The machine-readable last line of the benchmark. */
    public String line() {
      String spike = detections.isEmpty() ? "n/a"
          : maxSpikeDelaySeconds().map(String::valueOf).orElse("MISSED");
      String emergingDelay = thirtieth == null ? "n/a"
          : emergingDelaySeconds().map(String::valueOf).orElse("MISSED");
      double perWeek = falseSpikesPerWeek();
      String falseSpikes = perWeek == Math.rint(perWeek) ? String.valueOf((long) perWeek)
          : String.format(Locale.ROOT, "%.1f", perWeek);
      return String.format(Locale.ROOT, "result: spike_delay_s=%s false_spikes_per_week=%s "
          + "emerging_delay_s=%s explained_share=%.3f", spike, falseSpikes, emergingDelay,
          explainedShare());
    }
  }

  /** Scores {@code insights} (in any order, duplicates allowed) against the ground truth. */
  public static Result score(GroundTruth truth, List<Insight> insights, long measuredContacts,
      long explainedContacts) {
    Map<String, Insight> distinct = new LinkedHashMap<>();
    insights.stream().sorted(Comparator.comparing(Insight::getDetectedAt))
        .forEach(i -> distinct.putIfAbsent(i.getInsightId(), i));
    List<Insight> byTime = List.copyOf(distinct.values());

    List<Detection> detections = new ArrayList<>();
    for (Incident incident : truth.incidents()) {
      Insight first = byTime.stream().filter(i -> i.getKind() == InsightKind.SPIKE
          && belongsTo(i, incident)).findFirst().orElse(null);
      detections.add(new Detection(incident, first));
    }
    NewReason newReason = truth.newReason();
    List<Insight> falseSpikes = new ArrayList<>();
    List<Insight> unexplainedSpikes = new ArrayList<>();
    List<Insight> otherEmerging = new ArrayList<>();
    Insight emerging = null;
    for (Insight i : byTime) {
      if (!inMeasuredDays(i, truth)) {
        continue;
      }
      if (i.getKind() == InsightKind.SPIKE) {
        if (truth.incidents().stream().anyMatch(incident -> belongsTo(i, incident))) {
          continue;
        }
        boolean unexplained = i.getReasonId() == null || Reason.UNEXPLAINED.equals(i.getReasonId());
        if (unexplained && newReason != null
            && !i.getDetectedAt().isBefore(newReason.rampStart())) {
          unexplainedSpikes.add(i);
        } else {
          falseSpikes.add(i);
        }
      } else if (i.getKind() == InsightKind.EMERGING_REASON) {
        if (emerging == null && newReason != null
            && !i.getDetectedAt().isBefore(newReason.rampStart()) && aboutNewReason(i)) {
          emerging = i;
        } else if (emerging == null || !aboutNewReason(i)) {
          otherEmerging.add(i);
        }
      }
    }
    double days = Duration.between(truth.measuredStart(), truth.measuredEnd()).toMinutes()
        / 1440.0;
    return new Result(detections, falseSpikes, unexplainedSpikes, otherEmerging, emerging,
        newReason == null ? null : newReason.nth(EMERGING_AT_CONTACT), measuredContacts,
        explainedContacts, days);
  }

  private static boolean belongsTo(Insight spike, Incident incident) {
    Instant at = spike.getDetectedAt();
    return incident.reasonId().equals(spike.getReasonId()) && !at.isBefore(incident.start())
        && !at.isAfter(incident.end().plus(AFTER_INCIDENT));
  }

  private static boolean inMeasuredDays(Insight i, GroundTruth truth) {
    return !i.getDetectedAt().isBefore(truth.measuredStart())
        && i.getDetectedAt().isBefore(truth.measuredEnd());
  }

  /** Whether an insight's phrases, signals, title or drafted rule name the new reason. */
  static boolean aboutNewReason(Insight insight) {
    StringBuilder text = new StringBuilder();
    insight.getCandidateTerms().forEach(t -> text.append(t).append(' '));
    for (InsightSignal signal : insight.getSignals()) {
      text.append(signal.getValue()).append(' ');
    }
    text.append(insight.getReasonName()).append(' ').append(insight.getDraftedRule());
    String lower = text.toString().toLowerCase(Locale.ROOT);
    return InsightScenario.NEW_REASON_WORDS.stream().anyMatch(lower::contains);
  }

  /** The phrases an insight reports: its candidate terms, else its TERM signals. */
  static List<String> phrases(Insight insight) {
    if (!insight.getCandidateTerms().isEmpty()) {
      return List.copyOf(insight.getCandidateTerms());
    }
    return insight.getSignals().stream()
        .filter(s -> s.getKind() == nl.waarom.schemas.SignalKind.TERM)
        .map(InsightSignal::getValue).toList();
  }
}
