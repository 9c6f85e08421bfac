package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.sink.Fixtures;
import org.junit.jupiter.api.Test;

class RowMappingTest {

  @Test
  void insightMapsEveryFieldToItsColumn() {
    InsightRow row = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 1234.5));

    assertThat(row).isEqualTo(new InsightRow(
        "spike|payment-problem|ALL|" + Fixtures.T0.toEpochMilli(), "SPIKE", "payment-problem",
        List.of("ideal", "dubbel afgeschreven"), Fixtures.T0, Fixtures.T0.plusSeconds(3600), 40,
        10.0, List.of("CHAT", "CALL"),
        List.of(new ExampleRow("chat-1", "ik ben twee keer afgeschreven"),
            new ExampleRow("call-7", null)),
        1234.5, "PREVENT", Fixtures.T0.plusSeconds(3600), "payment-problem: 40 contacts, expected 10"));
  }

  @Test
  void examplesAreStoredAsAJsonArrayAndReadBack() {
    InsightRow row = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 1.0));

    assertThat(row.examplesJson()).isEqualTo(
        "[{\"contactId\":\"chat-1\",\"snippet\":\"ik ben twee keer afgeschreven\"},"
            + "{\"contactId\":\"call-7\",\"snippet\":null}]");
    assertThat(Json.readExamples(row.examplesJson())).isEqualTo(row.examples());
  }

  @Test
  void emergingInsightHasNoReasonCostOrPreventability() {
    InsightRow row = InsightRow.from(Fixtures.emerging(List.of("pincode", "geblokkeerd"), Fixtures.T0));

    assertThat(row.kind()).isEqualTo("EMERGING_REASON");
    assertThat(row.reasonId()).isNull();
    assertThat(row.candidateTerms()).containsExactly("pincode", "geblokkeerd");
    assertThat(row.estimatedCost()).isNull();
    assertThat(row.preventability()).isNull();
    assertThat(row.examplesJson()).isEqualTo("[]");
  }

  @Test
  void trendMapsEveryFieldToItsColumn() {
    Instant start = Instant.parse("2026-03-02T09:05:00Z");
    TrendRow row = TrendRow.from(Fixtures.trend("payment-problem", Channel.EMAIL, start, 8));

    assertThat(row).isEqualTo(new TrendRow("payment-problem", "EMAIL", start,
        start.plusSeconds(300), 8, 480_000, 4.0, 2.0));
  }

  @Test
  void trendCarriesItsSentimentAndCallbackCounts() {
    Instant start = Instant.parse("2026-03-02T09:05:00Z");
    ReasonTrend trend = Fixtures.trend("payment-problem", Channel.CHAT, start, 8);
    trend.setSentimentCount(6);
    trend.setNegativeCount(2);
    trend.setCallbackCount(3);
    TrendRow row = TrendRow.from(trend);

    assertThat(List.of(row.sentimentCount(), row.negativeCount(), row.callbackCount()))
        .containsExactly(6L, 2L, 3L);
  }

  @Test
  void trendWithoutHistoryHasNullBaselineAndDeviation() {
    var trend = Fixtures.trend("unexplained", Channel.CHAT, Fixtures.T0, 3);
    trend.setBaseline(null);
    trend.setDeviation(null);

    TrendRow row = TrendRow.from(trend);

    assertThat(row.baseline()).isNull();
    assertThat(row.deviation()).isNull();
  }
}
