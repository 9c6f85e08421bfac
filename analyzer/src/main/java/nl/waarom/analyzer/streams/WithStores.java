package nl.waarom.analyzer.streams;

import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * A processor supplier that declares the stores its processors use, Kafka Streams' own mechanism
 * ({@link ProcessorSupplier#stores()}): {@code stream.process(supplier, named)} then adds the
 * stores and connects them, so a processor and its stores are declared in one place and cannot
 * drift apart. Every stateful processor of the analyzer is handed to the topology this way.
 *
 * @param processor creates one processor per task; never null
 * @param stores the builders of every store the processor opens; never null, not shared with
 *     another supplier
 */
public record WithStores<KIn, VIn, KOut, VOut>(
    Supplier<Processor<KIn, VIn, KOut, VOut>> processor, Set<StoreBuilder<?>> stores)
    implements ProcessorSupplier<KIn, VIn, KOut, VOut> {
  public WithStores {
    stores = Set.copyOf(stores);
  }

  /** The supplier of {@code processor}'s processors with these stores. */
  public static <KIn, VIn, KOut, VOut> WithStores<KIn, VIn, KOut, VOut> of(
      Supplier<Processor<KIn, VIn, KOut, VOut>> processor, StoreBuilder<?>... stores) {
    return new WithStores<>(processor, Set.of(stores));
  }

  @Override
  public Processor<KIn, VIn, KOut, VOut> get() {
    return processor.get();
  }
}
