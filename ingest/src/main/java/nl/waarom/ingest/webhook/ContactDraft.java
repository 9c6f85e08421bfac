package nl.waarom.ingest.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Speaker;

/**
 * Builds the public contact JSON from a platform's fields, so that translated contacts go through
 * exactly the validation, redaction and pseudonymisation of {@code POST /v1/contacts}. Turn
 * offsets are measured from {@code occurredAt} and never negative. Not thread-safe.
 */
final class ContactDraft {
  private final ObjectNode node = JsonNodeFactory.instance.objectNode();
  private final Instant occurredAt;
  private final Map<String, String> attributes = new LinkedHashMap<>();

  ContactDraft(String contactId, Channel channel, Instant occurredAt) {
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    node.put("contactId", contactId).put("channel", channel.name())
        .put("occurredAt", this.occurredAt.toString());
    node.putArray("turns");
  }

  ContactDraft customer(String customerId, String customerName) {
    if (customerId != null && !customerId.isBlank()) {
      node.put("customerId", customerId);
    }
    if (customerName != null && !customerName.isBlank()) {
      node.put("customerName", customerName.strip());
    }
    return this;
  }

  ContactDraft subject(String subject) {
    if (subject != null && !subject.isBlank()) {
      node.put("subject", subject.strip());
    }
    return this;
  }

  /** Adds a turn unless its text is blank; {@code at} may be null (offset 0). */
  ContactDraft turn(Speaker speaker, String text, Instant at) {
    if (text != null && !text.isBlank()) {
      long offset = at == null ? 0 : Math.max(0, Duration.between(occurredAt, at).toMillis());
      node.withArray("turns").addObject().put("speaker", speaker.name()).put("text", text)
          .put("offsetMillis", offset);
    }
    return this;
  }

  ContactDraft attribute(String name, String value) {
    if (value != null && !value.isBlank()) {
      attributes.put(name, value.strip());
    }
    return this;
  }

  boolean hasTurns() {
    return !node.withArray("turns").isEmpty();
  }

  ObjectNode build() {
    ObjectNode attrs = node.putObject("attributes");
    attributes.forEach(attrs::put);
    return node;
  }
}
