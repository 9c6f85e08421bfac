package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.InsightSignal;
import nl.waarom.schemas.SignalKind;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.TrackerLink;
import nl.waarom.sink.export.ExportMetrics.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Jira exporter against local Jira Cloud (v3) and Data Center (v2) APIs and real PostgreSQL. */
class JiraExportIT {
  @TempDir static Path dir;
  private static ExportDb db;
  private FakeJira jira;

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
    Insight explained = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 40, 900.0))
        .setReasonName("Payment problem")
        .setSignals(java.util.List.of(new InsightSignal(SignalKind.ATTRIBUTE, "campaign",
            "winter-mail", 30L, 0.75, 0.05, 12.5)))
        .setWeeklyVolume(1200.0).setAvgHandleMinutes(6.5).setCostPerMinute(1.2)
        .setRepeatRate(0.2).setScore(17.0).setGrowthRate(null).setDraftedRule(null).build();
    db.store(explained, Fixtures.emerging(java.util.List.of("pincode", "geblokkeerd"), Fixtures.T0));
  }

  @AfterEach
  void tearDown() {
    if (jira != null) {
      jira.close();
    }
  }

  private Map<String, String> env(int version, String user, String token) {
    Map<String, String> env = new HashMap<>(Map.of("WAAROM_EXPORT_TRACKER", "jira",
        "WAAROM_JIRA_URL", jira.baseUrl() + "/", "WAAROM_JIRA_API_VERSION", Integer.toString(version),
        "WAAROM_JIRA_PROJECT", "OPS", "WAAROM_JIRA_TOKEN", token));
    env.put("WAAROM_JIRA_USER", user);
    return env;
  }

  @Test
  void cloudV3CreatesIssuesWithAnAdfDescriptionAndReadsTheirStatusBack() throws Exception {
    jira = new FakeJira(3, true, "OPS", "team@acme.example", "cloud-token");
    Exporter exporter = db.exporter(env(3, "team@acme.example", "cloud-token"),
        new SimpleMeterRegistry());

    Exporter.RunReport first = exporter.runOnce();

    assertThat(first.count(Outcome.CREATED)).isEqualTo(2);
    assertThat(first.count(Outcome.SYNCED)).isEqualTo(2);
    assertThat(jira.issues.values()).extracting(i -> i.get("summary"), FakeJira::labels)
        .containsExactlyInAnyOrder(
            tuple("Spike: Payment problem",
                java.util.List.of("waarom", "waarom:spike.payment-problem")),
            tuple("Emerging reason: geblokkeerd, pincode",
                java.util.List.of("waarom", "waarom:emerging-reason.geblokkeerd_pincode")));
    JsonNode adf = (JsonNode) jira.issues.get("OPS-1").get("description");
    assertThat(adf.findValuesAsText("text")).contains("Value at stake", "Why",
        "Estimated cost: 900 per week", "Average handle time: 6.50 minutes", "Repeat rate: 20%",
        "campaign = winter-mail: 75% of these contacts against 5% of the others (30 contacts, score 12.50)");
    assertThat(db.links()).extracting(TrackerLink::externalKey, TrackerLink::url,
            TrackerLink::trackerStatus, TrackerLink::trackerStatusCategory)
        .containsExactlyInAnyOrder(
            tuple("OPS-1", jira.baseUrl() + "/browse/OPS-1", "To Do", "new"),
            tuple("OPS-2", jira.baseUrl() + "/browse/OPS-2", "To Do", "new"));

    jira.transition("OPS-1", "Done", "done");
    int writes = jira.writes().size();
    Exporter.RunReport second = exporter.runOnce();

    assertThat(second.count(Outcome.UNCHANGED)).isEqualTo(2);
    assertThat(jira.writes()).hasSize(writes);
    assertThat(db.links()).filteredOn(l -> "OPS-1".equals(l.externalKey()))
        .extracting(TrackerLink::trackerStatus, TrackerLink::trackerStatusCategory)
        .containsExactly(tuple("Done", "done"));
  }

  @Test
  void dataCenterV2UsesABearerTokenAndWikiMarkupAndUpdatesWithPut() throws Exception {
    jira = new FakeJira(2, false, "OPS", "", "dc-pat");
    Exporter exporter = db.exporter(env(2, "", "dc-pat"), new SimpleMeterRegistry());
    exporter.runOnce();
    db.store(Fixtures.spike("payment-problem", Fixtures.T0.plusSeconds(7200), 90, 2000.0));

    Exporter.RunReport report = exporter.runOnce();

    assertThat(report.count(Outcome.UPDATED)).isEqualTo(1);
    assertThat(jira.issues).hasSize(2);
    assertThat(jira.writes()).extracting(FakeServer.Request::method, FakeServer.Request::path)
        .containsExactly(tuple("POST", "/rest/api/2/issue"), tuple("POST", "/rest/api/2/issue"),
            tuple("PUT", "/rest/api/2/issue/OPS-1"));
    JsonNode description = (JsonNode) jira.issues.get("OPS-1").get("description");
    assertThat(description.asText()).contains("h3. Value at stake")
        .contains("* Estimated cost: 2000 per week").contains("{noformat}")
        .contains("[Open on the Waarom board|http://localhost:8080/items/spike.payment-problem]");
  }

  @Test
  void aLostCloudCreationIsFoundThroughTheJqlSearchEndpoint() throws Exception {
    jira = new FakeJira(3, true, "OPS", "team@acme.example", "cloud-token");
    Map<String, String> env = env(3, "team@acme.example", "cloud-token");
    db.exporter(env, new SimpleMeterRegistry()).runOnce();
    db.execute("UPDATE tracker_links SET external_id = NULL, last_exported_hash = NULL,"
        + " claimed_at = now() - interval '1 hour'");

    Exporter.RunReport report = db.exporter(env, new SimpleMeterRegistry()).runOnce();

    assertThat(report.count(Outcome.ADOPTED)).isEqualTo(2);
    assertThat(jira.issues).hasSize(2);
    assertThat(jira.requests).anySatisfy(r -> assertThat(r.path()).isEqualTo("/rest/api/3/search/jql"));
  }

  @Test
  void aWrongApiTokenIsRejectedAndRecorded() throws Exception {
    jira = new FakeJira(3, true, "OPS", "team@acme.example", "cloud-token");

    Exporter.RunReport report = db.exporter(env(3, "team@acme.example", "stale-token"),
        new SimpleMeterRegistry()).runOnce();

    assertThat(report.count(Outcome.FAILED)).isEqualTo(2);
    assertThat(jira.issues).isEmpty();
    assertThat(db.links()).allSatisfy(l -> assertThat(l.lastError())
        .startsWith("jira GET /rest/api/3/search/jql answered HTTP 401"));
  }
}
