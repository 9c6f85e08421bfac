package nl.waarom.analyzer.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpikeStateTest {
  private static final long MINUTE = 60_000;

  @Test
  void baselineIsTheMeanOfThePreviousWatchedWindowsWithMissingOnesAsZero() {
    SpikeState state = new SpikeState(List.of(
        new WindowStat(0, 4, 0, 0, List.of(), List.of()),
        new WindowStat(2 * MINUTE, 2, 0, 0, List.of(), List.of()),
        new WindowStat(3 * MINUTE, 9, 0, 0, List.of(), List.of())));

    assertThat(state.baseline(3 * MINUTE, MINUTE, 3, 0, 1)).isEqualTo(2.0); // (4 + 0 + 2) / 3
    assertThat(state.baseline(3 * MINUTE, MINUTE, 1, 0, 1)).isEqualTo(2.0);
    // Only watched windows count: since minute 2 there is one window (count 2) before minute 3.
    assertThat(state.baseline(3 * MINUTE, MINUTE, 15, 2 * MINUTE, 1)).isEqualTo(2.0);
  }

  @Test
  void noBaselineUntilEnoughWindowsWereWatched() {
    SpikeState state = new SpikeState(List.of(new WindowStat(0, 40, 0, 0, List.of(), List.of())));
    assertThat(state.baseline(0, MINUTE, 15, 0, 1)).isNaN();
    assertThat(state.baseline(2 * MINUTE, MINUTE, 15, 0, 3)).isNaN();
    assertThat(state.baseline(3 * MINUTE, MINUTE, 15, 0, 3)).isEqualTo(40.0 / 3);
  }

  @Test
  void windowKeepsFirstExamplesAndDistinctSortedChannels() {
    WindowStat w = WindowStat.empty(0);
    for (int i = 0; i < 7; i++) {
      w = w.add(i % 2 == 0 ? "EMAIL" : "CHAT", i == 0 ? null : 120_000L,
          new WindowStat.Example("c" + i, "s" + i));
    }

    assertThat(w.count()).isEqualTo(7);
    assertThat(w.channels()).containsExactly("CHAT", "EMAIL");
    assertThat(w.examples()).extracting(WindowStat.Example::contactId)
        .containsExactly("c0", "c1", "c2", "c3", "c4");
    assertThat(w.avgHandleMinutes()).isEqualTo(2.0); // the unknown handle time is not averaged in
  }

  @Test
  void stateSurvivesTheChangelogSerde() {
    JsonSerde<SpikeState> serde = new JsonSerde<>(SpikeState.class);
    SpikeState state = new SpikeState(List.of(new WindowStat(MINUTE, 2, 600_000, 2,
        List.of("CALL"), List.of(new WindowStat.Example("c1", null),
            new WindowStat.Example("c2", "waar blijft mijn pakket")))));

    byte[] bytes = serde.serializer().serialize("t", state);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(state);
  }
}
