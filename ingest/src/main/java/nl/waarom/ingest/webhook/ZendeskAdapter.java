package nl.waarom.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import nl.waarom.ingest.contact.Validated;
import nl.waarom.ingest.text.HtmlText;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Speaker;

/**
 * A Zendesk ticket webhook sent by a trigger when a ticket is solved.
 *
 * <p><b>Signature</b> (<a href="https://developer.zendesk.com/documentation/webhooks/verifying/">
 * Zendesk: Verifying webhook authenticity</a>): {@code X-Zendesk-Webhook-Signature} = base64 of
 * HMAC-SHA256(signing secret, {@code X-Zendesk-Webhook-Signature-Timestamp} + raw body). The
 * timestamp header (ISO-8601, e.g. {@code 2024-04-17T17:18:10Z}) is signed, so it is also the
 * replay protection: further than the allowed age from now is stale.
 *
 * <p><b>Payload</b>: Zendesk's ticket <em>events</em> carry no comments
 * (<a href="https://developer.zendesk.com/api-reference/webhooks/event-types/ticket-events">ticket
 * events</a>), so a trigger ("Ticket status is Solved", action "Notify webhook") sends this JSON
 * body, built with Zendesk placeholders (docs/ingest.md gives the template):
 *
 * <pre>{@code
 * {"ticket": {"id": "{{ticket.id}}", "status": "{{ticket.status}}", "subject": "{{ticket.title}}",
 *   "via": "{{ticket.via}}", "created_at": "{{ticket.created_at_with_timestamp}}",
 *   "tags": "{{ticket.tags}}",
 *   "requester": {"id": "{{ticket.requester.id}}", "external_id": "{{ticket.requester.external_id}}",
 *                 "name": "{{ticket.requester.name}}"},
 *   "comments": [{"author_id": "…", "author_role": "end-user|agent|admin", "public": true,
 *                 "created_at": "…", "body": "…"}]}}
 * }</pre>
 *
 * <p><b>Mapping</b>: contactId {@code zendesk-<ticket id>}; status must be solved or closed;
 * channel from {@code via} (voice/phone/call → CALL; chat, messaging, WhatsApp, social, SMS →
 * CHAT; anything else, e.g. mail and web form → EMAIL); occurredAt = {@code created_at} (ISO-8601
 * or epoch seconds); every public comment becomes a turn (HTML stripped; private comments are
 * internal notes and skipped) with speaker from {@code author_role} (end-user → CUSTOMER, agent
 * or admin → AGENT, system → SYSTEM, bot → BOT) or, without a role, CUSTOMER when
 * {@code author_id} is the requester and AGENT otherwise; customerId = the requester's
 * {@code external_id} or else {@code zendesk:<requester id>}; customerName = the requester's name;
 * subject = ticket subject; attributes {@code platform=zendesk}, {@code tags} (comma-separated).
 */
public final class ZendeskAdapter implements WebhookAdapter {
  public static final String SIGNATURE_HEADER = "X-Zendesk-Webhook-Signature";
  public static final String TIMESTAMP_HEADER = "X-Zendesk-Webhook-Signature-Timestamp";
  private static final String TICKET = "ticket";

  @Override
  public String platform() {
    return "zendesk";
  }

  @Override
  public String verify(Function<String, String> header, byte[] body, String secret) {
    String timestamp = header.apply(TIMESTAMP_HEADER);
    if (timestamp == null || timestamp.isBlank()) {
      return TIMESTAMP_HEADER + " is missing";
    }
    String given = header.apply(SIGNATURE_HEADER);
    byte[] actual;
    try {
      actual = given == null ? null : Base64.getDecoder().decode(given.strip());
    } catch (IllegalArgumentException e) {
      actual = null;
    }
    if (actual == null) {
      return SIGNATURE_HEADER + " is missing or not base64";
    }
    byte[] expected = Signatures.hmac("HmacSHA256", secret,
        timestamp.getBytes(StandardCharsets.UTF_8), body);
    if (!Signatures.same(expected, actual)) {
      return SIGNATURE_HEADER + " does not match " + TIMESTAMP_HEADER
          + " + body signed with the configured secret";
    }
    return PlatformFields.parseInstant(timestamp) == null
        ? TIMESTAMP_HEADER + " is not an ISO-8601 date-time" : null;
  }

  @Override
  public Instant signedSendTime(Function<String, String> header) {
    return PlatformFields.parseInstant(header.apply(TIMESTAMP_HEADER));
  }

