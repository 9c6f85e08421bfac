package nl.waarom.analyzer.trends;

import java.time.Instant;
import nl.waarom.schemas.ClassifiedContact;

/**
 * One classified contact as the explained share sees it. Immutable; travels as JSON through the
 * {@code explained} repartition topic, keyed by the start of its hour ({@link #hourKey}).
 *
 * @param at occurredAt, epoch millis
 * @param explained whether the contact got at least one reason
 */
public record ShareEvent(long at, boolean explained) {
  private static final long HOUR = 3_600_000L;

  public static ShareEvent of(ClassifiedContact contact) {
    return new ShareEvent(contact.getOccurredAt().toEpochMilli(),
        !TrendKeys.primaryReason(contact).equals(nl.waarom.taxonomy.Reason.UNEXPLAINED));
  }

  /**
   * The repartition key: the start of the contact's hour. Every 1-, 15- and 60-minute window
   * nests in one hour, so one task owns all windows of an hour, and hours spread over partitions.
   */
  public static String hourKey(ClassifiedContact contact) {
    long at = contact.getOccurredAt().toEpochMilli();
    return Instant.ofEpochMilli(Math.floorDiv(at, HOUR) * HOUR).toString();
  }
}
