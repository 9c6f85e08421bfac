package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;

/**
 * The column values of one {@code insights} row. Enum values are their Avro symbol names.
 *
 * @param insightId never null
 * @param kind never null, e.g. SPIKE
 * @param reasonId may be null (EMERGING_REASON)
 * @param candidateTerms never null, may be empty
 * @param windowStart never null
 * @param windowEnd never null
 * @param count contacts in the window
 * @param baseline expected contacts in the window
 * @param channels never null, channel names
 * @param examples never null
 * @param estimatedCost may be null
 * @param preventability may be null
 * @param detectedAt never null
 * @param summary never null, may be empty
 * @param details explanation and value at stake; never null
 */
public record InsightRow(String insightId, String kind, String reasonId, List<String> candidateTerms,
    Instant windowStart, Instant windowEnd, long count, double baseline, List<String> channels,
    List<ExampleRow> examples, Double estimatedCost, String preventability, Instant detectedAt,
    String summary, InsightDetails details) {

  public InsightRow {
    Objects.requireNonNull(insightId, "insightId");
    Objects.requireNonNull(kind, "kind");
    candidateTerms = List.copyOf(candidateTerms);
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    channels = List.copyOf(channels);
    examples = List.copyOf(examples);
    Objects.requireNonNull(detectedAt, "detectedAt");
    summary = summary == null ? "" : summary;
    Objects.requireNonNull(details, "details");
  }

  /** A row without v2 details (as an Insight v1 record). */
  public InsightRow(String insightId, String kind, String reasonId, List<String> candidateTerms,
      Instant windowStart, Instant windowEnd, long count, double baseline, List<String> channels,
      List<ExampleRow> examples, Double estimatedCost, String preventability, Instant detectedAt,
      String summary) {
    this(insightId, kind, reasonId, candidateTerms, windowStart, windowEnd, count, baseline,
        channels, examples, estimatedCost, preventability, detectedAt, summary,
        InsightDetails.NONE);
  }

  /** Maps a decoded Avro insight to its row. */
  public static InsightRow from(Insight insight) {
    return new InsightRow(
        insight.getInsightId(),
        insight.getKind().name(),
        insight.getReasonId(),
        insight.getCandidateTerms(),
        insight.getWindowStart(),
        insight.getWindowEnd(),
        insight.getCount(),
        insight.getBaseline(),
        insight.getChannels().stream().map(Channel::name).toList(),
        insight.getExamples().stream()
            .map(e -> new ExampleRow(e.getContactId(), e.getSnippet())).toList(),
        insight.getEstimatedCost(),
        insight.getPreventability() == null ? null : insight.getPreventability().name(),
        insight.getDetectedAt(),
        insight.getSummary(),
        InsightDetails.from(insight));
  }

  /** The {@code examples} column as JSON text; never null. */
  public String examplesJson() {
    return Json.write(examples);
  }
}
