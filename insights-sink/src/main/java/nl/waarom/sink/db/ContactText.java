package nl.waarom.sink.db;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;

/**
 * The words of one contact from its channel topic (redacted at ingest), for the text columns of
 * its {@code contacts} row.
 *
 * @param contactId never null
 * @param channel CHAT, CALL, EMAIL or OTHER; never null
 * @param occurredAt never null
 * @param language may be null
 * @param queue may be null
 * @param ivrPath may be null
 * @param attributes never null
 * @param customerKey may be null
 * @param handleMillis talk + wrap-up when known; may be null
 * @param subject may be null
 * @param turns in order; never null
 */
public record ContactText(String contactId, String channel, Instant occurredAt, String language,
    String queue, String ivrPath, Map<String, String> attributes, String customerKey,
    Long handleMillis, String subject, List<Turn> turns) {
  public ContactText {
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(occurredAt, "occurredAt");
    attributes = Map.copyOf(attributes);
    turns = List.copyOf(turns);
  }

  /**
   * One turn as kept in the {@code contacts.turns} jsonb array.
   *
   * @param speaker CUSTOMER, AGENT, BOT or SYSTEM; never null
   * @param text redacted; never null
   * @param at when it was said; never null
   */
  public record Turn(String speaker, String text, Instant at) {}

  /** Maps a decoded Avro contact. */
  public static ContactText from(Contact c) {
    Long handle = c.getTalkMillis() == null && c.getWrapUpMillis() == null ? null
        : (c.getTalkMillis() == null ? 0L : c.getTalkMillis())
            + (c.getWrapUpMillis() == null ? 0L : c.getWrapUpMillis());
    List<Turn> turns = c.getTurns().stream().map(t -> new Turn(t.getSpeaker().name(), t.getText(),
        c.getOccurredAt().plusMillis(t.getOffsetMillis()))).toList();
    return new ContactText(c.getContactId(), c.getChannel().name(), c.getOccurredAt(),
        c.getLanguage(), c.getQueue(), c.getIvrPath(), c.getAttributes(), c.getCustomerKey(),
        handle, c.getSubject(), turns);
  }

  /** What the word search looks in: the subject and the customer's words. */
  public String searchText() {
    String customer = turns.stream().filter(t -> Speaker.CUSTOMER.name().equals(t.speaker()))
        .map(Turn::text).collect(Collectors.joining("\n"));
    return subject == null || subject.isBlank() ? customer : subject + "\n" + customer;
  }
}
