package nl.waarom.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.Json;
import nl.waarom.taxonomy.Reason;
import nl.waarom.taxonomy.TaxonomyWriter;

/**
 * An emerging reason whose drafted rule ({@value #RULE}) takes known contacts, written the way the
 * sink stores them, for the tests of the backtest before promoting.
 */
public final class DraftFixtures {
  public static final List<String> TERMS = List.of("thermostaat", "koppelen");
  public static final String RULE = "thermostaat AND (koppel* OR betaallink*)";

  private DraftFixtures() {}

  /** An open emerging-reason item with a drafted rule; returns its id. */
  public static String emergingReason(Database database) throws Exception {
    Insight emerging = Insight.newBuilder(Fixtures.emerging(TERMS, Fixtures.T0))
        .setReasonName("thermostaat · koppelen").setDraftedRule(RULE).build();
    new SinkRepository(database.dataSource()).write(List.of(InsightRow.from(emerging)), List.of());
    try (Connection c = database.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT item_id FROM backlog_items")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** {@link #taxonomyAndContacts} unless the database has them already; returns the version. */
  public static synchronized String taxonomyAndContactsOnce(Database database) throws Exception {
    try (Connection c = database.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT version FROM taxonomy_versions")) {
      if (rs.next()) {
        return rs.getString(1);
      }
    }
    return taxonomyAndContacts(database, Instant.now().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * The default taxonomy as the analyzer publishes it (with its reasons' names), and four
   * contacts: two about the thermostat no reason explains, one about a payment link for the
   * thermostat (a payment problem now), one plain payment problem the drafted rule leaves alone.
   * Returns the version.
   */
  public static String taxonomyAndContacts(Database database, Instant now) throws Exception {
    String version;
    try (Connection c = database.dataSource().getConnection()) {
      version = builtInTaxonomy(c, now.minusSeconds(3600));
      contact(c, "chat-1", now.minusSeconds(40), null,
          "Mijn nieuwe thermostaat wil niet koppelen");
      contact(c, "chat-2", now.minusSeconds(30), null, "Hoe kan ik de thermostaat koppelen?");
      contact(c, "chat-3", now.minusSeconds(20), "payment-problem",
          "Ik kreeg een betaallink voor de thermostaat");
      contact(c, "chat-4", now.minusSeconds(10), "payment-problem",
          "Ik kreeg een betaallink maar die opent niet");
    }
    return version;
  }

  /**
   * Stores the default taxonomy as the analyzer publishes it, with its reasons' names, published
   * at {@code publishedAt}; returns its version.
   */
  public static String builtInTaxonomy(Connection c, Instant publishedAt) throws Exception {
    TaxonomyDocument builtIn = TaxonomyDocument.builtIn();
    String version = builtIn.parse().version();
    try (PreparedStatement s = c.prepareStatement("INSERT INTO taxonomy_versions"
        + " (version, published_at, sha256, yaml) VALUES (?, ?, 'test', ?)")) {
      s.setString(1, version);
      s.setTimestamp(2, Timestamp.from(publishedAt));
      s.setString(3, builtIn.yaml());
      s.executeUpdate();
    }
    int position = 0;
    for (Reason r : builtIn.parse().reasons()) {
      try (PreparedStatement s = c.prepareStatement("INSERT INTO taxonomy_reasons (version,"
          + " reason_id, name_nl, name_en, parent, preventability, owner, position)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        s.setString(1, version);
        s.setString(2, r.id());
        s.setString(3, r.name().nl());
        s.setString(4, r.name().en());
        s.setString(5, r.parent());
        s.setString(6, TaxonomyWriter.spelling(r.preventability()));
        s.setString(7, r.owner());
        s.setInt(8, position++);
        s.executeUpdate();
      }
    }
    return version;
  }

  private static void contact(Connection c, String id, Instant at, String reason, String text)
      throws Exception {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO contacts (contact_id, channel,"
        + " occurred_at, language, turns, primary_reason_id) VALUES (?, 'CHAT', ?, 'nl',"
        + " ?::jsonb, ?)")) {
      s.setString(1, id);
      s.setTimestamp(2, Timestamp.from(at));
      s.setString(3, Json.write(List.of(Map.of("speaker", "CUSTOMER", "text", text,
          "at", at.plusSeconds(1).toString()))));
      s.setString(4, reason);
      s.executeUpdate();
    }
  }
}
