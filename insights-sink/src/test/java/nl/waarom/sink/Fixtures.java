package nl.waarom.sink;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightExample;
import nl.waarom.schemas.InsightKind;
import nl.waarom.schemas.Preventability;
import nl.waarom.schemas.ReasonTrend;

/** Test data: realistic Avro records with everything filled in. */
public final class Fixtures {
  public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

  private Fixtures() {}

  /** A spike of payment-problem in the hour starting at {@code start}. */
  public static Insight spike(String reasonId, Instant start, long count, double cost) {
    return Insight.newBuilder()
        .setInsightId("spike|" + reasonId + "|ALL|" + start.toEpochMilli())
        .setKind(InsightKind.SPIKE)
        .setReasonId(reasonId)
        .setCandidateTerms(List.of("ideal", "dubbel afgeschreven"))
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(3600))
        .setCount(count)
        .setBaseline(10.0)
        .setChannels(List.of(Channel.CHAT, Channel.CALL))
        .setExamples(List.of(
            new InsightExample("chat-1", "ik ben twee keer afgeschreven"),
            new InsightExample("call-7", null)))
        .setEstimatedCost(cost)
        .setPreventability(Preventability.PREVENT)
        .setDetectedAt(start.plusSeconds(3600))
        .setSummary(reasonId + ": " + count + " contacts, expected 10")
        .build();
  }

  /** An emerging reason without a reason id. */
  public static Insight emerging(List<String> terms, Instant start) {
    return Insight.newBuilder()
        .setInsightId("emerging|" + String.join("+", terms) + "|" + start.toEpochMilli())
        .setKind(InsightKind.EMERGING_REASON)
        .setReasonId(null)
        .setCandidateTerms(terms)
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(3600))
        .setCount(12)
        .setBaseline(0.0)
        .setChannels(List.of(Channel.EMAIL))
        .setExamples(List.of())
        .setEstimatedCost(null)
        .setPreventability(null)
        .setDetectedAt(start.plusSeconds(3600))
        .setSummary("new: " + String.join(", ", terms))
        .build();
  }

  /** A trend record for one reason, channel and 5-minute window. */
  public static ReasonTrend trend(String reasonId, Channel channel, Instant start, long count) {
    return ReasonTrend.newBuilder()
        .setReasonId(reasonId)
        .setChannel(channel)
        .setWindowStart(start)
        .setWindowEnd(start.plusSeconds(300))
        .setCount(count)
        .setHandleMillisTotal(count * 60_000)
        .setBaseline(4.0)
        .setDeviation(count / 4.0)
        .build();
  }

  /** The key the analyzer uses for a trend record. */
  public static String trendKey(ReasonTrend t) {
    return t.getReasonId() + "|" + t.getChannel() + "|" + t.getWindowStart().toEpochMilli();
  }
}
