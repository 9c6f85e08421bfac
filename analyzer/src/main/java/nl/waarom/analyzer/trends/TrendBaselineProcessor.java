package nl.waarom.analyzer.trends;

import java.time.Duration;
import java.time.Instant;
import nl.waarom.schemas.ReasonTrend;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.TimestampedWindowStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Completes a window update for publication: sets the window bounds and, when there is history,
 * the baseline (mean count over the previous {@code baselineWindows} windows of the same
 * reason and channel, missing windows counting as 0) and the deviation (count / baseline).
 * Without any earlier window in that range both stay null. Reads the aggregate's own window store,
 * whose retention covers the baseline range.
 */
public final class TrendBaselineProcessor
    implements FixedKeyProcessor<Windowed<String>, ReasonTrend, ReasonTrend> {
  private final String storeName;
  private final Duration windowSize;
  private final int baselineWindows;
  private FixedKeyProcessorContext<Windowed<String>, ReasonTrend> context;
  private TimestampedWindowStore<String, ReasonTrend> store;

  public TrendBaselineProcessor(String storeName, Duration windowSize, int baselineWindows) {
    this.storeName = storeName;
    this.windowSize = windowSize;
    this.baselineWindows = baselineWindows;
  }

  @Override
  public void init(FixedKeyProcessorContext<Windowed<String>, ReasonTrend> context) {
    this.context = context;
    this.store = context.getStateStore(storeName);
  }

  @Override
  public void process(FixedKeyRecord<Windowed<String>, ReasonTrend> record) {
    if (record.value() == null) {
      return;
    }
    Instant start = record.key().window().startTime();
    ReasonTrend.Builder trend = ReasonTrend.newBuilder(record.value())
        .setWindowStart(start)
        .setWindowEnd(record.key().window().endTime());
    Double baseline = baseline(record.key().key(), start);
    trend.setBaseline(baseline);
    trend.setDeviation(baseline == null || baseline == 0 ? null
        : record.value().getCount() / baseline);
    context.forward(record.withValue(trend.build()));
  }

  private Double baseline(String key, Instant windowStart) {
    Instant from = windowStart.minus(windowSize.multipliedBy(baselineWindows));
    Instant to = windowStart.minus(windowSize);
    long total = 0;
    boolean history = false;
    try (WindowStoreIterator<ValueAndTimestamp<ReasonTrend>> it = store.fetch(key, from, to)) {
      while (it.hasNext()) {
        ValueAndTimestamp<ReasonTrend> v = it.next().value;
        if (v != null && v.value() != null) {
          total += v.value().getCount();
          history = true;
        }
      }
    }
    return history ? (double) total / baselineWindows : null;
  }
}
