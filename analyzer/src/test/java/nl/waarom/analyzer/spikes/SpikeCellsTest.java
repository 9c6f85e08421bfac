package nl.waarom.analyzer.spikes;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.LongToDoubleFunction;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.schemas.SignalKind;
import org.junit.jupiter.api.Test;

/** The per-value cells of a reason on seeded synthetic traffic with metadata, without Kafka. */
class SpikeCellsTest {
  private static final long MINUTE = 60_000L;
  private static final long HOUR = 3_600_000L;
  private static final long DAY = 86_400_000L;
  /** A Monday. */
  private static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
  private static final SpikeOptions OPTIONS = SpikeOptions.defaults();
  private static final String FIBER = Signals.key(SignalKind.ATTRIBUTE, "product", "fiber");

  /** Ordinary metadata: one of {@code products} Zipf-ish products, channel, IVR path for calls. */
  private static List<String> ordinaryKeys(Random random, int products) {
    List<String> keys = new ArrayList<>();
    String channel = List.of("CALL", "CHAT", "EMAIL").get(random.nextInt(3));
    keys.add(Signals.key(SignalKind.CHANNEL, "channel", channel));
    keys.add(Signals.key(SignalKind.QUEUE, "queue", "billing"));
    if (channel.equals("CALL")) {
      keys.add(Signals.key(SignalKind.IVR_PATH, "ivrPath", "1>" + (1 + random.nextInt(4))));
    }
    int product = (int) Math.floor(Math.pow(random.nextDouble(), 2) * products);
    keys.add(Signals.key(SignalKind.ATTRIBUTE, "product", "p" + product));
    return keys;
  }

  /** Feeds arrivals; returns the spikes with the arrival time at which each fired. */
  private static List<Fired> feed(SpikeState state, List<Contact> contacts) {
    SignalCounts background = new SignalCounts(500, DAY);
    List<Fired> fired = new ArrayList<>();
    for (Contact c : contacts) {
      if (state.tooLate(c.at(), OPTIONS)) {
        continue;
      }
      SpikeState.Spike spike = state.observe(new Observation("c" + c.seq(), c.at(), "CHAT",
          240_000L, null, c.keys()), T0, OPTIONS, background);
      if (spike != null) {
        fired.add(new Fired(c.at(), spike));
      }
    }
    return fired;
  }

  private record Contact(long at, int seq, List<String> keys) { }

  private record Fired(long at, SpikeState.Spike spike) { }

  /** Ordinary traffic plus, from {@code surge} for 30 minutes, 4× extra contacts. */
  private static List<Contact> traffic(long minutes, double peak, long surge,
      boolean concentrated, long seed) {
    LongToDoubleFunction base = SimulatedTraffic.office(peak);
    Random random = new Random(seed);
    List<Contact> contacts = new ArrayList<>();
    for (SimulatedTraffic.Arrival a : SimulatedTraffic.generate(T0, (int) minutes, base, 0.15, 0,
        seed)) {
      contacts.add(new Contact(a.occurredAt(), a.seq(), ordinaryKeys(random, 8)));
    }
    if (surge > 0) {
      for (SimulatedTraffic.Arrival a : SimulatedTraffic.generate(surge, 30,
          m -> 4 * base.applyAsDouble(m), 0, 0, seed + 1)) {
        List<String> keys = ordinaryKeys(random, 8);
        if (concentrated && random.nextDouble() < 0.85) {
          keys.set(keys.size() - 1, FIBER);
        }
        contacts.add(new Contact(a.occurredAt(), 1_000_000 + a.seq(), keys));
      }
    }
    contacts.sort(Comparator.comparingLong(Contact::at).thenComparingInt(Contact::seq));
    return contacts;
  }

