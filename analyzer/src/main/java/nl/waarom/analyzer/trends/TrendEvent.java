package nl.waarom.analyzer.trends;

import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import org.apache.kafka.streams.KeyValue;

/**
 * One thing that changes a trend window: a contact arriving (counted, with its handle time, in the
 * windows holding {@code at}) or a repeat of an earlier contact (adds one to the repeat count of
 * the windows holding the earlier contact's time, on the earlier contact's channel). Immutable;
 * travels as JSON through the {@code reason-channel} repartition topic.
 *
 * @param reasonId primary reason or {@code unexplained}; never null
 * @param channel channel of the window to change; never null
 * @param at event time (epoch millis) that places the event in its windows
 * @param handleMillis handle time of an arriving contact; may be null (unknown, or a repeat)
 * @param repeat whether this is a repeat event rather than an arrival
 * @param negative whether the arriving contact is a negative one
 *     ({@code ClassifiedContact.customerNegative}); null when it has no sentiment (the customer
 *     said nothing), for a repeat, and in events written before sentiment existed
 * @param callbackRequested whether the customer of the arriving contact asked to be called back
 *     ({@code ClassifiedContact.callbackRequested}); false for a repeat, and in events written
 *     before callback requests were counted
 */
public record TrendEvent(String reasonId, Channel channel, long at, Long handleMillis,
    boolean repeat, Boolean negative, boolean callbackRequested) {

  /**
   * The events of one classified contact, keyed {@code reasonId|channel}: its arrival and, when
   * it repeats an earlier contact whose time and channel are known, the repeat event.
   */
  public static List<KeyValue<String, TrendEvent>> of(ClassifiedContact contact) {
    String reasonId = TrendKeys.primaryReason(contact);
    List<KeyValue<String, TrendEvent>> events = new ArrayList<>(2);
    events.add(KeyValue.pair(TrendKeys.reasonChannel(reasonId, contact.getChannel()),
        new TrendEvent(reasonId, contact.getChannel(), contact.getOccurredAt().toEpochMilli(),
            contact.getHandleMillis(), false, contact.getCustomerNegative(),
            contact.getCallbackRequested())));
    if (contact.getRepeatOf() != null && contact.getRepeatOfOccurredAt() != null
        && contact.getRepeatOfChannel() != null) {
      events.add(KeyValue.pair(TrendKeys.reasonChannel(reasonId, contact.getRepeatOfChannel()),
          new TrendEvent(reasonId, contact.getRepeatOfChannel(),
              contact.getRepeatOfOccurredAt().toEpochMilli(), null, true, null, false)));
    }
    return events;
  }
}
