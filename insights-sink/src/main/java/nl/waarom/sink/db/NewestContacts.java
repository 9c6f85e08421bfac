package nl.waarom.sink.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.Turn;

/**
 * Streams the words of the newest contacts of the retention window, for a backtest: only rows
 * whose words arrived (turns or subject), newest first, fetched in pages through a cursor so that
 * tens of thousands of rows are never held at once. Thread-safe.
 */
public final class NewestContacts {
  private static final int FETCH = 1000;
  private static final TypeReference<List<ContactText.Turn>> TURNS = new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};

  private final Db db;

  /** @param dataSource never null */
  public NewestContacts(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * One contact's words as stored: the JSON columns are decoded by {@link #contact()}, so that a
   * backtest can decode on its worker threads.
   *
   * @param contactId never null
   * @param channel CHAT, CALL, EMAIL or OTHER; never null
   * @param occurredAt never null
   * @param language may be null
   * @param queue may be null
   * @param attributes JSON object; may be null
   * @param subject may be null
   * @param turns JSON array of {"speaker", "text", "at"}; may be null
   */
  public record Row(String contactId, String channel, Instant occurredAt, String language,
      String queue, String attributes, String subject, String turns) {
    public Row {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** The contact as the analyzer classified it (redacted words, metadata); never null. */
    public Contact contact() {
      List<ContactText.Turn> stored = read(turns, TURNS, List.of());
      return Contact.newBuilder().setContactId(contactId).setChannel(channelOf(channel))
          .setOccurredAt(occurredAt).setLanguage(language).setSubject(subject).setQueue(queue)
          .setAttributes(Map.copyOf(read(attributes, ATTRIBUTES, Map.<String, String>of())))
          .setTurns(stored.stream().map(t -> new Turn(speakerOf(t.speaker()), t.text(),
              t.at() == null ? 0L : t.at().toEpochMilli() - occurredAt.toEpochMilli())).toList())
          .build();
    }
  }

  /**
   * Hands the newest {@code limit} contacts with words to {@code each}, newest first, on the
   * calling thread.
   */
  public void forEachNewest(int limit, Consumer<Row> each) {
    db.read(h -> {
      // a PostgreSQL cursor needs a transaction; read-only, it changes nothing
      h.begin();
      try {
        h.createQuery("SELECT contact_id, channel, occurred_at, language, queue,"
                + " attributes::text AS attributes, subject, turns::text AS turns FROM contacts"
                + " WHERE turns IS NOT NULL OR subject IS NOT NULL"
                + " ORDER BY occurred_at DESC, contact_id LIMIT :limit")
            .bind("limit", limit).setFetchSize(FETCH)
            .map((rs, ctx) -> new Row(rs.getString("contact_id"), rs.getString("channel"),
                Sql.getInstant(rs, "occurred_at"), rs.getString("language"),
                rs.getString("queue"), rs.getString("attributes"), rs.getString("subject"),
                rs.getString("turns")))
            .useStream(rows -> rows.forEach(each));
      } finally {
        h.rollback();
      }
      return null;
    });
  }

  private static Channel channelOf(String name) {
    try {
      return Channel.valueOf(name);
    } catch (IllegalArgumentException e) {
      return Channel.OTHER;
    }
  }

  private static Speaker speakerOf(String name) {
    try {
      return Speaker.valueOf(name);
    } catch (IllegalArgumentException | NullPointerException e) {
      return Speaker.SYSTEM;
    }
  }

  private static <T> T read(String json, TypeReference<T> type, T empty) {
    if (json == null || json.isBlank()) {
      return empty;
    }
    try {
      T value = Json.mapper().readValue(json, type);
      return value == null ? empty : value;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("unreadable JSON column: " + json, e);
    }
  }
}