  /** The signature header value, as Zendesk computes it (for tests and tools). */
  public static String sign(String timestamp, byte[] body, String secret) {
    return Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA256", secret,
        timestamp.getBytes(StandardCharsets.UTF_8), body));
  }

  @Override
  public Validated<Translation> translate(byte[] body) {
    PlatformFields f = new PlatformFields();
    JsonNode root = f.parse(body);
    if (root == null) {
      return Validated.invalid(f.errors());
    }
    JsonNode ticket = PlatformFields.at(root, TICKET);
    if (ticket == null || !ticket.isObject()) {
      f.error(TICKET, "is required: the ticket object of the trigger's JSON body");
      return Validated.invalid(f.errors());
    }
    String id = f.id(ticket, TICKET, "id");
    String status = f.text(ticket, TICKET, "status");
    if (status == null || !List.of("solved", "closed").contains(
        status.strip().toLowerCase(Locale.ROOT))) {
      f.error("ticket.status", "must be solved or closed (fire the trigger when a ticket is "
          + "solved)");
    }
    Instant createdAt = f.instant(ticket, TICKET, "created_at", true);
    JsonNode comments = PlatformFields.at(ticket, "comments");
    if (comments == null || !comments.isArray()) {
      f.error("ticket.comments", "is required: an array of comments");
    }
    if (!f.errors().isEmpty()) {
      return Validated.invalid(f.errors());
    }
    String requesterId = f.text(ticket, TICKET, "requester.id");
    ContactDraft draft = new ContactDraft("zendesk-" + id,
        channel(f.text(ticket, TICKET, "via")), createdAt)
        .subject(f.text(ticket, TICKET, "subject"))
        .attribute("platform", "zendesk")
        .attribute("tags", tags(ticket.get("tags")));
    String external = f.text(ticket, TICKET, "requester.external_id");
    draft.customer(external != null && !external.isBlank() ? external.strip()
            : requesterId == null || requesterId.isBlank() ? null : "zendesk:" + requesterId.strip(),
        f.text(ticket, TICKET, "requester.name"));
    for (int i = 0; i < comments.size(); i++) {
      comment(f, draft, comments.get(i), "ticket.comments[" + i + "]", requesterId);
    }
    if (f.errors().isEmpty() && !draft.hasTurns()) {
      f.error("ticket.comments", "the ticket has no public comment with text");
    }
    return f.errors().isEmpty() ? Validated.valid(new Translation(draft.build(), null, null))
        : Validated.invalid(f.errors());
  }

  private static void comment(PlatformFields f, ContactDraft draft, JsonNode c, String path,
      String requesterId) {
    if (!c.isObject()) {
      f.error(path, "must be a comment object");
      return;
    }
    JsonNode isPublic = c.get("public");
    if (isPublic != null && (isPublic.isBoolean() && !isPublic.booleanValue()
        || "false".equalsIgnoreCase(isPublic.asText()))) {
      return;
    }
    String author = f.text(c, path, "author_id");
    String role = f.text(c, path, "author_role");
    Speaker speaker = role != null && !role.isBlank() ? speaker(role)
        : author != null && author.strip().equals(requesterId == null ? null : requesterId.strip())
            ? Speaker.CUSTOMER : Speaker.AGENT;
    Instant at = f.instant(c, path, "created_at", false);
    String body = f.text(c, path, "body");
    if (body == null) {
      f.error(path + ".body", "is required: the comment text");
      return;
    }
    draft.turn(speaker, HtmlText.toText(body), at);
  }

  static Speaker speaker(String role) {
    return switch (role.strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
      case "end-user", "enduser", "customer", "requester" -> Speaker.CUSTOMER;
      case "agent", "admin" -> Speaker.AGENT;
      case "bot" -> Speaker.BOT;
      default -> Speaker.SYSTEM;
    };
  }

  static Channel channel(String via) {
    String v = via == null ? "" : via.toLowerCase(Locale.ROOT);
    if (v.matches(".*(voice|phone|call).*")) {
      return Channel.CALL;
    }
    if (v.matches(".*(chat|messag|whatsapp|facebook|twitter|instagram|sms|line|wechat).*")) {
      return Channel.CHAT;
    }
    return Channel.EMAIL;
  }

  private static String tags(JsonNode tags) {
    if (tags == null || tags.isNull()) {
      return null;
    }
    List<String> names = new ArrayList<>();
    if (tags.isArray()) {
      tags.forEach(t -> names.add(t.asText()));
    } else {
      names.addAll(List.of(tags.asText().strip().split("[\\s,]+")));
    }
    names.removeIf(String::isBlank);
    return String.join(",", names);
  }
}
