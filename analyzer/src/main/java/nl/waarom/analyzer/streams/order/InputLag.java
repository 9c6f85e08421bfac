package nl.waarom.analyzer.streams.order;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.StreamsMetrics;

/**
 * How many records of one input partition this task has not fetched yet: the {@code records-lag}
 * metric of the stream thread's consumer, read through Kafka Streams' metrics. A partition with
 * lag is not quiet, however long its task waited to be served (a stream thread busy releasing a
 * large batch, a starved CPU during a catch-up). Not thread-safe: one instance per task.
 */
final class InputLag {
  private static final String METRIC = "records-lag";
  private static final String GROUP = "consumer-fetch-manager-metrics";

  private final StreamsMetrics metrics;
  private final int partition;
  private final long rescanMs;
  /** Scan the metrics for a partition not found again only after this long (they are many). */
  private static final long RESCAN_MS = 5_000;

  private final Map<String, Metric> found = new HashMap<>();
  private final Map<String, Long> lastScan = new HashMap<>();
  private Boolean consumer;

  InputLag(StreamsMetrics metrics, int partition) {
    this(metrics, partition, RESCAN_MS);
  }

  /** @param rescanMs how long after a fruitless scan a partition's metric is looked for again */
  InputLag(StreamsMetrics metrics, int partition, long rescanMs) {
    this.metrics = metrics;
    this.partition = partition;
    this.rescanMs = rescanMs;
  }

  /**
   * Whether a consumer feeds this task (its fetch metrics exist): false in a {@code
   * TopologyTestDriver}, whose wall clock is simulated and may jump.
   */
  boolean consumerPresent() {
    if (consumer == null) {
      // the consumer registers its fetch metrics when it is created, before any task starts:
      // one look decides it, and a driver without a consumer is not scanned every marker
      consumer = metrics.metrics().keySet().stream().anyMatch(n -> GROUP.equals(n.group()));
    }
    return consumer;
  }

  /**
   * The lag of {@code topic}'s partition of this task: unread records, 0 when caught up, -1 when
   * unknown (not fetched yet, or no consumer at all, as in a {@code TopologyTestDriver}).
   */
  long of(String topic) {
    Metric metric = found.get(topic);
    double value = metric == null ? Double.NaN : value(metric);
    if (Double.isNaN(value)) {
      found.remove(topic);
      long now = System.currentTimeMillis();
      Long scanned = lastScan.get(topic);
      if (scanned == null || now - scanned >= rescanMs) {
        lastScan.put(topic, now);
        metric = lookUp(topic);
        if (metric != null) {
          found.put(topic, metric);
          value = value(metric);
        }
      }
    }
    return Double.isNaN(value) || Double.isInfinite(value) ? -1 : (long) value;
  }

  private Metric lookUp(String topic) {
    // The consumer's per-partition tags spell the topic with dots replaced by underscores.
    String underscored = topic.replace('.', '_');
    String wanted = String.valueOf(partition);
    for (Map.Entry<MetricName, ? extends Metric> e : metrics.metrics().entrySet()) {
      MetricName name = e.getKey();
      if (METRIC.equals(name.name()) && GROUP.equals(name.group())
          && wanted.equals(name.tags().get("partition"))) {
        String tagged = name.tags().get("topic");
        if ((topic.equals(tagged) || underscored.equals(tagged))
            && !Double.isNaN(value(e.getValue()))) {
          return e.getValue();
        }
      }
    }
    return null;
  }

  private static double value(Metric metric) {
    Object v = metric.metricValue();
    return v instanceof Number n ? n.doubleValue() : Double.NaN;
  }
}
