package nl.waarom.analyzer.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.InsightSignal;
import org.junit.jupiter.api.Test;

class SpikeExplainerTest {
  private static final long DAY = 86_400_000L;

  @Test
  void aPlantedQueueOutranksARareTermAndCommonSignalsDoNotExplain() {
    SignalCounts background = new SignalCounts(500, DAY);
    for (int i = 0; i < 400; i++) {
      background.add(List.of("CHANNEL\tchannel\tCHAT", "QUEUE\tqueue\t" + (i % 20 == 0 ? "noord" : "algemeen"),
          "TERM\tterm\tstoring"), i * 60_000L);
    }
    SignalCounts spike = new SignalCounts(1000, 0);
    for (int i = 0; i < 10; i++) {
      List<String> keys = new ArrayList<>(List.of("CHANNEL\tchannel\tCHAT", "TERM\tterm\tstoring"));
      keys.add("QUEUE\tqueue\t" + (i < 9 ? "noord" : "algemeen"));
      if (i < 3) {
        keys.add("TERM\tterm\tglasvezel");
      }
      if (i < 2) {
        keys.add("ATTRIBUTE\tproduct\ttv");
      }
      spike.add(keys, 0);
    }

    List<InsightSignal> signals = SpikeExplainer.explain(spike, 10, background);

    assertThat(signals).extracting(s -> s.getName() + "=" + s.getValue())
        .containsExactly("queue=noord", "term=glasvezel"); // product=tv: 2 < MIN_COUNT
    InsightSignal queue = signals.get(0);
    assertThat(queue.getCount()).isEqualTo(9);
    assertThat(queue.getShare()).isEqualTo(0.9);
    // 20 of 400 over 400 minutes; the decay of a day half-life shifts it only slightly
    assertThat(queue.getBackgroundShare()).isCloseTo(0.05, org.assertj.core.api.Assertions.within(0.001));
    assertThat(queue.getScore()).isGreaterThan(signals.get(1).getScore());
  }

  @Test
  void spaceSavingKeepsTheFrequentKeysAndBoundsTheRest() {
    SignalCounts counts = new SignalCounts(3, 0);
    for (int i = 0; i < 50; i++) {
      counts.add(List.of("TERM\tterm\tfrequent", "TERM\tterm\trare" + i), 0);
    }
    assertThat(counts.counts()).hasSize(3).containsEntry("TERM\tterm\tfrequent", 50.0);
    assertThat(counts.count("TERM\tterm\trare0")).isEqualTo(counts.unseenBound()).isPositive();
    assertThat(counts.total()).isEqualTo(50.0);
  }

  @Test
  void olderContactsWeighLessWithTheHalfLife() {
    SignalCounts counts = new SignalCounts(10, DAY);
    counts.add(List.of("QUEUE\tqueue\told"), 0);
    counts.add(List.of("QUEUE\tqueue\tnew"), DAY);
    assertThat(counts.count("QUEUE\tqueue\tnew") / counts.count("QUEUE\tqueue\told"))
        .isCloseTo(2.0, org.assertj.core.api.Assertions.within(1e-9));
    // far apart in time: rescaled, still finite and in proportion
    counts.add(List.of("QUEUE\tqueue\tnew"), 40 * DAY);
    assertThat(counts.total()).isFinite();
    assertThat(counts.count("QUEUE\tqueue\tnew") / counts.total()).isGreaterThan(0.99);
  }
}
