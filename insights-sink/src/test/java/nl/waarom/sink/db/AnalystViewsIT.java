package nl.waarom.sink.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.backlog.BacklogActions;
import nl.waarom.sink.backlog.Status;
import nl.waarom.sink.consume.SinkRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyst views and the read-only role on a real PostgreSQL: known trend, explained-share,
 * insight and backlog rows written the way the sink writes them, then each view's exact numbers;
 * a login user in {@code waarom_analyst} reads the views and can neither read the tables nor
 * change anything; and a database whose user may not create roles migrates all the same, after
 * which the statements docs/ANALYSTS.md gives an administrator open the views to the role.
 */
class AnalystViewsIT {
  private static final String ANALYST = "anna";
  private static final String ANALYST_PASSWORD = "anna-reads";
  private static final String LIMITED = "waarom_sink_limited";
  private static final String VIEWS =
      "daily_reason_volume, daily_explained_share, daily_repeat_rate, insight_outcomes";
  private static final Instant MAR_2_09 = Instant.parse("2026-03-02T09:00:00Z");

  @TempDir static Path dataDir;
  private static EmbeddedPostgresServer server;
  private static Database database;
  private static Database limited;
  private static boolean roleAfterLimitedMigration;

  @BeforeAll
  static void start() throws SQLException {
    server = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
    try (Connection c = DriverManager.getConnection(server.jdbcUrl());
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + LIMITED + " LOGIN NOCREATEROLE PASSWORD 'limited'");
      s.execute("CREATE DATABASE waarom_limited OWNER " + LIMITED);
    }
    // first an external database whose user may not create roles: no role exists yet
    limited = Database.open(new Database.Options(url("waarom_limited"), LIMITED, "limited",
        dataDir.resolve("unused"), 0, 2));
    roleAfterLimitedMigration = roleExists();
    // then the sink's usual database, migrated by a user who may
    database = Database.open(new Database.Options(server.jdbcUrl(), "", "", dataDir, 0, 2));
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE ROLE " + ANALYST + " LOGIN PASSWORD '" + ANALYST_PASSWORD
          + "' IN ROLE waarom_analyst");
    }
    writeKnownRows();
  }

  @AfterAll
  static void stop() {
    if (limited != null) {
      limited.close();
    }
    if (database != null) {
      database.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private static String url(String databaseName) {
    return "jdbc:postgresql://localhost:" + server.port() + "/" + databaseName;
  }

  /**
   * 2026-03-02 (UTC): payment-problem 6 + 4 on chat and 5 by e-mail, 5 unexplained chats, 2 calls
   * about delivery-late at 23:00 UTC (already the 3rd in Amsterdam); 2026-03-03: 10 chats. Rows of
   * 1 minute must not count.
   */
  private static void writeKnownRows() {
    SinkRepository repository = new SinkRepository(database.dataSource());
    repository.write(List.of(), List.of(
        hour("payment-problem", "CHAT", MAR_2_09, 6, 4, 4 * 180_000, 2, true, 3),
        hour("payment-problem", "CHAT", MAR_2_09.plusSeconds(3600), 4, 0, 0, 1, true, 1),
        hour("payment-problem", "EMAIL", MAR_2_09, 5, 0, 0, 0, true, 0),
        hour("unexplained", "CHAT", MAR_2_09, 5, 0, 0, 0, true, 0),
        hour("delivery-late", "CALL", Instant.parse("2026-03-02T23:00:00Z"), 2, 2, 2 * 600_000, 0,
            false, 2),
        hour("payment-problem", "CHAT", Instant.parse("2026-03-03T00:00:00Z"), 10, 0, 0, 0, false,
            0),
        new TrendRow("payment-problem", "CHAT", MAR_2_09, MAR_2_09.plusSeconds(60), 3, 0, null,
            null, 1, 0, 1, false)),
        List.of(share(60, MAR_2_09, 16, 11), share(60, MAR_2_09.plusSeconds(3600), 4, 4),
            share(60, Instant.parse("2026-03-02T23:00:00Z"), 2, 2),
            share(60, Instant.parse("2026-03-03T00:00:00Z"), 10, 10),
            share(1, MAR_2_09, 100, 1)));

    repository.write(List.of(InsightRow.from(Fixtures.spike("payment-problem", MAR_2_09, 40,
        1200.0)), InsightRow.from(Fixtures.emerging(List.of("parkeren", "vergunning"),
        MAR_2_09))), List.of());
    BacklogActions actions = new BacklogActions(database.dataSource());
    actions.changeStatus("spike.payment-problem", Status.IN_PROGRESS, "bram", null, null);
    actions.changeStatus("spike.payment-problem", Status.DONE, "bram", null,
        Instant.parse("2026-03-10T00:00:00Z"));
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("verdict", "verified");
    figures.put("beforeShare", 0.125);
    figures.put("expectedShare", 0.12);
    figures.put("afterShare", 0.06);
    figures.put("change", -0.5);
    figures.put("pValue", 0.003);
    assertThat(actions.recordVerification("spike.payment-problem", true, Json.write(figures),
        "share 12% expected, 6% after: verified")).isTrue();
  }

  private static TrendRow hour(String reason, String channel, Instant start, long count,
      long handleCount, long handleMillis, long repeats, boolean complete, long callbacks) {
    return new TrendRow(reason, channel, start, start.plusSeconds(3600), count, handleMillis, 4.0,
        count / 4.0, 60, handleCount, repeats, complete, 0, 0, callbacks);
  }

  private static ShareRow share(int minutes, Instant start, long total, long explained) {
    return new ShareRow(minutes, start, start.plusSeconds(60L * minutes), total, explained,
        (double) explained / total);
  }

  @Test
  void dailyReasonVolumeCountsUtcDaysFromTheHourlyRows() throws SQLException {
    assertThat(rows("SELECT day, reason_id, channel, contacts, round(share_of_day::numeric, 4),"
        + " avg_handle_minutes FROM daily_reason_volume ORDER BY day, contacts DESC, reason_id,"
        + " channel")).containsExactly(
            List.of("2026-03-02", "payment-problem", "CHAT", "10", "0.4545", "3.0"),
            List.of("2026-03-02", "payment-problem", "EMAIL", "5", "0.2273", "null"),
            List.of("2026-03-02", "unexplained", "CHAT", "5", "0.2273", "null"),
            List.of("2026-03-02", "delivery-late", "CALL", "2", "0.0909", "10.0"),
            List.of("2026-03-03", "payment-problem", "CHAT", "10", "1.0000", "null"));
  }

  @Test
  void dailyReasonVolumeCountsTheCallbackRequestsOfTheDay() throws SQLException {
    assertThat(rows("SELECT day, reason_id, channel, callback_requests, callback_rate"
        + " FROM daily_reason_volume ORDER BY day, contacts DESC, reason_id, channel"))
        .containsExactly(
            List.of("2026-03-02", "payment-problem", "CHAT", "4", "0.4"),
            List.of("2026-03-02", "payment-problem", "EMAIL", "0", "0.0"),
            List.of("2026-03-02", "unexplained", "CHAT", "0", "0.0"),
            List.of("2026-03-02", "delivery-late", "CALL", "2", "1.0"),
            List.of("2026-03-03", "payment-problem", "CHAT", "0", "0.0"));
  }

  @Test
  void dailyExplainedShareAddsUpTheHours() throws SQLException {
    assertThat(rows("SELECT day, contacts, explained, round(share::numeric, 4)"
        + " FROM daily_explained_share ORDER BY day")).containsExactly(
            List.of("2026-03-02", "22", "17", "0.7727"),
            List.of("2026-03-03", "10", "10", "1.0000"));
  }

  @Test
  void dailyRepeatRateIsRepeatsPerContactOfTheFirstContactsDay() throws SQLException {
    assertThat(rows("SELECT day, reason_id, contacts, repeats, repeat_rate, complete"
        + " FROM daily_repeat_rate ORDER BY day, reason_id")).containsExactly(
            List.of("2026-03-02", "delivery-late", "2", "0", "0.0", "false"),
            List.of("2026-03-02", "payment-problem", "15", "3", "0.2", "true"),
            List.of("2026-03-02", "unexplained", "5", "0", "0.0", "true"),
            List.of("2026-03-03", "payment-problem", "10", "0", "0.0", "false"));
  }

  @Test
  void insightOutcomesJoinTheBacklogAndItsVerification() throws SQLException {
    assertThat(rows("SELECT insight_id, kind, reason_id, count, item_id, item_status,"
        + " to_char(done_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),"
        + " verdict, share_before, share_expected, share_after, share_change, p_value,"
        + " verified_at IS NOT NULL FROM insight_outcomes ORDER BY kind")).containsExactly(
            List.of("emerging|parkeren+vergunning|" + MAR_2_09.toEpochMilli(), "EMERGING_REASON",
                "null", "12", "emerging-reason.parkeren_vergunning", "new", "null", "null",
                "null", "null", "null", "null", "null", "false"),
            List.of("spike|payment-problem|ALL|" + MAR_2_09.toEpochMilli(), "SPIKE",
                "payment-problem", "40", "spike.payment-problem", "verified",
                "2026-03-10T00:00:00Z", "verified", "0.125", "0.12", "0.06", "-0.5", "0.003",
                "true"));
  }

  @Test
  void everyViewAndEveryColumnIsDocumented() throws SQLException {
    String views = "('daily_reason_volume', 'daily_explained_share', 'daily_repeat_rate',"
        + " 'insight_outcomes')";
    assertThat(rows("SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c"
        + " JOIN pg_class t ON t.relname = c.table_name WHERE c.table_schema = 'public'"
        + " AND c.table_name IN " + views
        + " AND col_description(t.oid, c.ordinal_position) IS NULL")).isEmpty();
    assertThat(rows("SELECT relname FROM pg_class WHERE relkind = 'v' AND relname IN " + views
        + " AND obj_description(oid, 'pg_class') IS NOT NULL ORDER BY 1")).containsExactly(
            List.of("daily_explained_share"), List.of("daily_reason_volume"),
            List.of("daily_repeat_rate"), List.of("insight_outcomes"));
  }

  @Test
  void theAnalystRoleReadsTheViewsAndChangesNothing() throws SQLException {
    try (Connection c = DriverManager.getConnection(url(EmbeddedPostgresServer.DATABASE),
        ANALYST, ANALYST_PASSWORD); Statement s = c.createStatement()) {
      for (String view : VIEWS.split(", ")) {
        try (ResultSet r = s.executeQuery("SELECT count(*) FROM " + view)) {
          assertThat(r.next()).isTrue();
          assertThat(r.getLong(1)).as(view).isPositive();
        }
      }
      assertRefused(s, "SELECT count(*) FROM reason_trends");
      assertRefused(s, "SELECT count(*) FROM sign_in_sessions");
      // the redacted words of the retention window stay with the board's viewers
      assertRefused(s, "SELECT count(*) FROM contacts");
      assertRefused(s, "SELECT count(*) FROM corrections");
      assertRefused(s, "INSERT INTO insights (insight_id, kind, window_start, window_end, count,"
          + " baseline, detected_at) VALUES ('x', 'SPIKE', now(), now(), 1, 1, now())");
      assertRefused(s, "UPDATE backlog_items SET status = 'dismissed'");
      assertRefused(s, "DELETE FROM reason_trends");
      assertRefused(s, "UPDATE insight_outcomes SET item_owner = 'anna'");
      assertRefused(s, "INSERT INTO daily_explained_share (day, contacts) VALUES ('2026-03-04', 1)");
    }
    assertThat(rows("SELECT status FROM backlog_items ORDER BY item_id"))
        .containsExactly(List.of("new"), List.of("verified"));
  }

  @Test
  void theExampleQueriesOfTheDocsRunAsTheAnalyst() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "ANALYSTS.md"));
    List<String> queries = new ArrayList<>();
    Matcher sql = Pattern.compile("```sql\n(.*?)```", Pattern.DOTALL).matcher(docs);
    while (sql.find()) {
      for (String statement : sql.group(1).split(";")) {
        String text = statement.replaceAll("(?m)^\\s*--.*$", "").strip();
        if (text.startsWith("SELECT")) {
          queries.add(text);
        }
      }
    }
    assertThat(queries).hasSize(4);
    try (Connection c = DriverManager.getConnection(url(EmbeddedPostgresServer.DATABASE),
        ANALYST, ANALYST_PASSWORD); Statement s = c.createStatement()) {
      for (String query : queries) {
        try (ResultSet r = s.executeQuery(query)) {
          assertThat(r.getMetaData().getColumnCount()).as(query).isPositive();
        }
      }
    }
  }

  @Test
  void withoutCreateRoleTheMigrationGoesThroughAndTheDocumentedGrantOpensTheViews()
      throws SQLException {
    assertThat(roleAfterLimitedMigration).as("the limited user cannot create the role").isFalse();
    try (Connection c = limited.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT count(*) FROM information_schema.views"
            + " WHERE table_name IN ('daily_reason_volume', 'daily_explained_share',"
            + " 'daily_repeat_rate', 'insight_outcomes')")) {
      assertThat(r.next()).isTrue();
      assertThat(r.getInt(1)).isEqualTo(4);
    }
    String select = "SELECT count(*) FROM daily_reason_volume";
    try (Connection c = DriverManager.getConnection(url("waarom_limited"), ANALYST,
        ANALYST_PASSWORD); Statement s = c.createStatement()) {
      assertRefused(s, select);
      // docs/ANALYSTS.md: once the role exists, the sink's own user grants its views
      try (Connection owner = limited.dataSource().getConnection();
          Statement grant = owner.createStatement()) {
        grant.execute("GRANT SELECT ON " + VIEWS + " TO waarom_analyst");
      }
      try (ResultSet r = s.executeQuery(select)) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).isZero();
      }
      assertRefused(s, "SELECT count(*) FROM reason_trends");
    }
  }

  private static void assertRefused(Statement s, String sql) {
    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(e.getMessage())
            .isIn("42501", "55000")); // insufficient_privilege; view not updatable
  }

  private static boolean roleExists() throws SQLException {
    try (Connection c = DriverManager.getConnection(server.jdbcUrl());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(
            "SELECT count(*) FROM pg_roles WHERE rolname = 'waarom_analyst'")) {
      r.next();
      return r.getInt(1) == 1;
    }
  }

  /** Every row of a query, each value as its Java object's text (SQL NULL as "null"). */
  private static List<List<String>> rows(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(String.valueOf(r.getObject(i)));
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
