package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.board.TopReasons.Cell;
import nl.waarom.sink.board.TopReasons.ReasonCounts;
import org.junit.jupiter.api.Test;

class TopReasonsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  @Test
  void sumsPerReasonAndChannelSortedByTotal() {
    TopReasons top = TopReasons.of(NOW, Duration.ofMinutes(60), List.of(
        new Cell("unexplained", "CHAT", 5),
        new Cell("payment-problem", "CHAT", 10),
        new Cell("payment-problem", "CALL", 4),
        new Cell("delivery-late", "EMAIL", 14),
        new Cell("delivery-late", "OTHER", 1)));

    assertThat(top.reasons()).containsExactly(
        new ReasonCounts("delivery-late", 15, Map.of("EMAIL", 14L, "OTHER", 1L)),
        new ReasonCounts("payment-problem", 14, Map.of("CHAT", 10L, "CALL", 4L)),
        new ReasonCounts("unexplained", 5, Map.of("CHAT", 5L)));
    assertThat(top.from()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    assertThat(top.minutes()).isEqualTo(60);
    assertThat(top.total()).isEqualTo(34);
    assertThat(top.explained()).isEqualTo(29);
    assertThat(top.explainedShare()).isEqualTo(29.0 / 34);
    assertThat(top.reasons().get(1).on("EMAIL")).isZero();
  }

  @Test
  void theNegativeShareIsOverTheContactsThatHaveASentiment() {
    TopReasons top = TopReasons.of(NOW, Duration.ofMinutes(60), List.of(
        new Cell("payment-problem", "CHAT", 10, 8, 4),
        new Cell("payment-problem", "CALL", 4, 4, 2),
        new Cell("delivery-late", "EMAIL", 3)));

    assertThat(top.reasons().get(0).negativeShare()).isEqualTo(6.0 / 12);
    assertThat(top.reasons().get(0).sentimentCount()).isEqualTo(12);
    assertThat(top.reasons().get(1).negativeShare()).as("no contact has a sentiment").isNull();
  }

  @Test
  void noContactsMeansNoShare() {
    TopReasons top = TopReasons.of(NOW, Duration.ofMinutes(60), List.of());

    assertThat(top.reasons()).isEmpty();
    assertThat(top.explainedShare()).isNull();
  }

  @Test
  void nowIsTheWallClockUnlessTheNewestDataIsOlder() {
    Instant old = Instant.parse("2025-11-01T12:00:00Z");
    Instant future = NOW.plusSeconds(240);

    assertThat(TopReasons.asOf(NOW, null)).isEqualTo(NOW);
    assertThat(TopReasons.asOf(NOW, old)).isEqualTo(old);
    assertThat(TopReasons.asOf(NOW, future)).isEqualTo(NOW);
  }
}
