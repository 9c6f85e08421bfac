package nl.waarom.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.text.HtmlText;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Speaker;

/**
 * Intercom's {@code conversation.admin.closed} webhook notification.
 *
 * <p><b>Signature</b> (<a href="https://developers.intercom.com/docs/webhooks">Intercom:
 * Webhooks</a>): header {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the raw body, keyed with
 * the app's client secret>}. Intercom signs no timestamp header, so replay protection uses the
 * notification's own {@code created_at} (inside the signed body, see {@link Translation#sentAt}).
 *
 * <p><b>Payload</b> (<a href="https://developers.intercom.com/docs/references/2.5/webhooks/webhook-models">
 * webhook models</a>, <a href="https://developers.intercom.com/docs/references/1.0/rest-api/conversations/conversation-part-model">
 * conversation part model</a>): {@code {"type":"notification_event", "topic":
 * "conversation.admin.closed", "created_at": <epoch s>, "data": {"item": <conversation>}}}, the
 * conversation holding {@code id}, {@code created_at}, {@code source} (the first message: {@code
 * type}, {@code subject}, HTML {@code body}, {@code author {type, id, name}}), {@code
 * conversation_parts.conversation_parts[]} ({@code part_type}, HTML {@code body}, {@code author},
 * {@code created_at}), {@code contacts.contacts[]} ({@code id}, {@code external_id}) or the older
 * {@code user} ({@code id}, {@code user_id}), and {@code tags.tags[].name}.
 *
 * <p><b>Mapping</b>: contactId {@code intercom-<conversation id>}; channel from
 * {@code source.type} (email → EMAIL, phone_call/phone_switch → CALL, anything else → CHAT);
 * occurredAt = conversation {@code created_at}; the source message and every part with a body
 * become turns (HTML stripped), except internal {@code note} parts; speaker from the author type
 * (user, lead, contact → CUSTOMER; admin, team → AGENT; bot → BOT; others → SYSTEM); customerId =
 * the contact's {@code external_id} (your own customer number, so the pseudonym joins with other
 * channels) or else {@code intercom:<contact id>}; customerName = the customer author's name (every
 * occurrence is redacted as {@code [NAME]}); attributes {@code platform=intercom}, {@code tags}
 * (comma-separated). Topic {@code ping} (sent when the webhook is set up) is ignored.
 */
public final class IntercomAdapter implements WebhookAdapter {
  public static final String SIGNATURE_HEADER = "X-Hub-Signature";
  public static final String CLOSED_TOPIC = "conversation.admin.closed";
  private static final String ITEM = "data.item";

  @Override
  public String platform() {
    return "intercom";
  }

  @Override
  public String verify(Function<String, String> header, byte[] body, String secret) {
    String given = header.apply(SIGNATURE_HEADER);
    if (given == null || !given.strip().toLowerCase(Locale.ROOT).matches("sha1=[0-9a-f]{40}")) {
      return SIGNATURE_HEADER + " is missing or not of the form sha1=<40 hex digits>";
    }
    byte[] expected = Signatures.hmac("HmacSHA1", secret, body);
    byte[] actual = HexFormat.of().parseHex(given.strip().substring(5).toLowerCase(Locale.ROOT));
    return Signatures.same(expected, actual) ? null
        : SIGNATURE_HEADER + " does not match the body signed with the configured secret";
  }

  /** The signature header value for a body, as Intercom computes it (for tests and tools). */
  public static String sign(byte[] body, String secret) {
    return "sha1=" + HexFormat.of().formatHex(Signatures.hmac("HmacSHA1", secret, body));
  }

  @Override
  public Validated<Translation> translate(byte[] body) {
    PlatformFields f = new PlatformFields();
    JsonNode root = f.parse(body);
    if (root == null) {
      return Validated.invalid(f.errors());
    }
    String type = f.text(root, "", "type");
    if (!"notification_event".equals(type)) {
      f.error("type", "must be notification_event (an Intercom webhook notification)");
      return Validated.invalid(f.errors());
    }
    String topic = f.text(root, "", "topic");
    Instant sentAt = f.instant(root, "", "created_at", true);
    if ("ping".equals(topic) && sentAt != null) {
      return Validated.valid(new Translation(null, "ping", sentAt));
    }
    if (!CLOSED_TOPIC.equals(topic)) {
      f.error("topic", "must be " + CLOSED_TOPIC + " (or ping); subscribe only to that topic");
      return Validated.invalid(f.errors());
    }
    JsonNode item = PlatformFields.at(root, ITEM);
    if (item == null || !item.isObject()) {
      f.error(ITEM, "is required: the closed conversation");
      return Validated.invalid(f.errors());
    }
    ContactDraft draft = conversation(f, item);
    if (!f.errors().isEmpty()) {
      return Validated.invalid(f.errors());
    }
    return Validated.valid(new Translation(draft.build(), null, sentAt));
  }

