package nl.waarom.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.Json;

/**
 * A past that an older taxonomy version classified, for the tests of re-scoring: the built-in
 * taxonomy is the version in force; the kept contacts of the two weeks before {@link #NOW} were
 * classified by version {@value #OLD}, which did not know payment links (they are unexplained,
 * and a customer's second contact about one is no repeat); the trend rows are what the analyzer
 * counted from them.
 */
public final class RescoreFixtures {
  /** The board's "now": the 7 days before run from 11-17 13:00 to 11-24 13:00 UTC. */
  public static final Instant NOW = Instant.parse("2026-11-24T12:30:00Z");
  /** The version that classified the contacts kept. */
  public static final String OLD = "2026.10-old";
  /** The words of the contacts the old version left unexplained. */
  public static final String PAYMENT_LINK = "Ik kreeg een betaallink maar die opent niet";

  private RescoreFixtures() {}

  /**
   * Seeds the taxonomy in force, the contacts and their trend rows. This week: four payment-link
   * contacts (customers k1 twice, a day apart; k2; k3), a contact whose words were not kept
   * (debt collection then), and one an editor corrected to change-of-details; the week before:
   * two payment-link contacts (the customer of chat-3 asked to be called back); and one more on 11-10 08:00, before both weeks, the oldest kept.
   * Returns the version in force.
   */
  public static String seed(Database database) throws Exception {
    String version;
    try (Connection c = database.dataSource().getConnection()) {
      version = DraftFixtures.builtInTaxonomy(c, NOW.minusSeconds(3600));
      contact(c, "chat-0", "2026-11-10T08:00:00Z", "k0", PAYMENT_LINK, null); // before both
      contact(c, "chat-1", "2026-11-18T09:05:00Z", "k1", PAYMENT_LINK, null);
      contact(c, "chat-2", "2026-11-19T10:00:00Z", "k1", PAYMENT_LINK, null);
      contact(c, "chat-3", "2026-11-20T11:00:00Z", "k2", PAYMENT_LINK, null);
      contact(c, "chat-4", "2026-11-21T12:00:00Z", "k3", PAYMENT_LINK, null);
      contact(c, "call-5", "2026-11-21T12:30:00Z", "k4", null, "debt-collection");
      contact(c, "chat-6", "2026-11-22T08:00:00Z", "k5", PAYMENT_LINK, null);
      contact(c, "chat-7", "2026-11-11T09:00:00Z", "k6", PAYMENT_LINK, null);
      contact(c, "chat-8", "2026-11-12T09:00:00Z", "k7", PAYMENT_LINK, null);
      try (PreparedStatement s = c.prepareStatement("INSERT INTO corrections (correction_id,"
          + " contact_id, actor, reason_id, previous_reason_id, taxonomy_version, corrected_at)"
          + " VALUES ('corr-1', 'chat-6', 'eva@example.com', 'change-of-details', NULL, ?, ?)")) {
        s.setString(1, OLD);
        s.setTimestamp(2, Timestamp.from(Instant.parse("2026-11-22T09:00:00Z")));
        s.executeUpdate();
      }
      c.createStatement().executeUpdate("UPDATE contacts SET primary_reason_id ="
          + " 'change-of-details' WHERE contact_id = 'chat-6'");
      c.createStatement().executeUpdate("UPDATE contacts SET callback_requested ="
          + " (contact_id = 'chat-3')");
      // the trends the analyzer counted from them (a correction does not change a trend)
      c.createStatement().executeUpdate("INSERT INTO reason_trends (reason_id, channel,"
          + " window_minutes, window_start, window_end, count, handle_count, handle_millis_total,"
          + " callback_count)"
          + " SELECT COALESCE(CASE WHEN contact_id = 'chat-6' THEN NULL ELSE primary_reason_id"
          + " END, 'unexplained'), channel, m, to_timestamp(floor(extract(epoch FROM"
          + " occurred_at) / (60 * m)) * 60 * m), to_timestamp(floor(extract(epoch FROM"
          + " occurred_at) / (60 * m)) * 60 * m) + make_interval(mins => m), count(*),"
          + " count(handle_millis), COALESCE(sum(handle_millis), 0),"
          + " count(*) FILTER (WHERE callback_requested) FROM contacts,"
          + " (VALUES (1), (60)) AS w(m) GROUP BY 1, 2, 3, 4, 5");
    }
    return version;
  }

  private static void contact(Connection c, String id, String at, String customer, String text,
      String reason) throws Exception {
    Instant when = Instant.parse(at);
    try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts (contact_id, channel,"
        + " occurred_at, language, turns, customer_key, handle_millis, taxonomy_version,"
        + " primary_reason_id, reasons, unexplained) VALUES (?, ?, ?, 'nl', ?::jsonb, ?, 240000,"
        + " ?, ?, ?::jsonb, ?)")) {
      s.setString(1, id);
      s.setString(2, id.startsWith("call") ? "CALL" : "CHAT");
      s.setTimestamp(3, Timestamp.from(when));
      s.setString(4, text == null ? null : Json.write(List.of(Map.of("speaker", "CUSTOMER",
          "text", text, "at", when.plusSeconds(1).toString()))));
      s.setString(5, customer);
      s.setString(6, OLD);
      s.setString(7, reason);
      s.setString(8, reason == null ? "[]" : Json.write(List.of(Map.of("reasonId", reason,
          "confidence", 0.9, "source", "RULE", "evidence", List.of()))));
      s.setBoolean(9, reason == null);
      s.executeUpdate();
    }
  }
}
