package nl.waarom.analyzer.trends;

import java.time.Instant;
import nl.waarom.taxonomy.Reason;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;

/** The keys trends and explained shares are grouped and published by. */
public final class TrendKeys {
  private TrendKeys() {}

  /** Primary reason of a classified contact, or {@code unexplained}; never null. */
  public static String primaryReason(ClassifiedContact contact) {
    return contact.getUnexplained() || contact.getReasons().isEmpty()
        ? Reason.UNEXPLAINED : contact.getReasons().get(0).getReasonId();
  }

  /** {@code reasonId|channel}, the grouping key of the trend stores. */
  public static String reasonChannel(String reasonId, Channel channel) {
    return reasonId + "|" + channel;
  }

  /** {@code reasonId|channel} of a classified contact's primary reason and channel. */
  public static String reasonChannel(ClassifiedContact contact) {
    return reasonChannel(primaryReason(contact), contact.getChannel());
  }

  /** {@code reasonId|channel|windowMinutes|windowStartIso}, the key on the reason-trends topic. */
  public static String trendKey(String reasonId, Channel channel, int windowMinutes,
      Instant windowStart) {
    return reasonId + "|" + channel + "|" + windowMinutes + "|" + windowStart;
  }

  /** {@code windowMinutes|windowStartIso}, the key on the explained-share topic. */
  public static String shareKey(int windowMinutes, Instant windowStart) {
    return windowMinutes + "|" + windowStart;
  }
}
