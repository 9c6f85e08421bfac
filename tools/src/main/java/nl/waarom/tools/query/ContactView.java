package nl.waarom.tools.query;

import java.time.Instant;
import java.util.List;
import nl.waarom.analyzer.trends.TrendKeys;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.Topic;
import nl.waarom.schemas.Topics;

/**
 * {@code ./waarom contacts}: the contacts.classified topic ({@link ClassifiedContact}, key
 * contactId), selected and ordered by {@code occurredAt}, filtered by primary reason (the one the
 * trends count; {@code unexplained} for contacts without one) and channel.
 */
final class ContactView implements RecordView<ClassifiedContact> {
  private static final List<Column<ClassifiedContact>> COLUMNS = List.of(
      Column.of("occurred_at", 20, ClassifiedContact::getOccurredAt),
      Column.of("contact_id", 16, ClassifiedContact::getContactId),
      Column.of("channel", 7, ClassifiedContact::getChannel),
      Column.of("reason_id", 22, TrendKeys::primaryReason),
      Column.of("confidence", 10, ContactView::confidence),
      Column.of("repeat_of", 16, ClassifiedContact::getRepeatOf),
      Column.of("snippet", 60, ClassifiedContact::getSnippet),
      Column.csvOnly("source", c -> primary(c) == null ? null : primary(c).getSource()),
      Column.csvOnly("other_reasons", ContactView::otherReasons),
      Column.csvOnly("repeat_of_occurred_at", ClassifiedContact::getRepeatOfOccurredAt),
      Column.csvOnly("repeat_of_channel", ClassifiedContact::getRepeatOfChannel),
      Column.csvOnly("customer_key", ClassifiedContact::getCustomerKey),
      Column.csvOnly("language", ClassifiedContact::getLanguage),
      Column.csvOnly("queue", ClassifiedContact::getQueue),
      Column.csvOnly("ivr_path", ClassifiedContact::getIvrPath),
      Column.csvOnly("handle_millis", ClassifiedContact::getHandleMillis),
      Column.csvOnly("taxonomy_version", ClassifiedContact::getTaxonomyVersion));

  @Override
  public Topic<String, ClassifiedContact> topic(Topics topics) {
    return topics.classified;
  }

  @Override
  public Instant time(ClassifiedContact contact) {
    return contact.getOccurredAt();
  }

  @Override
  public boolean matches(ClassifiedContact contact, QueryFilter filter) {
    return filter.inTime(contact.getOccurredAt())
        && filter.reason(TrendKeys.primaryReason(contact)) && filter.channel(contact.getChannel());
  }

  @Override
  public List<Column<ClassifiedContact>> columns() {
    return COLUMNS;
  }

  @Override
  public String count(int count) {
    return count + (count == 1 ? " contact" : " contacts");
  }

  /** The primary reason match; null when the contact is unexplained. */
  private static ReasonMatch primary(ClassifiedContact contact) {
    return contact.getUnexplained() || contact.getReasons().isEmpty() ? null
        : contact.getReasons().get(0);
  }

  private static Double confidence(ClassifiedContact contact) {
    ReasonMatch primary = primary(contact);
    return primary == null ? null : primary.getConfidence();
  }

  private static List<String> otherReasons(ClassifiedContact contact) {
    return contact.getReasons().stream().skip(1).map(ReasonMatch::getReasonId).toList();
  }
}
