package nl.waarom.sink.board;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Correction;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.contacts.CorrectionPublisher;
import nl.waarom.sink.contacts.ReasonNames;
import nl.waarom.sink.db.ContactReads;
import nl.waarom.sink.db.CorrectionRow;
import nl.waarom.sink.db.Json;
import nl.waarom.sink.db.StoredContact;
import nl.waarom.sink.db.TaxonomyReads;
import nl.waarom.sink.db.TaxonomyRow;
import org.apache.kafka.common.KafkaException;

/**
 * The contacts of the retention window: the search page {@code /contacts}, the contact page
 * {@code /contacts/{id}}, their JSON under {@code /api/contacts}, and an editor's correction
 * {@code POST /api/contacts/{id}/corrections}, which is sent to {@code <prefix>corrections}; the
 * contact shows it once the sink has consumed it back from the topic (the one path every
 * correction takes, so the page never shows what the topic does not hold). The actor is the
 * authenticated identity ({@link Access#actor}). Errors answer JSON {@code {"error", "field"?}}:
 * 400 a bad field, 404 an unknown contact, 409 a contact that cannot be corrected yet, 503 when
 * Kafka does not take the correction.
 */
final class ContactRoutes {
  static final int PAGE_SIZE = 50;

  private final ContactReads contacts;
  private final TaxonomyReads taxonomies;
  private final Supplier<ReasonNames> names;
  private final CorrectionPublisher publisher; // null: corrections are not possible here
  private final Clock clock;

