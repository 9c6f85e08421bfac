package nl.waarom.tools.bench;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import nl.waarom.analyzer.app.AnalyzerOptions;
import nl.waarom.analyzer.app.AnalyzerTopology;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.platform.Config;
import nl.waarom.schemas.ExplainedShare;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.schemas.Topics;
import nl.waarom.tools.bench.CatchupTraffic.Arrival;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The in-order reference of a catch-up: the production topology ({@link AnalyzerTopology}, the
 * same options and classifier as the broker run) in a {@link TopologyTestDriver}, fed every
 * contact one at a time in arrival order, so no partition or thread can overtake another. At the
 * end the driver's wall clock is moved {@link #FLUSH} ahead {@link #FLUSH_STEPS} times, so that a topology that holds
 * records back until its input goes idle releases them before the outputs are read.
 */
final class CatchupReference {
  /** How far the wall clock is advanced after the last record; generous on purpose. */
  static final Duration FLUSH = Duration.ofMinutes(10);
  /** Wall-clock steps at the end: one to idle the sources, one more per ordered hop, spare. */
  static final int FLUSH_STEPS = 5;
  private static final int DRAIN_EVERY = 500;

  private CatchupReference() {}

  /**
   * What the reference emitted.
   *
   * @param dropped records Kafka Streams dropped (too late for a window, or unprocessable)
   */
  record Outcome(AnalyzerOutputs outputs, long dropped, double seconds) {}

  /**
   * Replays {@code traffic}; {@code streamsProperties} must name a state directory of its own;
   * the analyzer's metrics go to {@code registry}.
   */
  static Outcome run(CatchupTraffic traffic, Config config, Topics topics, Classifier classifier,
      Properties streamsProperties, MeterRegistry registry) {
    long t0 = System.nanoTime();
    QuietLogger quiet = QuietLogger.quiet(QuietLogger.LATE_RECORDS);
    try (TopologyTestDriver driver = new TopologyTestDriver(AnalyzerTopology.buildTopology(
        AnalyzerOptions.from(config), topics, classifier, registry), streamsProperties)) {
      Map<String, TestInputTopic<String, byte[]>> inputs = new HashMap<>();
      TestOutputTopic<String, Insight> insights = driver.createOutputTopic(
          topics.insights.name(), new StringDeserializer(),
          topics.insights.valueSerde().deserializer());
      TestOutputTopic<String, ReasonTrend> trends = driver.createOutputTopic(
          topics.reasonTrends.name(), new StringDeserializer(),
          topics.reasonTrends.valueSerde().deserializer());
      TestOutputTopic<String, ExplainedShare> shares = driver.createOutputTopic(
          topics.explainedShare.name(), new StringDeserializer(),
          topics.explainedShare.valueSerde().deserializer());
      AnalyzerOutputs outputs = new AnalyzerOutputs();
      int piped = 0;
      for (Arrival a : traffic.arrivals()) {
        inputs.computeIfAbsent(a.topic(), t -> driver.createInputTopic(t, new StringSerializer(),
            new ByteArraySerializer())).pipeInput(a.key(), a.value(), a.timestamp());
        if (++piped % DRAIN_EVERY == 0) {
          drain(insights, trends, shares, outputs);
        }
      }
      // The input has ended: let every source go idle and every ordered hop release what it
      // holds, one wall-clock marker interval per hop.
      for (int i = 0; i < FLUSH_STEPS; i++) {
        driver.advanceWallClockTime(FLUSH);
      }
      drain(insights, trends, shares, outputs);
      return new Outcome(outputs, droppedRecords(driver.metrics()),
          (System.nanoTime() - t0) / 1e9);
    } finally {
      quiet.restore();
    }
  }

  private static void drain(TestOutputTopic<String, Insight> insights,
      TestOutputTopic<String, ReasonTrend> trends, TestOutputTopic<String, ExplainedShare> shares,
      AnalyzerOutputs outputs) {
    insights.readValuesToList().forEach(outputs::insight);
    trends.readKeyValuesToList().forEach(kv -> outputs.trend(kv.key, kv.value));
    shares.readKeyValuesToList().forEach(kv -> outputs.explained(kv.key, kv.value));
  }

  /** The sum of Kafka Streams' dropped-records-total over every task. */
  static long droppedRecords(Map<MetricName, ? extends Metric> metrics) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().name().equals("dropped-records-total"))
        .mapToLong(e -> e.getValue().metricValue() instanceof Number n ? n.longValue() : 0)
        .sum();
  }
}
