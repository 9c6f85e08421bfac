package nl.waarom.analyzer.spikes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.LongToDoubleFunction;
import nl.waarom.analyzer.streams.JsonSerde;

/**
 * Measures the spike detector with its default settings on seeded synthetic traffic: 30 reasons
 * with a Zipf-like mix (s = 0.8, top reason ~18 %), 60k contacts a week, office rhythm, weekends
 * at 40 %, ±15 % day-to-day noise, 7 % of contacts 1-30 h late. Prints false spikes per week over
 * four weeks, and detection delays of 5× surges (30 minutes) of the four largest reasons at four
 * moments of week 1 (trailing-mean baseline) and week 3 (weekly profile). A tool, not a test:
 * {@code java -cp analyzer/target/test-classes:analyzer/target/classes:$(cat cp.txt)
 * nl.waarom.analyzer.spikes.SpikeCalibration} after
 * {@code ./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile=$PWD/cp.txt -pl analyzer}.
 */
public final class SpikeCalibration {
  static final long T0 = Instant.parse("2026-11-02T00:00:00Z").toEpochMilli();
  static final long DAY = 86_400_000L;

  static double peak(int r, int reasons) {
    double sum = 0;
    for (int k = 1; k <= reasons; k++) sum += Math.pow(k, -0.8);
    double unit = 0;
    for (long m = 0; m < 7 * 1440; m++) unit += SimulatedTraffic.office(1.0).applyAsDouble(T0 + m * 60_000L);
    return Math.pow(r, -0.8) / sum * 60_000 / unit;
  }

  private SpikeCalibration() {}

  public static void main(String[] args) {
    SpikeOptions o = SpikeOptions.defaults();
    System.out.println(o);
    int reasons = 30, weeks = 4;
    int[] perWeek = new int[weeks];
    for (int r = 1; r <= reasons; r++) {
      var traffic = SimulatedTraffic.generate(T0, weeks * 7 * 1440, SimulatedTraffic.office(peak(r, reasons)), 0.15, 0.07, r);
      SpikeState state = new SpikeState();
      SignalCounts bg = new SignalCounts(500, DAY);
      for (var a : traffic) {
        if (state.tooLate(a.occurredAt(), o)) continue;
        var s = state.observe(new Observation("c" + a.seq(), a.occurredAt(), "CHAT", null, null, List.of()), T0, o, bg);
        if (s != null) perWeek[(int) ((a.arrivesAt() - T0) / (7 * DAY))]++;
      }
      if (r == 1) {
        System.out.println("largest reason after 4 weeks: state " + new JsonSerde<>(SpikeState.class).serializer().serialize("", state).length
            + " bytes, background " + new JsonSerde<>(SignalCounts.class).serializer().serialize("", bg).length + " bytes (no terms in this simulation)");
      }
    }
    List<String> delays = new ArrayList<>();
    for (int week : new int[] {0, 2}) {
      long w = T0 + week * 7 * DAY;
      long[] at = {w + 2 * DAY + 10 * 3_600_000L + 17 * 60_000L + 20_000, w + 1 * DAY + 8 * 3_600_000L + 31 * 60_000L,
          w + 5 * DAY + 11 * 3_600_000L + 5 * 60_000L + 45_000, w + 3 * DAY + 15 * 3_600_000L + 44 * 60_000L};
      for (int r = 1; r <= 4; r++) {
        for (long s0 : at) {
          LongToDoubleFunction base = SimulatedTraffic.office(peak(r, reasons));
          var traffic = new ArrayList<>(SimulatedTraffic.generate(T0, (int) ((s0 - T0) / 60_000) + 60, base, 0.15, 0.07, 100 + r));
          SimulatedTraffic.generate(s0, 30, m -> 4 * base.applyAsDouble(m), 0, 0, 7 * r)
              .forEach(e -> traffic.add(new SimulatedTraffic.Arrival(e.occurredAt(), e.arrivesAt(), 1_000_000 + e.seq())));
          traffic.sort(Comparator.comparingLong(SimulatedTraffic.Arrival::arrivesAt));
          SpikeState state = new SpikeState();
          SignalCounts bg = new SignalCounts(500, DAY);
          String d = "none";
          for (var a : traffic) {
            if (state.tooLate(a.occurredAt(), o)) continue;
            var s = state.observe(new Observation("c" + a.seq(), a.occurredAt(), "CHAT", null, null, List.of()), T0, o, bg);
            if (s != null && a.arrivesAt() >= s0) { d = String.valueOf((a.arrivesAt() - s0) / 1000); break; }
          }
          delays.add("w" + (week + 1) + "r" + r + ":" + d);
        }
      }
    }
    System.out.println("false spikes per week (30 reasons): " + java.util.Arrays.toString(perWeek));
    System.out.println("surge delays s: " + delays);
  }
}
