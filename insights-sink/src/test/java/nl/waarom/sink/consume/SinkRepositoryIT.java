package nl.waarom.sink.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.BacklogItem;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.board.TopReasons;
import nl.waarom.sink.board.TrendQueries;
import nl.waarom.sink.consume.SinkRepository.WriteResult;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.DatabaseException;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.ShareRow;
import nl.waarom.sink.db.ShareStore;
import nl.waarom.sink.db.SignalRow;
import nl.waarom.sink.db.TrendRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The repository against a real embedded PostgreSQL with the Flyway migrations applied. */
class SinkRepositoryIT {
  @TempDir static Path dataDir;
  private static Database database;
  private static SinkRepository repository;
  private static BacklogQueries backlog;

  @BeforeAll
  static void startDatabase() {
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    repository = new SinkRepository(database.dataSource());
    backlog = new BacklogQueries(database.dataSource());
  }

  @AfterAll
  static void stopDatabase() {
    database.close();
  }

  @BeforeEach
  void emptyTables() throws SQLException {
    execute("TRUNCATE backlog_events, backlog_item_insights, backlog_items, insights,"
        + " reason_trends, explained_share");
  }

  @Test
  void theSameInsightTwiceIsOneUnchangedRowAndOneCount() throws SQLException {
    InsightRow row = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0));

    WriteResult first = repository.write(List.of(row), List.of());
    List<String> tablesBefore = dump();
    WriteResult again = repository.write(List.of(row), List.of());

    assertThat(first).isEqualTo(new WriteResult(1, 0, 0, 0, 0));
    assertThat(again).isEqualTo(new WriteResult(0, 0, 1, 0, 0));
    assertThat(dump()).isEqualTo(tablesBefore);
    assertThat(backlog.ranked(10)).singleElement().satisfies(item -> {
      assertThat(item.insightCount()).isEqualTo(1);
      assertThat(item.latestInsight()).isEqualTo(row);
    });
  }

  @Test
  void twoInsightsOfOneReasonAndKindAreOneItemWithTheLatest() throws SQLException {
    InsightRow earlier = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0));
    Instant later = Fixtures.T0.plusSeconds(3 * 3600);
    InsightRow latest = InsightRow.from(Fixtures.spike("payment-problem", later, 60, 900.0));

    repository.write(List.of(earlier), List.of());
    repository.write(List.of(latest), List.of());
    repository.write(List.of(earlier), List.of()); // late re-delivery of the older one

    assertThat(backlog.ranked(10)).containsExactly(new BacklogItem("spike.payment-problem",
        "Spike: payment-problem", "SPIKE", "payment-problem", List.of(), "new", 2,
        earlier.detectedAt(), latest.detectedAt(), 900.0, "PREVENT", latest,
        new BacklogItem.Work(900.0, null, null, null, null, null, null, null, null, null)));
    assertThat(count("insights")).isEqualTo(2);
  }

  @Test
  void aChangedInsightIsUpdatedButNotCountedAgain() throws SQLException {
    Insight insight = Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0);
    repository.write(List.of(InsightRow.from(insight)), List.of());
    insight.setCount(55);
    insight.setSummary("payment-problem: 55 contacts, expected 10");
    InsightRow changed = InsightRow.from(insight);

    WriteResult result = repository.write(List.of(changed), List.of());

    assertThat(result).isEqualTo(new WriteResult(0, 1, 0, 0, 0));
    assertThat(backlog.ranked(10)).singleElement().satisfies(item -> {
      assertThat(item.insightCount()).isEqualTo(1);
      assertThat(item.latestInsight()).isEqualTo(changed);
    });
  }

  @Test
  void emergingReasonsAndOtherKindsAreSeparateItemsRankedByCost() throws SQLException {
    InsightRow cheap = InsightRow.from(Fixtures.spike("delivery-late", Fixtures.T0, 20, 100.0));
    InsightRow dear = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0));
    InsightRow emerging = InsightRow.from(Fixtures.emerging(List.of("pincode", "geblokkeerd"), Fixtures.T0));

    repository.write(List.of(cheap, emerging, dear), List.of());

    List<BacklogItem> items = backlog.ranked(10);
    assertThat(items).extracting(BacklogItem::itemId).containsExactly(
        "spike.payment-problem", "spike.delivery-late", "emerging-reason.geblokkeerd_pincode");
    assertThat(items.get(2)).satisfies(item -> {
      assertThat(item.reasonId()).isNull();
      assertThat(item.candidateTerms()).containsExactly("geblokkeerd", "pincode");
      assertThat(item.title()).isEqualTo("Emerging reason: geblokkeerd, pincode");
      assertThat(item.estimatedCost()).isNull();
    });
  }

  @Test
  void aLaterTrendForTheSameWindowSupersedesTheEarlierOne() throws SQLException {
    ReasonTrend trend = Fixtures.trend("payment-problem", Channel.CHAT, Fixtures.T0, 3);
    repository.write(List.of(), List.of(TrendRow.from(trend)));
    trend.setCount(9);
    trend.setHandleMillisTotal(123);
    trend.setBaseline(null);
    trend.setDeviation(null);
    trend.setCallbackCount(4);
    ReasonTrend sameBatchFirst = Fixtures.trend("unexplained", Channel.CALL, Fixtures.T0, 1);
    ReasonTrend sameBatchLast = Fixtures.trend("unexplained", Channel.CALL, Fixtures.T0, 2);

    WriteResult result = repository.write(List.of(), List.of(TrendRow.from(trend),
        TrendRow.from(sameBatchFirst), TrendRow.from(sameBatchLast)));
    WriteResult again = repository.write(List.of(), List.of(TrendRow.from(trend)));

    assertThat(result).isEqualTo(new WriteResult(0, 0, 0, 3, 0));
    assertThat(again).isEqualTo(new WriteResult(0, 0, 0, 0, 1));
    assertThat(query("SELECT reason_id || ' ' || channel || ' ' || count || ' '"
        + " || handle_millis_total || ' ' || coalesce(baseline::text, '-') || ' '"
        + " || coalesce(deviation::text, '-') || ' ' || callback_count FROM reason_trends"
        + " ORDER BY 1")).containsExactly(
        "payment-problem CHAT 9 123 - - 4", "unexplained CALL 2 120000 4 0.5 0");
  }

  @Test
  void aFailingBatchStoresNothing() throws SQLException {
    InsightRow row = InsightRow.from(Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0));
    TrendRow trend = TrendRow.from(Fixtures.trend("payment-problem", Channel.CHAT, Fixtures.T0, 3));
    execute("ALTER TABLE reason_trends RENAME TO reason_trends_away");
    try {
      assertThatThrownBy(() -> repository.write(List.of(row), List.of(trend)))
          .isInstanceOf(DatabaseException.class).hasCauseInstanceOf(SQLException.class);
    } finally {
      execute("ALTER TABLE reason_trends_away RENAME TO reason_trends");
    }
    assertThat(count("insights")).isZero();
    assertThat(count("backlog_items")).isZero();
  }

  @Test
  void topReasonsFallBackToTheNewestDataWhenItIsOlderThanNow() throws SQLException {
    Instant start = Instant.parse("2025-11-03T14:00:00Z");
    List<TrendRow> trends = new ArrayList<>();
    trends.add(TrendRow.from(Fixtures.trend("too-old", Channel.CHAT, start.minusSeconds(7200), 50)));
    for (int i = 0; i < 12; i++) {
      Instant w = start.plusSeconds(i * 300L);
      trends.add(TrendRow.from(Fixtures.trend("payment-problem", Channel.CHAT, w, 2)));
      trends.add(TrendRow.from(Fixtures.trend("unexplained", Channel.EMAIL, w, 1)));
    }
    repository.write(List.of(), trends);

    TopReasons top = new TrendQueries(database.dataSource())
        .topReasons(Duration.ofMinutes(60), Instant.parse("2026-03-02T10:00:00Z"));

    assertThat(top.asOf()).isEqualTo(start.plusSeconds(3600));
    assertThat(top.reasons()).extracting(TopReasons.ReasonCounts::reasonId, TopReasons.ReasonCounts::total)
        .containsExactly(tuple("payment-problem", 24L),
            tuple("unexplained", 12L));
    assertThat(top.explainedShare()).isEqualTo(24.0 / 36);
  }

  /**
   * A spike of Insight v3 keeps its episode's value, and the backlog ranks it by what it cost:
   * without a handle time by its excess contacts × the default handle time, not by a weekly volume.
   */
  @Test
  void aSpikeIsRankedByItsEpisodeNotByAWeekOfItsRate() throws SQLException {
    Insight surge = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 23, 0.0))
        .setBaseline(0.5).setEstimatedCost(null).setAvgHandleMinutes(null).setCostPerMinute(0.9)
        .setExcessContacts(22.5).setEpisodeCost(null).setExcessPerHour(1350.0).build();
    Insight weekly = Insight.newBuilder(Fixtures.spike("delivery-late", Fixtures.T0, 40, 0.0))
        .setKind(nl.waarom.schemas.InsightKind.REPEAT_HOTSPOT).setEstimatedCost(null)
        .setWeeklyVolume(100.0).setCostPerMinute(0.9).build();

    repository.write(List.of(InsightRow.from(surge), InsightRow.from(weekly)), List.of());

    List<BacklogItem> items = backlog.ranked(10);
    assertThat(items).extracting(BacklogItem::reasonId)
        .containsExactly("delivery-late", "payment-problem");
    // 22.5 excess × 6 default minutes × 0.9 × PREVENT 1.0, against 100 a week × 6 × 0.9
    assertThat(items.get(1).work().valueAtStake()).isCloseTo(22.5 * 6 * 0.9, within(1e-6));
    assertThat(items.get(0).work().valueAtStake()).isCloseTo(100 * 6 * 0.9, within(1e-6));
    assertThat(items.get(1).latestInsight().details().excessContacts()).isEqualTo(22.5);
    assertThat(items.get(1).latestInsight().details().excessPerHour()).isEqualTo(1350.0);
    assertThat(query("SELECT excess_contacts FROM backlog_items WHERE reason_id ="
        + " 'payment-problem'")).containsExactly("22.5");
  }

  @Test
  void theMigrationDocumentsEveryColumn() throws SQLException {
    assertThat(query("SELECT c.table_name || '.' || c.column_name FROM information_schema.columns c"
        + " JOIN pg_class t ON t.relname = c.table_name"
        + " WHERE c.table_schema = 'public' AND c.table_name IN ('insights', 'reason_trends',"
        + " 'backlog_items', 'explained_share', 'backlog_events', 'backlog_item_insights')"
        + " AND col_description(t.oid, c.ordinal_position) IS NULL")).isEmpty();
    assertThat(query("SELECT relname FROM pg_class WHERE relname IN ('insights', 'reason_trends',"
        + " 'backlog_items', 'explained_share', 'backlog_events', 'backlog_item_insights')"
        + " AND obj_description(oid, 'pg_class') IS NOT NULL ORDER BY 1"))
        .containsExactly("backlog_events", "backlog_item_insights", "backlog_items",
            "explained_share", "insights", "reason_trends");
  }

  @Test
  void anExplainedInsightKeepsItsSignalsCostAndNameAndTitlesItsItem() throws SQLException {
    Insight insight = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 40, 500.0))
        .setReasonName("Payment problem")
        .setSignals(List.of(new InsightSignal(SignalKind.ATTRIBUTE, "campaign", "winter-mail", 30L,
            0.75, 0.05, 12.5), new InsightSignal(SignalKind.TERM, "term", "betaallink", 25L, 0.62,
            0.1, 8.0)))
        .setWeeklyVolume(1200.0).setAvgHandleMinutes(6.5).setCostPerMinute(1.2)
        .setRepeatRate(0.2).setScore(17.0).setGrowthRate(null).setDraftedRule(null)
        .build();
    InsightRow row = InsightRow.from(insight);

    assertThat(repository.write(List.of(row), List.of())).isEqualTo(new WriteResult(1, 0, 0, 0, 0));

    assertThat(backlog.ranked(10)).singleElement().satisfies(item -> {
      assertThat(item.title()).isEqualTo("Spike: Payment problem");
      assertThat(item.itemId()).isEqualTo("spike.payment-problem");
      assertThat(item.latestInsight()).isEqualTo(row);
      assertThat(item.latestInsight().details().signals()).extracting(SignalRow::value)
          .containsExactly("winter-mail", "betaallink");
    });
  }

  @Test
  void trendRowsOfEachWindowLengthAreKeptApartAndTheBoardCountsOneMinuteRowsOnly()
      throws SQLException {
    Instant start = Fixtures.T0;
    TrendRow minute = new TrendRow("refund", "CHAT", start, start.plusSeconds(60), 4, 40_000, null,
        null, 1, 2, 1, false);
    TrendRow hour = new TrendRow("refund", "CHAT", start, start.plusSeconds(3600), 30, 300_000,
        20.0, 1.5, 60, 20, 6, false);
    repository.write(List.of(), List.of(minute, hour));
    assertThat(query("SELECT window_minutes || ':' || count || ':' || repeat_count"
        + " FROM reason_trends ORDER BY window_minutes")).containsExactly("1:4:1", "60:30:6");

    TopReasons top = new TrendQueries(database.dataSource()).topReasons(Duration.ofMinutes(60),
        start.plusSeconds(7200));
    assertThat(top.total()).isEqualTo(4);
  }

  @Test
  void explainedShareIsUpsertedPerWindowAndReadNewestFirst() throws SQLException {
    Instant start = Fixtures.T0;
    ShareRow first = new ShareRow(15, start, start.plusSeconds(900), 10, 8, 0.8);
    ShareRow updated = new ShareRow(15, start, start.plusSeconds(900), 20, 15, 0.75);
    ShareRow next = new ShareRow(15, start.plusSeconds(900), start.plusSeconds(1800), 5, 5, 1.0);

    assertThat(repository.write(List.of(), List.of(), List.of(first)).trendsChanged()).isEqualTo(1);
    assertThat(repository.write(List.of(), List.of(), List.of(first)).trendsUnchanged())
        .isEqualTo(1);
    repository.write(List.of(), List.of(), List.of(updated, next));

    assertThat(new ShareStore(database.dataSource()).recent(15, 10)).containsExactly(next, updated);
    assertThat(new ShareStore(database.dataSource()).recent(60, 10)).isEmpty();
  }

  private static List<String> dump() throws SQLException {
    List<String> rows = new ArrayList<>(query("SELECT row_to_json(i)::text FROM insights i ORDER BY 1"));
    rows.addAll(query("SELECT row_to_json(b)::text FROM backlog_items b ORDER BY 1"));
    return rows;
  }

  private static long count(String table) throws SQLException {
    return Long.parseLong(query("SELECT count(*) FROM " + table).get(0));
  }

  private static List<String> query(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static void execute(String sql) throws SQLException {
    try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