  ContactRoutes(DataSource dataSource, Supplier<ReasonNames> names, CorrectionPublisher publisher,
      Clock clock) {
    this.contacts = new ContactReads(dataSource);
    this.taxonomies = new TaxonomyReads(dataSource);
    this.names = names;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** GET /contacts?reason=&channel=&from=&to=&q=&page= : the search page, in its language. */
  void searchPage(Context ctx) {
    ContactReads.Filter filter = filter(ctx);
    int page = QueryParams.intParam(ctx, "page", 1, 1, 10_000);
    List<StoredContact> found = contacts.search(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    Page view = Page.of(ctx);
    ctx.html(ContactRenderer.search(view, new ContactRenderer.Search(filter, page, found,
        names.get().in(view.t().lang()))));
  }

  /** GET /api/contacts?reason=&channel=&from=&to=&q=&limit=&offset= : contacts, newest first. */
  void search(Context ctx) {
    ContactReads.Filter filter = filter(ctx);
    int limit = QueryParams.intParam(ctx, "limit", PAGE_SIZE, 1, 500);
    int offset = QueryParams.intParam(ctx, "offset", 0, 0, 1_000_000);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("limit", limit);
    body.put("offset", offset);
    body.put("contacts", contacts.search(filter, limit, offset));
    BoardRoutes.json(ctx, 200, body);
  }

  /** GET /contacts/{id} : the contact page. */
  void page(Context ctx) {
    String id = ctx.pathParam("id");
    Page view = Page.of(ctx);
    Optional<StoredContact> contact = contacts.contact(id);
    if (contact.isEmpty()) {
      ctx.status(404).html(ContactRenderer.notFound(view, id));
      return;
    }
    ReasonNames inForce = names.get().in(view.t().lang());
    ctx.html(ContactRenderer.contact(view, new ContactRenderer.View(contact.get(),
        contacts.corrections(id), namesOf(contact.get(), inForce), choices(contact.get(), inForce),
        publisher != null)));
  }

  /** GET /api/contacts/{id} : the contact, its reasons' names and its corrections. */
  void contact(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<StoredContact> contact = contacts.contact(id);
    if (contact.isEmpty()) {
      error(ctx, 404, null, "no contact '" + id + "' (it may have left the retention window)");
      return;
    }
    ReasonNames n = namesOf(contact.get(), names.get().in(ctx.header("Accept-Language")));
    Map<String, String> reasonNames = new LinkedHashMap<>();
    contact.get().reasons().forEach(r -> reasonNames.put(r.reasonId(), n.name(r.reasonId())));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("contact", contact.get());
    body.put("reasonNames", reasonNames);
    body.put("corrections", contacts.corrections(id));
    BoardRoutes.json(ctx, 200, body);
  }

  /**
   * POST /api/contacts/{id}/corrections {"reasonId": "..."} or {"none": true} : publishes the
   * editor's correction and answers 202 with it.
   */
  void correct(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<StoredContact> found = contacts.contact(id);
    if (found.isEmpty()) {
      error(ctx, 404, null, "no contact '" + id + "' (it may have left the retention window)");
      return;
    }
    StoredContact contact = found.get();
    JsonNode body = body(ctx);
    if (body == null) {
      return;
    }
    boolean none = body.path("none").asBoolean(false);
    String reasonId = body.path("reasonId").isTextual() ? body.get("reasonId").asText().strip()
        : null;
    if (none == (reasonId != null && !reasonId.isEmpty())) {
      error(ctx, 400, "reasonId", "give either a reasonId or \"none\": true");
      return;
    }
    if (contact.taxonomyVersion() == null) {
      error(ctx, 409, null, "contact '" + id + "' is not classified yet");
      return;
    }
    if (contact.searchText() == null) {
      error(ctx, 409, null, "the words of contact '" + id + "' have not arrived yet");
      return;
    }
    ReasonNames n = namesOf(contact, names.get());
    if (!none && !choices(contact, n).contains(reasonId)) {
      error(ctx, 400, "reasonId", "'" + reasonId + "' is not a reason of taxonomy "
          + n.version().orElse("(none published yet)"));
      return;
    }
    if (publisher == null) {
      error(ctx, 503, null, "corrections are not available on this server");
      return;
    }
    Correction correction = Correction.newBuilder()
        .setCorrectionId(UUID.randomUUID().toString())
        .setContactId(contact.contactId())
        .setChannel(channel(contact.channel()))
        .setOccurredAt(contact.occurredAt())
        .setCorrectedAt(clock.instant())
        .setActor(Access.actor(ctx))
        .setReasonId(none ? null : reasonId)
        .setPreviousReasonId(contact.primaryReasonId())
        .setTaxonomyVersion(contact.taxonomyVersion())
        .setLanguage(contact.language())
        .setText(contact.searchText())
        .build();
    try {
      publisher.publish(correction);
    } catch (KafkaException e) {
      error(ctx, 503, null, "the correction could not be stored: " + e.getMessage());
      return;
    }
    BoardRoutes.json(ctx, 202, CorrectionRow.from(correction));
  }

  /** The names of the contact's own taxonomy version when the sink has it, else of the one in force. */
  private ReasonNames namesOf(StoredContact contact, ReasonNames inForce) {
    if (contact.taxonomyVersion() == null
        || inForce.version().filter(contact.taxonomyVersion()::equals).isPresent()) {
      return inForce;
    }
    return taxonomies.version(contact.taxonomyVersion()).map(ReasonNames::of)
        .map(n -> n.in(inForce.language())).orElse(inForce);
  }

  /** The reasons an editor may choose: the version's reasons that are not groups. */
  static List<String> choices(StoredContact contact, ReasonNames names) {
    Set<String> groups = names.reasons().stream().map(TaxonomyRow.ReasonName::parent)
        .filter(p -> p != null).collect(Collectors.toSet());
    return names.reasons().stream().map(TaxonomyRow.ReasonName::reasonId)
        .filter(r -> !groups.contains(r)).toList();
  }

  private static Channel channel(String name) {
    try {
      return Channel.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Channel.OTHER;
    }
  }

  private static ContactReads.Filter filter(Context ctx) {
    String channel = blankToNull(ctx.queryParam("channel"));
    if (channel != null) {
      channel = channel.toUpperCase(Locale.ROOT);
      try {
        Channel.valueOf(channel);
      } catch (IllegalArgumentException e) {
        throw new QueryParams.BadParameterException("channel", "one of CHAT, CALL, EMAIL, OTHER: '"
            + ctx.queryParam("channel") + "'");
      }
    }
    return new ContactReads.Filter(blankToNull(ctx.queryParam("reason")), channel,
        instant(ctx, "from", false), instant(ctx, "to", true), blankToNull(ctx.queryParam("q")));
  }

  /** An ISO-8601 instant, or a date (its start; for {@code to}, the start of the next day). */
  private static Instant instant(Context ctx, String name, boolean endOfDay) {
    String raw = blankToNull(ctx.queryParam(name));
    if (raw == null) {
      return null;
    }
    try {
      return Instant.parse(raw);
    } catch (DateTimeParseException notInstant) {
      try {
        LocalDate day = LocalDate.parse(raw);
        return (endOfDay ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e) {
        throw new QueryParams.BadParameterException(name,
            "not a date (2026-03-02) or an instant (2026-03-02T09:00:00Z): '" + raw + "'");
      }
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static JsonNode body(Context ctx) {
    return jsonBody(ctx, "{\"reasonId\": ...} or {\"none\": true}");
  }

  /**
   * The request's JSON object; null after answering 400 naming the body, which must be
   * {@code shape}.
   */
  static JsonNode jsonBody(Context ctx, String shape) {
    String text = ctx.body();
    try {
      JsonNode node = text == null || text.isBlank() ? null : Json.mapper().readTree(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // answered below
    }
    error(ctx, 400, "body", "a JSON object " + shape + " is required");
    return null;
  }

  /** Answers JSON {@code {"error", "field"?}}. */
  static void error(Context ctx, int status, String field, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    if (field != null) {
      body.put("field", field);
    }
    BoardRoutes.json(ctx, status, body);
  }
}
