package nl.waarom.sink.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import nl.waarom.sink.db.Json;

/**
 * A generic webhook: each new or changed backlog item is POSTed as JSON to one URL, signed as
 * described in {@link WebhookSignature}. The body carries {@code event}
 * ({@code backlog_item.created} or {@code backlog_item.updated}), {@code itemId}, {@code label},
 * {@code title}, {@code summary}, {@code valueAtStake}, {@code why}, {@code examples},
 * {@code draftedRule}, {@code boardLink}, {@code markdown}, {@code contentHash} and, for updates,
 * {@code externalId}. The receiver answers 2xx, optionally with JSON {@code {"id", "key", "url",
 * "status", "statusCategory"}}; without an id the item id is the external id. A receiver should
 * treat {@code itemId} as its idempotency key. The webhook cannot be searched or polled:
 * {@link #find} and {@link #status} are empty. Stateless; thread-safe.
 */
public final class WebhookTracker implements Tracker {
  private final ExportConfig.Webhook config;
  private final Clock clock;
  private final TrackerHttp http = new TrackerHttp("webhook");

  public WebhookTracker(ExportConfig.Webhook config, Clock clock) {
    this.config = config;
    this.clock = clock;
  }

  @Override
  public TrackerKind kind() {
    return TrackerKind.WEBHOOK;
  }

  @Override
  public Optional<RemoteIssue> find(IssueContent content) {
    return Optional.empty();
  }

  @Override
  public RemoteIssue create(IssueContent content) throws TrackerException {
    return deliver("backlog_item.created", content, null);
  }

  @Override
  public RemoteIssue update(RemoteIssue issue, IssueContent content) throws TrackerException {
    return deliver("backlog_item.updated", content, issue);
  }

  @Override
  public Optional<RemoteIssue> status(RemoteIssue issue) {
    return Optional.empty();
  }

  private RemoteIssue deliver(String event, IssueContent c, RemoteIssue previous)
      throws TrackerException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("event", event);
    body.put("itemId", c.itemId());
    body.put("externalId", previous == null ? null : previous.externalId());
    body.put("label", c.label());
    body.put("title", c.title());
    body.put("summary", c.summary());
    body.put("valueAtStake", c.valueAtStake());
    body.put("why", c.why());
    body.put("examples", c.examples());
    body.put("draftedRule", c.draftedRule());
    body.put("boardLink", c.boardLink());
    body.put("markdown", c.markdown());
    body.put("contentHash", c.hash());
    String json = Json.write(body);
    long now = clock.instant().getEpochSecond();
    JsonNode answer = http.sendRaw("POST", config.url(), Map.of(
        WebhookSignature.TIMESTAMP_HEADER, Long.toString(now),
        WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(config.secret(), now, json),
        WebhookSignature.DELIVERY_HEADER, UUID.randomUUID().toString()), json).json();
    String id = TrackerHttp.text(answer, "id");
    if (id == null) {
      id = previous != null ? previous.externalId() : c.itemId();
    }
    return new RemoteIssue(id, or(TrackerHttp.text(answer, "key"), previous, RemoteIssue::key),
        or(TrackerHttp.text(answer, "url"), previous, RemoteIssue::url),
        or(TrackerHttp.text(answer, "status"), previous, RemoteIssue::status),
        or(TrackerHttp.text(answer, "statusCategory"), previous, RemoteIssue::statusCategory));
  }

  private static String or(String value, RemoteIssue previous,
      java.util.function.Function<RemoteIssue, String> field) {
    return value != null || previous == null ? value : field.apply(previous);
  }
}
