package nl.waarom.analyzer.streams.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The receiving side of one ordered hop with two sources: the test driver has one partition, so
 * the test plays both source tasks by piping their {@link Marker}s (and the records) straight into
 * the ordering processor's input. Tie-break = the value.
 */
class EventTimeOrderTest {
  private static final long T = Instant.parse("2026-11-24T10:00:00Z").toEpochMilli();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> in;
  private TestOutputTopic<String, String> out;

  @BeforeEach
  void start() {
    start(false);
  }

  /** The hop under test; {@code relayed}: its sources relay an upstream hop (a later hop). */
  private void start(boolean relayed) {
    if (driver != null) {
      driver.close();
    }
    StreamsBuilder builder = new StreamsBuilder();
    builder.stream("hop-in", Consumed.with(Serdes.String(), Serdes.String()))
        .process(EventTimeOrder.supplier("hop", 2, relayed, Serdes.String(),
            (key, value) -> value, registry), Named.as("order-hop"))
        .to("hop-out", Produced.with(Serdes.String(), Serdes.String()));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), props);
    in = driver.createInputTopic("hop-in", new StringSerializer(), new StringSerializer());
    out = driver.createOutputTopic("hop-out", new StringDeserializer(), new StringDeserializer());
  }

  @AfterEach
  void close() {
    driver.close();
  }

  private void record(String key, String value, long at) {
    in.pipeInput(key, value, at);
  }

  private void mark(int source, long watermark, boolean idle) {
    in.pipeInput(new Marker(source, 2, watermark, idle, T).key(), null, Math.max(0, watermark));
  }

  /** The records released since the last call, as key@offset-from-T; ticks as tick@time. */
  private List<String> released() {
    return out.readRecordsToList().stream().map(EventTimeOrderTest::describe).toList();
  }

  private static String describe(TestRecord<String, String> r) {
    long at = r.timestamp() - T;
    return Marker.isTick(r.key()) ? "tick@" + at : r.key() + "=" + r.value() + "@" + at;
  }

  private double late() {
    var counter = registry.find(EventTimeOrder.LATE).tags("hop", "hop").counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void nothingIsReleasedUntilBothSourcesReported() {
    record("k", "a", T + 1_000);
    record("k", "b", T + 2_000);
    mark(0, T + 60_000, false);
    assertThat(released()).isEmpty();

    mark(1, T + 1_500, false);
    assertThat(released()).containsExactly("tick@1000", "k=a@1000", "tick@1500");
    mark(1, T + 60_000, false);
    assertThat(released()).containsExactly("tick@1500", "k=b@2000", "tick@60000");
  }

  @Test
  void aSourceFarAheadReleasesNothingBeyondTheSlowSourcesWatermark() {
    mark(0, T + 3_600_000, false);
    mark(1, T, false);
    for (int i = 1; i <= 5; i++) {
      record("k" + i, "v", T + i * 1_000L);
    }
    mark(1, T + 3_000, false);
    // a tick when the first released time was set, then one before and one after the batch
    assertThat(released()).containsExactly("tick@0", "tick@0", "k1=v@1000", "k2=v@2000",
        "k3=v@3000", "tick@3000");
    // the fast source moving further changes nothing
    mark(0, T + 7_200_000, false);
    assertThat(released()).isEmpty();
  }

  @Test
  void anIdleSourceIsNotWaitedForAndAllIdleReleasesUpToTheLatest() {
    mark(1, Long.MIN_VALUE, true);
    record("k", "a", T + 1_000);
    record("k", "b", T + 9_000);
    mark(0, T + 5_000, false);
    assertThat(released()).containsExactly("tick@1000", "k=a@1000", "tick@5000");
    mark(0, T + 9_000, true);
    assertThat(released()).containsExactly("tick@5000", "k=b@9000", "tick@9000");
  }

  @Test
  void atALaterHopEveryRelayIsWaitedForIdleOrNot() {
    start(true);
    // relay 1 saw the upstream hop idle at 9 s; relay 0's view is older (5 s), and it may still
    // release records up to 9 s: nothing after 5 s goes out until it catches up
    record("k", "a", T + 1_000);
    record("k", "b", T + 7_000);
    mark(1, T + 9_000, true);
    mark(0, T + 5_000, true);
    assertThat(released()).containsExactly("tick@1000", "k=a@1000", "tick@5000");
    mark(0, T + 9_000, true);
    assertThat(released()).containsExactly("tick@5000", "k=b@7000", "tick@9000");
  }

  @Test
  void recordsComeOutInEventTimeOrderWithTheTieBreakThenArrival() {
    record("x", "c", T + 3_000);
    record("y", "b", T + 1_000);
    record("z", "a", T + 1_000);
    record("w", "a", T + 1_000); // same time, same tie-break as z: after it, as it came later
    record("v", "m", T + 2_000);
    mark(0, T + 10_000, false);
    mark(1, T + 10_000, false);

    assertThat(released()).containsExactly("tick@1000", "z=a@1000", "w=a@1000", "y=b@1000",
        "v=m@2000", "x=c@3000", "tick@10000");
    assertThat(late()).isZero();
  }

  @Test
  void aRecordAtOrBeforeTheReleasedWatermarkIsForwardedAtOnceAndCountedLate() {
    mark(0, T + 5_000, false);
    mark(1, T + 5_000, false);
    released();

    record("late", "a", T + 4_000);
    record("on-the-mark", "b", T + 5_000);
    record("in-time", "c", T + 5_001);

    assertThat(released()).containsExactly("late=a@4000", "on-the-mark=b@5000");
    assertThat(late()).isEqualTo(2.0);
    // the released watermark never goes back, even when a source reports an older one
    mark(1, T + 1_000, false);
    assertThat(released()).isEmpty();
    mark(0, T + 6_000, false);
    mark(1, T + 6_000, false);
    assertThat(released()).containsExactly("tick@5000", "in-time=c@5001", "tick@6000");
  }

  @Test
  void aMarkerOfAnUnknownSourceIsIgnored() {
    in.pipeInput(new Marker(2, 3, T + 5_000, false, T).key(), null, T + 5_000);
    mark(0, T + 5_000, false);
    record("k", "a", T + 1_000);
    assertThat(released()).isEmpty();
  }
}