  private static ContactDraft conversation(PlatformFields f, JsonNode item) {
    String id = f.id(item, ITEM, "id");
    Instant createdAt = f.instant(item, ITEM, "created_at", true);
    String sourceType = f.text(item, ITEM, "source.type");
    if (id == null || createdAt == null) {
      return null;
    }
    ContactDraft draft = new ContactDraft("intercom-" + id, channel(sourceType), createdAt)
        .subject(HtmlText.toText(f.text(item, ITEM, "source.subject")))
        .attribute("platform", "intercom")
        .attribute("tags", tags(item));
    List<String> customerNames = new ArrayList<>();
    JsonNode source = PlatformFields.at(item, "source");
    if (source != null) {
      turn(f, draft, source, ITEM + ".source", createdAt, customerNames);
    }
    String partsPath = ITEM + ".conversation_parts.conversation_parts";
    JsonNode parts = PlatformFields.at(item, "conversation_parts.conversation_parts");
    if (parts != null && !parts.isArray()) {
      f.error(partsPath, "must be an array of conversation parts");
    } else if (parts != null) {
      for (int i = 0; i < parts.size(); i++) {
        JsonNode part = parts.get(i);
        if (!"note".equals(text(part, "part_type"))) {
          turn(f, draft, part, partsPath + "[" + i + "]", null, customerNames);
        }
      }
    }
    draft.customer(customerId(f, item), customerNames.isEmpty() ? null : customerNames.get(0));
    if (f.errors().isEmpty() && !draft.hasTurns()) {
      f.error(ITEM + ".source.body", "the conversation has no message with text");
    }
    return draft;
  }

  private static void turn(PlatformFields f, ContactDraft draft, JsonNode part, String path,
      Instant fallbackTime, List<String> customerNames) {
    String authorType = f.text(part, path, "author.type");
    Speaker speaker = speaker(authorType);
    if (speaker == Speaker.CUSTOMER) {
      String name = f.text(part, path, "author.name");
      if (name != null && !name.isBlank()) {
        customerNames.add(name);
      }
    }
    Instant at = f.instant(part, path, "created_at", false);
    draft.turn(speaker, HtmlText.toText(f.text(part, path, "body")), at == null ? fallbackTime : at);
  }

  static Speaker speaker(String authorType) {
    return switch (authorType == null ? "" : authorType.toLowerCase(Locale.ROOT)) {
      case "user", "lead", "contact" -> Speaker.CUSTOMER;
      case "admin", "team" -> Speaker.AGENT;
      case "bot" -> Speaker.BOT;
      default -> Speaker.SYSTEM;
    };
  }

  static Channel channel(String sourceType) {
    return switch (sourceType == null ? "" : sourceType.toLowerCase(Locale.ROOT)) {
      case "email" -> Channel.EMAIL;
      case "phone_call", "phone_switch" -> Channel.CALL;
      default -> Channel.CHAT;
    };
  }

  private static String customerId(PlatformFields f, JsonNode item) {
    JsonNode contacts = PlatformFields.at(item, "contacts.contacts");
    JsonNode contact = contacts != null && contacts.isArray() && !contacts.isEmpty()
        ? contacts.get(0) : PlatformFields.at(item, "user");
    if (contact == null) {
      return null;
    }
    String external = text(contact, "external_id");
    if (external == null) {
      external = text(contact, "user_id");
    }
    if (external != null) {
      return external;
    }
    String id = text(contact, "id");
    return id == null ? null : "intercom:" + id;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = PlatformFields.at(node, field);
    return v != null && (v.isTextual() || v.isIntegralNumber()) && !v.asText().isBlank()
        ? v.asText().strip() : null;
  }

  private static String tags(JsonNode item) {
    JsonNode tags = PlatformFields.at(item, "tags.tags");
    if (tags == null || !tags.isArray()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    tags.forEach(t -> {
      String name = text(t, "name");
      if (name != null) {
        names.add(name);
      }
    });
    return String.join(",", names);
  }
}
