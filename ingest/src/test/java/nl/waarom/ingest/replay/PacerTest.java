package nl.waarom.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
  private long now = 1_000_000L;
  private final List<Long> waits = new ArrayList<>();

  private Pacer pacer(double rate) {
    return new Pacer(rate, () -> now, nanos -> {
      waits.add(nanos);
      now += nanos;
    });
  }

  @Test
  void spacesEventsEvenlyOnAnAbsoluteSchedule() {
    Pacer pacer = pacer(4); // one every 250 ms
    pacer.awaitNext();
    pacer.awaitNext();
    now += 100_000_000L; // the send took 100 ms: the next wait is shorter, not longer
    pacer.awaitNext();
    now += 400_000_000L; // fell behind (at 900 ms, event 3 was due at 750): no wait
    pacer.awaitNext();
    pacer.awaitNext();
    assertThat(waits).containsExactly(250_000_000L, 150_000_000L, 100_000_000L); // event 4 at 1000
  }

  @Test
  void rateZeroNeverWaits() {
    Pacer pacer = pacer(0);
    for (int i = 0; i < 100; i++) {
      pacer.awaitNext();
    }
    assertThat(waits).isEmpty();
  }

  @Test
  void rejectsNegativeRates() {
    assertThatThrownBy(() -> pacer(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
