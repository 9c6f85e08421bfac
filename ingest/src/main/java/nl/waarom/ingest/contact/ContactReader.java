package nl.waarom.ingest.contact;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.ingest.privacy.Redaction;
import nl.waarom.ingest.privacy.Redactor;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * Reads one contact object (see {@link nl.waarom.ingest.contact the package description} for the
 * shape), validates every field, and builds the {@link Contact} with privacy applied: the raw
 * {@code customerId} becomes a keyed pseudonym; turn texts, the subject and attribute values are
 * redacted, with {@code customerName} (never forwarded) as the name to remove. Each redaction that
 * removed something is reported to a listener, for metrics.
 */
final class ContactReader {
  static final int MAX_CONTACT_ID = 200;
  static final int MAX_TURNS = 500;
  static final int MAX_TEXT = 20_000;
  private static final int UNLIMITED = Integer.MAX_VALUE;
  /** How far in the future occurredAt may be (clock skew), below Kafka's one-hour limit. */
  public static final java.time.Duration MAX_FUTURE = java.time.Duration.ofMinutes(30);
  private static final Set<String> CONTACT_FIELDS = Set.of("contactId", "channel", "occurredAt",
      "customerId", "customerKey", "language", "subject", "turns", "ivrMillis", "queueMillis",
      "talkMillis", "wrapUpMillis", "queue", "ivrPath", "callbackRequested", "attributes",
      "customerName");
  private static final Set<String> TURN_FIELDS = Set.of("speaker", "text", "offsetMillis");
  private static final List<Channel> CHANNELS = List.of(Channel.CHAT, Channel.CALL, Channel.EMAIL);

  private final Pseudonymizer pseudonymizer;
  private final Redactor redactor;
  private final Consumer<Redaction> onRedaction;

  ContactReader(Pseudonymizer pseudonymizer, Redactor redactor, Consumer<Redaction> onRedaction) {
    this.pseudonymizer = pseudonymizer;
    this.redactor = redactor;
    this.onRedaction = onRedaction;
  }

  /**
   * @param path path of the object, "" for a lone contact or "[i]" for an array element
   * @param name how to name the object itself in an error when it is not an object
   */
  Validated<Contact> read(JsonNode node, String path, String name) {
    if (!node.isObject()) {
      return Validated.invalid(name, "must be a contact object");
    }
    List<FieldError> errors = new ArrayList<>();
    JsonFields f = new JsonFields(node, path, errors);
    f.rejectUnknown(CONTACT_FIELDS);
    String contactId = f.string("contactId", true, true, MAX_CONTACT_ID);
    Channel channel = f.enumValue("channel", CHANNELS);
    Instant occurredAt = f.instant("occurredAt");
    if (occurredAt != null && occurredAt.isAfter(Instant.now().plus(MAX_FUTURE))) {
      // Kafka refuses record timestamps more than an hour ahead of the broker's clock
      // (log.message.timestamp.after.max.ms), and a contact has not happened yet
      f.error("occurredAt", "is more than " + MAX_FUTURE.toMinutes()
          + " minutes in the future: " + occurredAt + " (check the sender's clock)");
    }
    String customerId = f.string("customerId", false, true, UNLIMITED);
    String customerKey = f.string("customerKey", false, true, UNLIMITED);
    String customerName = f.string("customerName", false, false, MAX_CONTACT_ID);
    List<String> names = customerName == null ? List.of() : List.of(customerName);
    String language = language(f);
    String subject = f.string("subject", false, false, UNLIMITED);
    List<Turn> turns = turns(f, errors, names);
    Contact.Builder contact = Contact.newBuilder()
        .setIvrMillis(f.nonNegativeLong("ivrMillis"))
        .setQueueMillis(f.nonNegativeLong("queueMillis"))
        .setTalkMillis(f.nonNegativeLong("talkMillis"))
        .setWrapUpMillis(f.nonNegativeLong("wrapUpMillis"))
        .setQueue(f.string("queue", false, false, UNLIMITED))
        .setIvrPath(f.string("ivrPath", false, false, UNLIMITED));
    Boolean callback = f.bool("callbackRequested");
    Map<String, String> attributes = f.stringMap("attributes");
    if (!errors.isEmpty()) {
      return Validated.invalid(errors);
    }
    return Validated.valid(contact
        .setContactId(contactId)
        .setChannel(channel)
        .setOccurredAt(occurredAt)
        // A raw id never leaves the edge; a caller's own pseudonym is kept only without one.
        .setCustomerKey(customerId != null ? pseudonymizer.keyFor(customerId) : customerKey)
        .setLanguage(language)
        .setSubject(redact(subject, names))
        .setTurns(turns)
        .setCallbackRequested(callback != null && callback)
        .setAttributes(redactValues(attributes, names))
        .build());
  }

  private static String language(JsonFields f) {
    String language = f.string("language", false, false, UNLIMITED);
    if (language != null && !language.matches("[A-Za-z]{2}")) {
      f.error("language", "must be a 2-letter ISO 639-1 code such as nl or en");
      return null;
    }
    return language == null ? null : language.toLowerCase(Locale.ROOT);
  }

  private String redact(String text, List<String> names) {
    Redaction r = redactor.redact(text, names);
    if (!r.spans().isEmpty()) {
      onRedaction.accept(r);
    }
    return r.text();
  }

  private Map<String, String> redactValues(Map<String, String> attributes, List<String> names) {
    Map<String, String> redacted = new LinkedHashMap<>();
    attributes.forEach((k, v) -> redacted.put(k, redact(v, names)));
    return redacted;
  }

  private List<Turn> turns(JsonFields f, List<FieldError> errors, List<String> names) {
    JsonNode array = f.get("turns");
    if (array == null || !array.isArray() || array.isEmpty() || array.size() > MAX_TURNS) {
      f.error("turns", "must be an array of 1.." + MAX_TURNS + " turns");
      return null;
    }
    List<Turn> turns = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      String path = f.path("turns") + "[" + i + "]";
      JsonNode node = array.get(i);
      if (!node.isObject()) {
        errors.add(new FieldError(path, "must be a turn object"));
        continue;
      }
      JsonFields t = new JsonFields(node, path, errors);
      t.rejectUnknown(TURN_FIELDS);
      Speaker speaker = t.enumValue("speaker", List.of(Speaker.values()));
      String text = t.string("text", true, true, MAX_TEXT);
      Long offset = t.nonNegativeLong("offsetMillis");
      if (speaker != null && text != null) {
        turns.add(new Turn(speaker, redact(text, names), offset == null ? 0L : offset));
      }
    }
    return turns;
  }
}
