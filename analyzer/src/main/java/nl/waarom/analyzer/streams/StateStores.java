package nl.waarom.analyzer.streams;

import java.util.function.Function;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The one way the analyzer declares a state store: a key-value store with string keys, logged to
 * its changelog {@code <application.id>-<name>-changelog}, without a record cache (every write
 * goes to the changelog as it happens). Processors hand these builders to Kafka Streams through
 * {@link WithStores}, never through {@code StreamsBuilder.addStateStore}.
 *
 * <p>The name and the value serde together are the store's on-disk contract: a running
 * deployment restores the store from its changelog, so neither may change without a migration.
 */
public final class StateStores {
  private StateStores() {}

  /** A persistent (RocksDB) store named {@code name} whose values are written by {@code values}. */
  public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values) {
    return keyValue(name, values, Stores::persistentKeyValueStore);
  }

  /** A persistent store named {@code name} with {@link JsonSerde JSON} values of {@code type}. */
  public static <V> StoreBuilder<KeyValueStore<String, V>> json(String name, Class<V> type) {
    return keyValue(name, new JsonSerde<>(type));
  }

  /**
   * A store of another kind, changelogged all the same: e.g. {@code Stores::inMemoryKeyValueStore}
   * for fast tests of a processor's logic.
   */
  public static <V> StoreBuilder<KeyValueStore<String, V>> keyValue(String name, Serde<V> values,
      Function<String, KeyValueBytesStoreSupplier> kind) {
    return Stores.keyValueStoreBuilder(kind.apply(name), Serdes.String(), values);
  }
}
