package nl.waarom.analyzer.trends;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.waarom.analyzer.streams.JsonSerde;
import nl.waarom.analyzer.streams.order.OrderOptions;
import nl.waarom.analyzer.streams.order.OrderedHop;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Topics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Adds the trends and the explained share to a topology.
 *
 * <pre>
 * classified → trend-events → repartition reason-channel → rollup-trends → reason-trends
 * classified → share-events → repartition explained      → count-explained → explained-share
 * </pre>
 *
 * Stores: {@code reason-trends-1m/15m/60m}, {@code trend-progress},
 * {@code explained-share-1m/15m/60m}. Registers the gauge {@link ExplainedShareGauge#METRIC}.
 */
public final class TrendStreams {
  private TrendStreams() {}

  /**
   * @param order the ordering of the repartition hops
   * @param upstreamHop the ordered hop {@code classified} comes out of
   */
  public static void add(KStream<String, ClassifiedContact> classified, TrendOptions options,
      Topics topics, OrderOptions order, String upstreamHop, MeterRegistry registry) {
    OrderedHop<TrendEvent> reasonChannel = new OrderedHop<>("reason-channel",
        new TrendEventSerde(topics.classified.valueSerde()), (key, event) -> key + "|" + event,
        upstreamHop);
    OrderedHop<ShareEvent> explained = new OrderedHop<>("explained",
        new JsonSerde<>(ShareEvent.class), (key, event) -> key + "|" + event, upstreamHop);
    reasonChannel.apply(classified
        .flatMap((key, contact) -> TrendEvent.of(contact), Named.as("trend-events")), order,
            registry)
        .process(TrendRollupProcessor.supplier(options, registry), Named.as("rollup-trends"))
        .to(topics.reasonTrends.name(), Produced.with(topics.reasonTrends.keySerde(),
            topics.reasonTrends.valueSerde()).withName("reason-trends-sink"));

    ExplainedShareGauge gauge = new ExplainedShareGauge();
    Gauge.builder(ExplainedShareGauge.METRIC, gauge, ExplainedShareGauge::value)
        .description("Share of contacts with a reason in the latest ended 15-minute window")
        .strongReference(true)
        .register(registry);
    explained.apply(classified
        .map((key, contact) -> KeyValue.pair(ShareEvent.hourKey(contact), ShareEvent.of(contact)),
            Named.as("share-events")), order, registry)
        .process(ExplainedShareProcessor.supplier(options, gauge, registry),
            Named.as("count-explained"))
        .to(topics.explainedShare.name(), Produced.with(topics.explainedShare.keySerde(),
            topics.explainedShare.valueSerde()).withName("explained-share-sink"));
  }
}
