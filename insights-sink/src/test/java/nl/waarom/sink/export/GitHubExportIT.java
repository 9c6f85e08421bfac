package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.TrackerLink;
import nl.waarom.sink.export.ExportMetrics.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub exporter against a local GitHub Issues API and a real embedded PostgreSQL. */
class GitHubExportIT {
  @TempDir static Path dir;
  private static ExportDb db;
  private FakeGitHub github;
  private Map<String, String> env;

  @BeforeAll
  static void startDatabase() {
    db = new ExportDb(dir);
  }

  @AfterAll
  static void stopDatabase() {
    db.close();
  }

  @BeforeEach
  void setUp() throws SQLException {
    db.reset();
    github = new FakeGitHub("acme/support", "ghp_test");
    env = Map.of("WAAROM_EXPORT_TRACKER", "github", "WAAROM_GITHUB_API_URL", github.baseUrl(),
        "WAAROM_GITHUB_REPO", "acme/support", "WAAROM_GITHUB_TOKEN", "ghp_test",
        "WAAROM_BOARD_URL", "http://board.example/");
    db.store(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0),
        Fixtures.spike("delivery-late", Fixtures.T0, 20, 100.0));
  }

  @AfterEach
  void tearDown() {
    github.close();
  }

  @Test
  void theFirstRunCreatesOneIssuePerItemAndASecondRunSendsNothing() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Exporter exporter = db.exporter(env, registry);

    Exporter.RunReport first = exporter.runOnce();
    int writesAfterFirst = github.writes().size();
    Exporter.RunReport second = exporter.runOnce();

    assertThat(first.count(Outcome.CREATED)).isEqualTo(2);
    assertThat(github.issues).hasSize(2);
    assertThat(github.issues.values()).extracting(i -> i.get("title"), FakeGitHub::labels)
        .containsExactlyInAnyOrder(
            tuple("Spike: payment-problem", List.of("waarom", "waarom:spike.payment-problem")),
            tuple("Spike: delivery-late", List.of("waarom", "waarom:spike.delivery-late")));
    assertThat((String) github.issues.get(1).get("body")).contains("Estimated cost: 900 per week")
        .contains("ik ben twee keer afgeschreven")
        .contains("http://board.example/items/spike.payment-problem");
    assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(2);
    assertThat(second.count(Outcome.CREATED) + second.count(Outcome.UPDATED)).isZero();
    assertThat(github.writes()).hasSize(writesAfterFirst).hasSize(2)
        .allSatisfy(r -> assertThat(r.method()).isEqualTo("POST"));
    assertThat(db.links()).extracting(TrackerLink::itemId, TrackerLink::externalKey,
            TrackerLink::trackerStatus, TrackerLink::lastError)
        .containsExactly(tuple("spike.delivery-late", "2", "open", null),
            tuple("spike.payment-problem", "1", "open", null));
    assertThat(registry.get(ExportMetrics.EXPORT).tags("tracker", "github", "outcome", "created")
        .counter().count()).isEqualTo(2.0);
  }

  @Test
  void changedContentUpdatesTheSameIssueWithPatch() throws Exception {
    Exporter exporter = db.exporter(env, new SimpleMeterRegistry());
    exporter.runOnce();
    Insight later = Fixtures.spike("payment-problem", Fixtures.T0.plusSeconds(7200), 75, 1500.0);
    db.store(later);

    Exporter.RunReport report = exporter.runOnce();

    assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
    assertThat(report.count(Outcome.UNCHANGED)).isEqualTo(1);
    assertThat(github.issues).hasSize(2);
    assertThat(github.writes()).extracting(FakeServer.Request::method, FakeServer.Request::path)
        .containsExactly(tuple("POST", "/repos/acme/support/issues"),
            tuple("POST", "/repos/acme/support/issues"),
            tuple("PATCH", "/repos/acme/support/issues/1"));
    assertThat((String) github.issues.get(1).get("body")).contains("Estimated cost: 1500 per week")
        .contains("75 contacts");
  }

  @Test
  void aNewExporterOnTheSameDatabaseDoesNotCreateAgain() throws Exception {
    db.exporter(env, new SimpleMeterRegistry()).runOnce();

    Exporter.RunReport afterRestart = db.exporter(env, new SimpleMeterRegistry()).runOnce();

    assertThat(afterRestart.count(Outcome.UNCHANGED)).isEqualTo(2);
    assertThat(github.issues).hasSize(2);
    assertThat(github.writes()).hasSize(2);
  }

  @Test
  void aCreationLostInACrashIsAdoptedByItsLabelNotDuplicated() throws Exception {
    db.exporter(env, new SimpleMeterRegistry()).runOnce();
    // The sink crashed after creating issue 1 but before storing the link: a stale claim remains.
    db.execute("UPDATE tracker_links SET external_id = NULL, external_key = NULL, url = NULL,"
        + " last_exported_hash = NULL, claimed_at = now() - interval '1 hour'"
        + " WHERE item_id = 'spike.payment-problem'");

    Exporter.RunReport report = db.exporter(env, new SimpleMeterRegistry()).runOnce();

    assertThat(report.count(Outcome.ADOPTED)).isEqualTo(1);
    assertThat(github.issues).hasSize(2);
    assertThat(db.links()).extracting(TrackerLink::itemId, TrackerLink::externalKey,
            TrackerLink::claimedAt)
        .containsExactly(tuple("spike.delivery-late", "2", null),
            tuple("spike.payment-problem", "1", null));
  }

  @Test
  void aFreshClaimOfAnotherExporterIsLeftAlone() throws Exception {
    db.execute("INSERT INTO tracker_links (item_id, tracker, claimed_at)"
        + " VALUES ('spike.payment-problem', 'github', now())");

    Exporter.RunReport report = db.exporter(env, new SimpleMeterRegistry()).runOnce();

    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(1);
    assertThat(report.count(Outcome.CREATED)).isEqualTo(1);
    assertThat(github.issues).hasSize(1);
  }

  @Test
  void twoSinkInstancesExportingAtOnceCreateOneIssuePerItem() throws Exception {
    github.createDelayMillis = 300;
    Exporter a = db.exporter(env, new SimpleMeterRegistry());
    Exporter b = db.exporter(env, new SimpleMeterRegistry());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Exporter.RunReport>> runs = pool.invokeAll(
          List.<Callable<Exporter.RunReport>>of(a::runOnce, b::runOnce));
      int created = 0;
      for (Future<Exporter.RunReport> run : runs) {
        created += run.get().count(Outcome.CREATED);
      }
      assertThat(created).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
    assertThat(github.issues).hasSize(2);
    assertThat(db.exporter(env, new SimpleMeterRegistry()).runOnce().count(Outcome.UNCHANGED))
        .isEqualTo(2);
    assertThat(github.issues).hasSize(2);
  }

  @Test
  void theIssueStateIsReadBackAndStored() throws Exception {
    Exporter exporter = db.exporter(env, new SimpleMeterRegistry());
    exporter.runOnce();
    github.close(1, "not_planned");
    github.close(2, "completed");

    Exporter.RunReport report = exporter.runOnce();

    assertThat(report.count(Outcome.SYNCED)).isEqualTo(2);
    assertThat(db.links()).extracting(TrackerLink::itemId, TrackerLink::trackerStatus,
            TrackerLink::trackerStatusCategory)
        .containsExactly(tuple("spike.delivery-late", "closed", "completed"),
            tuple("spike.payment-problem", "closed", "not_planned"));
    assertThat(db.links()).allSatisfy(l -> assertThat(l.lastSyncedAt()).isNotNull());
  }

  @Test
  void anOutageIsRecordedAndTheNextRunSucceeds() throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Exporter exporter = db.exporter(env, registry);
    github.down = true;

    Exporter.RunReport failed = exporter.runOnce();

    // The first 503 stops the run: the second item is not tried against a tracker that is down.
    assertThat(failed.counts()).isEqualTo(Map.of(Outcome.FAILED, 1));
    assertThat(db.links()).singleElement().satisfies(l -> {
      assertThat(l.itemId()).isEqualTo("spike.payment-problem");
      assertThat(l.linked()).isFalse();
      assertThat(l.claimedAt()).isNull();
      assertThat(l.lastError()).contains("HTTP 503");
    });
    assertThat(registry.get(ExportMetrics.EXPORT).tags("outcome", "failed").counter().count())
        .isEqualTo(1.0);

    github.down = false;
    Exporter.RunReport next = exporter.runOnce();

    assertThat(next.count(Outcome.CREATED)).isEqualTo(2);
    assertThat(github.issues).hasSize(2);
    assertThat(db.links()).allSatisfy(l -> {
      assertThat(l.linked()).isTrue();
      assertThat(l.lastError()).isNull();
    });
  }

  @Test
  void aWrongTokenIsRejectedAndRecordedAsAnAuthenticationError() throws Exception {
    Map<String, String> wrong = new java.util.HashMap<>(env);
    wrong.put("WAAROM_GITHUB_TOKEN", "ghp_wrong");

    Exporter.RunReport report = db.exporter(wrong, new SimpleMeterRegistry()).runOnce();

    assertThat(report.count(Outcome.FAILED)).isEqualTo(2);
    assertThat(github.issues).isEmpty();
    assertThat(db.links()).allSatisfy(l ->
        assertThat(l.lastError()).contains("HTTP 401").contains("authentication"));
  }

  @Test
  void theMigrationDocumentsTheTableAndEveryColumn() throws Exception {
    assertThat(db.query("SELECT c.column_name FROM information_schema.columns c"
        + " JOIN pg_class t ON t.relname = c.table_name WHERE c.table_name = 'tracker_links'"
        + " AND col_description(t.oid, c.ordinal_position) IS NULL")).isEmpty();
    assertThat(db.query("SELECT count(*) FROM information_schema.columns"
        + " WHERE table_name = 'tracker_links'")).containsExactly("13");
    assertThat(db.query("SELECT obj_description('tracker_links'::regclass, 'pg_class')"))
        .singleElement().asString().contains("creation guard");
  }
}
