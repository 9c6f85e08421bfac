package nl.waarom.sink.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.statement.Query;

/**
 * Reads the contacts of the retention window: a search by reason, channel, time and words
 * (PostgreSQL full-text search on the {@code search} column with {@code plainto_tsquery('simple',
 * ...)}), newest first and paged; one contact; its corrections. Thread-safe.
 */
public final class ContactReads {
  private static final TypeReference<List<ContactText.Turn>> TURNS = new TypeReference<>() {};
  private static final TypeReference<List<Classification.TurnSentimentEntry>> SENTIMENTS =
      new TypeReference<>() {};
  private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {};
  private static final String COLUMNS = "contact_id, channel, occurred_at, language, queue,"
      + " attributes::text AS attributes, handle_millis, subject, turns::text AS turns,"
      + " taxonomy_version, primary_reason_id, reasons::text AS reasons, unexplained, repeat_of,"
      + " customer_negative, turn_sentiments::text AS turn_sentiments, search_text,"
      + " callback_requested";

  private final Db db;

  /** @param dataSource never null */
  public ContactReads(DataSource dataSource) {
    this.db = new Db(dataSource);
  }

  /**
   * What to look for; every part is optional (null: any).
   *
   * @param reasonId the primary reason; {@code unexplained} for contacts without one
   * @param channel CHAT, CALL, EMAIL or OTHER
   * @param from occurred at or after
   * @param to occurred before
   * @param words all of these words (PostgreSQL {@code plainto_tsquery('simple', words)})
   */
  public record Filter(String reasonId, String channel, Instant from, Instant to, String words) {}

  /** One page of contacts matching {@code filter}, newest first; never null. */
  public List<StoredContact> search(Filter filter, int limit, int offset) {
    StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM contacts WHERE true");
    if (filter.reasonId() != null) {
      sql.append(filter.reasonId().equals("unexplained") ? " AND unexplained"
          : " AND primary_reason_id = :reasonId");
    }
    if (filter.channel() != null) {
      sql.append(" AND channel = :channel");
    }
    if (filter.from() != null) {
      sql.append(" AND occurred_at >= :from");
    }
    if (filter.to() != null) {
      sql.append(" AND occurred_at < :to");
    }
    if (filter.words() != null) {
      sql.append(" AND search @@ plainto_tsquery('simple', :words)");
    }
    sql.append(" ORDER BY occurred_at DESC, contact_id LIMIT :limit OFFSET :offset");
    return db.read(h -> {
      Query q = h.createQuery(sql.toString()).bind("limit", limit).bind("offset", offset);
      if (filter.reasonId() != null) {
        q.bind("reasonId", filter.reasonId());
      }
      if (filter.channel() != null) {
        q.bind("channel", filter.channel());
      }
      if (filter.from() != null) {
        q.bindByType("from", filter.from(), Instant.class);
      }
      if (filter.to() != null) {
        q.bindByType("to", filter.to(), Instant.class);
      }
      if (filter.words() != null) {
        q.bind("words", filter.words());
      }
      return q.map((rs, ctx) -> contact(rs)).list();
    });
  }

  /** The contact, if the sink has it (within the retention window). */
  public Optional<StoredContact> contact(String contactId) {
    return db.read(h -> h.createQuery("SELECT " + COLUMNS + " FROM contacts WHERE contact_id = :id")
        .bind("id", contactId).map((rs, ctx) -> contact(rs)).findOne());
  }

  /** The contact's corrections, oldest first (the last one applies); never null. */
  public List<CorrectionRow> corrections(String contactId) {
    return db.read(h -> h.createQuery("SELECT correction_id, contact_id, actor, reason_id,"
            + " previous_reason_id, taxonomy_version, corrected_at, text, language"
            + " FROM corrections"
            + " WHERE contact_id = :id ORDER BY corrected_at, correction_id")
        .bind("id", contactId).map((rs, ctx) -> correction(rs)).list());
  }

  static CorrectionRow correction(ResultSet rs) throws SQLException {
    return new CorrectionRow(rs.getString("correction_id"), rs.getString("contact_id"),
        rs.getString("actor"), rs.getString("reason_id"), rs.getString("previous_reason_id"),
        rs.getString("taxonomy_version"), Sql.getInstant(rs, "corrected_at"),
        rs.getString("text"), rs.getString("language"));
  }

  private static StoredContact contact(ResultSet rs) throws SQLException {
    long handle = rs.getLong("handle_millis");
    Long handleMillis = rs.wasNull() ? null : handle;
    boolean unexplained = rs.getBoolean("unexplained");
    Boolean unexplainedOrNull = rs.wasNull() ? null : unexplained;
    boolean negative = rs.getBoolean("customer_negative");
    Boolean negativeOrNull = rs.wasNull() ? null : negative;
    boolean callback = rs.getBoolean("callback_requested");
    Boolean callbackOrNull = rs.wasNull() ? null : callback;
    return new StoredContact(rs.getString("contact_id"), rs.getString("channel"),
        Sql.getInstant(rs, "occurred_at"), rs.getString("language"), rs.getString("queue"),
        read(rs.getString("attributes"), ATTRIBUTES, Map.of()), handleMillis,
        rs.getString("subject"), read(rs.getString("turns"), TURNS, List.of()),
        rs.getString("taxonomy_version"), rs.getString("primary_reason_id"),
        ContactStore.reasons(rs.getString("reasons")), unexplainedOrNull,
        rs.getString("repeat_of"), negativeOrNull,
        read(rs.getString("turn_sentiments"), SENTIMENTS, List.of()), rs.getString("search_text"),
        callbackOrNull);
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
