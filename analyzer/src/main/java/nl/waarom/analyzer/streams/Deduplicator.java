package nl.waarom.analyzer.streams;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Drops a contact delivered again — a webhook platform's retry, a client retrying after a 503, a
 * connector re-reading after a crash, the same file replayed twice — so it is classified and
 * counted once. A contact is identified by its topic (its source channel) and its record key, the
 * {@code contactId} (every Waarom producer keys contacts by it, so copies land in the same
 * partition and task). A record with the same topic and key as one read within the horizon before
 * it (by record timestamp: when it reached Kafka) is dropped and counted in {@value #METRIC}; a
 * record without a key passes. Horizon zero turns deduplication off.
 *
 * <p>State: store {@value #STORE} (changelogged, so a restart and exactly-once processing keep
 * it), key {@code d|<topic>|<contactId>} → when it was first read, plus an index {@code
 * t|<time>|<topic>|<contactId>} by which entries older than the horizon (in stream time) are
 * purged once a minute. Cost: two small entries per contact per horizon.
 */
public final class Deduplicator implements Processor<String, byte[], String, byte[]> {
  /** The store's pinned name. */
  public static final String STORE = "contact-dedup";
  /** Counter of contacts dropped as delivered again; tag {@code topic}. */
  public static final String METRIC = "waarom.analyzer.contacts.duplicate";
  private static final Duration PURGE_EVERY = Duration.ofMinutes(1);
  private static final int PURGE_BATCH = 10_000;

  private final long horizon;
  private final MeterRegistry registry;
  private ProcessorContext<String, byte[]> context;
  private KeyValueStore<String, Long> seen;

  /** @param horizon how long after a contact a copy of it is still dropped; zero: never */
  public Deduplicator(Duration horizon, MeterRegistry registry) {
    this.horizon = horizon.toMillis();
    this.registry = registry;
  }

  /** The supplier of this processor with its store. */
  public static WithStores<String, byte[], String, byte[]> supplier(Duration horizon,
      MeterRegistry registry) {
    return WithStores.of(() -> new Deduplicator(horizon, registry), store());
  }

  /** The store's builder. */
  public static StoreBuilder<KeyValueStore<String, Long>> store() {
    return StateStores.keyValue(STORE, Serdes.Long());
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
    this.seen = context.getStateStore(STORE);
    if (horizon > 0) {
      context.schedule(PURGE_EVERY, PunctuationType.WALL_CLOCK_TIME, now -> purge());
    }
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (horizon <= 0 || record.key() == null) {
      context.forward(record);
      return;
    }
    String topic = context.recordMetadata().map(RecordMetadata::topic).orElse("");
    String id = topic + "|" + record.key();
    Long first = seen.get("d|" + id);
    long at = record.timestamp();
    if (first != null && at - first <= horizon) {
      registry.counter(METRIC, "topic", topic).increment();
      return;
    }
    if (first != null) {
      seen.delete(index(first, id));
    }
    seen.put("d|" + id, at);
    seen.put(index(at, id), at);
    context.forward(record);
  }

  /** Removes the entries read more than the horizon before this task's stream time. */
  private void purge() {
    long before = context.currentStreamTimeMs() - horizon;
    if (before <= 0) {
      return;
    }
    List<KeyValue<String, Long>> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = seen.range("t|", index(before, ""))) {
      while (it.hasNext() && expired.size() < PURGE_BATCH) {
        expired.add(it.next());
      }
    }
    for (KeyValue<String, Long> entry : expired) {
      String id = entry.key.substring(entry.key.indexOf('|', 2) + 1);
      seen.delete(entry.key);
      Long first = seen.get("d|" + id);
      if (first != null && first.equals(entry.value)) {
        seen.delete("d|" + id);
      }
    }
  }

  private static String index(long at, String id) {
    return String.format("t|%019d|%s", Math.max(0L, at), id);
  }
}
