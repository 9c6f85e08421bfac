package nl.waarom.analyzer.trends;

import java.time.Instant;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.ReasonTrend;

/**
 * Window aggregate of one reason on one channel: count and total handle time. The window bounds
 * are not known to an aggregator; {@link TrendBaselineProcessor} fills them in from the window
 * key before the trend is published.
 */
public final class TrendAggregator {
  private TrendAggregator() {}

  /** The empty aggregate. */
  public static ReasonTrend initial() {
    return ReasonTrend.newBuilder()
        .setReasonId("")
        .setChannel(Channel.OTHER)
        .setWindowStart(Instant.EPOCH)
        .setWindowEnd(Instant.EPOCH)
        .setCount(0)
        .setHandleMillisTotal(0)
        .build();
  }

  /** Adds one contact; returns a new aggregate, the old one is not changed. */
  public static ReasonTrend add(String reasonChannel, ClassifiedContact contact, ReasonTrend trend) {
    Long handle = contact.getHandleMillis();
    return ReasonTrend.newBuilder(trend)
        .setReasonId(TrendKeys.primaryReason(contact))
        .setChannel(contact.getChannel())
        .setCount(trend.getCount() + 1)
        .setHandleMillisTotal(trend.getHandleMillisTotal() + (handle == null ? 0 : handle))
        .build();
  }
}
