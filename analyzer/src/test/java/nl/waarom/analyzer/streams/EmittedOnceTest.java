package nl.waarom.analyzer.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmittedOnceTest {
  private KeyValueStore<String, Long> store;
  private EmittedOnce<Long> emitted;

  @BeforeEach
  void open() {
    store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("emitted"), Serdes.String(),
        Serdes.Long()).withLoggingDisabled().build();
    store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    emitted = new EmittedOnce<>(store, Duration.ofMillis(100), (id, detectedAt) -> detectedAt);
  }

  private List<KeyValue<String, Long>> entries() {
    List<KeyValue<String, Long>> entries = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = store.all()) {
      all.forEachRemaining(entries::add);
    }
    return entries;
  }

  @Test
  void remembersWhatWasEmittedUntilItsTimeIsMoreThanTheRetentionAgo() {
    emitted.remember("b", 1_000L);
    emitted.remember("a", 1_050L);
    emitted.mark("#since", 0L);

    assertThat(emitted.contains("a")).isTrue();
    assertThat(emitted.contains("c")).isFalse();
    assertThat(emitted.values()).containsExactly(1_050L, 1_000L); // key order, no marks

    emitted.prune(1_100L); // b is exactly the retention old: kept
    assertThat(entries()).containsExactly(KeyValue.pair("#since", 0L), KeyValue.pair("a", 1_050L),
        KeyValue.pair("b", 1_000L));
    emitted.prune(1_101L);
    assertThat(entries()).containsExactly(KeyValue.pair("#since", 0L), KeyValue.pair("a", 1_050L));
    emitted.prune(Long.MAX_VALUE / 2); // marks are never pruned
    assertThat(entries()).containsExactly(KeyValue.pair("#since", 0L));
    assertThat(emitted.mark("#since")).isZero();
    assertThat(emitted.contains("a")).isFalse();
  }

  @Test
  void insightIdsAndMarksCannotBeMixedUp() {
    assertThatThrownBy(() -> emitted.remember("#id", 1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emitted.mark("since", 1L))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EmittedOnce<>(store, Duration.ofMillis(-1), (id, at) -> at))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
