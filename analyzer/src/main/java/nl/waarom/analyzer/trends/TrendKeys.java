package nl.waarom.analyzer.trends;

import java.time.Instant;
import nl.waarom.analyzer.taxonomy.Reason;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;

/** The keys trends are grouped and published by. */
public final class TrendKeys {
  private TrendKeys() {}

  /** Primary reason of a classified contact, or {@code unexplained}; never null. */
  public static String primaryReason(ClassifiedContact contact) {
    return contact.getUnexplained() || contact.getReasons().isEmpty()
        ? Reason.UNEXPLAINED : contact.getReasons().get(0).getReasonId();
  }

  /** {@code reasonId|channel}, the grouping key of the window store. */
  public static String reasonChannel(ClassifiedContact contact) {
    return primaryReason(contact) + "|" + contact.getChannel();
  }

  /** {@code reasonId|channel|windowStartIso}, the key on the reason-trends topic. */
  public static String trendKey(String reasonId, Channel channel, Instant windowStart) {
    return reasonId + "|" + channel + "|" + windowStart;
  }
}