  @Test
  void aSurgeConcentratedInOneAttributeValueFiresWellBeforeTheWholeReasonTestWould() {
    long surge = T0 + 14 * DAY + 10 * HOUR + 17 * MINUTE + 20_000; // Monday 10:17:20, week 3
    long minutes = 14 * 1440 + 11 * 60;
    long cellDelays = 0;
    long reasonDelays = 0;
    for (long seed = 1; seed <= 5; seed++) {
      List<Fired> concentrated = feed(new SpikeState(),
          traffic(minutes, 1.0, surge, true, seed)).stream().filter(f -> f.at() >= surge).toList();
      List<Fired> spread = feed(new SpikeState(),
          traffic(minutes, 1.0, surge, false, seed)).stream().filter(f -> f.at() >= surge).toList();

      assertThat(concentrated).isNotEmpty();
      Fired first = concentrated.get(0);
      assertThat(first.spike().cell()).isEqualTo(FIBER);
      assertThat(first.at() - surge).isLessThanOrEqualTo(3 * MINUTE);
      // the same surge spread over the ordinary values: only the whole reason can tell, later
      long spreadDelay = spread.isEmpty() ? 30 * MINUTE : spread.get(0).at() - surge;
      cellDelays += first.at() - surge;
      reasonDelays += spreadDelay;
    }
    assertThat(cellDelays).isLessThan(reasonDelays / 2);
  }

  /**
   * Two weeks of a reason at 2.5 and at 0.6 a minute at the peak with daily rhythm, ±15 % day
   * noise, 40 products (Zipf-ish, so many rare ones), three channels and IVR paths: no cell
   * fires.
   */
  @Test
  void ordinaryRhythmWithManyAttributeValuesDoesNotFireACell() {
    for (double peak : new double[] {2.5, 0.6}) {
      LongToDoubleFunction base = SimulatedTraffic.office(peak);
      Random random = new Random(7);
      List<Contact> contacts = new ArrayList<>();
      for (SimulatedTraffic.Arrival a : SimulatedTraffic.generate(T0, 14 * 1440, base, 0.15, 0,
          (long) (peak * 10))) {
        contacts.add(new Contact(a.occurredAt(), a.seq(), ordinaryKeys(random, 40)));
      }

      List<Fired> fired = feed(new SpikeState(), contacts);

      assertThat(fired).noneMatch(f -> f.spike().cell() != null);
    }
  }

  @Test
  void theCellTableStaysBoundedWhateverTheNumberOfValues() {
    SpikeState state = new SpikeState();
    SignalCounts background = new SignalCounts(500, DAY);
    for (int i = 0; i < 5_000; i++) {
      long at = T0 + i * 5_000L;
      state.observe(new Observation("c" + i, at, "CHAT", null, null, List.of(
          Signals.key(SignalKind.ATTRIBUTE, "order", "o" + i),
          Signals.key(SignalKind.TERM, "term", "t" + i))), T0, OPTIONS, background);
      assertThat(state.cells().size()).isLessThanOrEqualTo(SpikeCells.CAPACITY);
    }
    assertThat(state.cells().size()).isEqualTo(SpikeCells.CAPACITY);
  }

  @Test
  void termsAreNotCells() {
    assertThat(SpikeCells.isCell(Signals.key(SignalKind.TERM, "term", "fiber"))).isFalse();
    assertThat(SpikeCells.isCell(FIBER)).isTrue();
    assertThat(SpikeCells.isCell(Signals.key(SignalKind.IVR_PATH, "ivrPath", "3>1>9"))).isTrue();
  }

  @Test
  void stateStoredBeforeCellsExistedStillLoadsAndCountsIntoCells() {
    SpikeState state = new SpikeState();
    SignalCounts background = new SignalCounts(500, DAY);
    state.observe(new Observation("c1", T0, "CHAT", null, null, List.of(FIBER)), T0, OPTIONS,
        background);
    JsonSerde<SpikeState> serde = new JsonSerde<>(SpikeState.class);
    String json = new String(serde.serializer().serialize("t", state), StandardCharsets.UTF_8);
    assertThat(json).contains("\"cells\"");
    String old = json.replaceFirst(",\"cells\":\\{\"cells\":\\{.*\\}\\}\\}", "}");
    assertThat(old).doesNotContain("cells");

    SpikeState loaded = serde.deserializer().deserialize("t",
        old.getBytes(StandardCharsets.UTF_8));
    loaded.observe(new Observation("c2", T0 + MINUTE, "CHAT", null, null, List.of(FIBER)), T0,
        OPTIONS, background);

    assertThat(loaded.minute(Math.floorDiv(T0, MINUTE))).isEqualTo(1);
    assertThat(loaded.cells().size()).isEqualTo(1);
  }
}
