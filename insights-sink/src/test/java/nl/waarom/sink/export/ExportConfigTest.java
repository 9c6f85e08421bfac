package nl.waarom.sink.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import nl.waarom.platform.Config;
import nl.waarom.sink.app.SinkSettings;
import nl.waarom.sink.export.ExportConfig.ExportConfigException;
import org.junit.jupiter.api.Test;

class ExportConfigTest {
  private static ExportConfig load(Map<String, String> env) {
    return ExportConfig.from(Config.load(SinkSettings.all(), env));
  }

  @Test
  void byDefaultNothingIsExportedAndNoTrackerSettingIsNeeded() {
    ExportConfig config = load(Map.of());

    assertThat(config.tracker()).isEqualTo(TrackerKind.NONE);
    assertThat(config.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.statuses()).isEmpty();
    assertThat(config.topN()).isEqualTo(50);
    assertThat(config.boardUrl()).isEqualTo("http://localhost:8080/");
    assertThat(config.jira()).isNull();
  }

  @Test
  void jiraWithoutUrlProjectOrTokenNamesEachMissingKey() {
    assertThatThrownBy(() -> load(Map.of("WAAROM_EXPORT_TRACKER", "Jira")))
        .isInstanceOf(ExportConfigException.class)
        .satisfies(e -> assertThat(((ExportConfigException) e).errors()).containsExactly(
            "WAAROM_JIRA_URL: required with WAAROM_EXPORT_TRACKER=jira",
            "WAAROM_JIRA_PROJECT: required with WAAROM_EXPORT_TRACKER=jira",
            "WAAROM_JIRA_TOKEN: required with WAAROM_EXPORT_TRACKER=jira"));
  }

  @Test
  void malformedValuesAreRejectedWithTheirKey() {
    assertThatThrownBy(() -> load(Map.of("WAAROM_EXPORT_TRACKER", "github",
        "WAAROM_GITHUB_REPO", "just-a-name", "WAAROM_GITHUB_TOKEN", "t",
        "WAAROM_GITHUB_API_URL", "ftp://example")))
        .hasMessageContaining("WAAROM_GITHUB_REPO: expected owner/name, was 'just-a-name'")
        .hasMessageContaining("WAAROM_GITHUB_API_URL: not an http(s) URL");
    assertThatThrownBy(() -> load(Map.of("WAAROM_EXPORT_TRACKER", "webhook",
        "WAAROM_WEBHOOK_URL", "https://hooks.example/w", "WAAROM_WEBHOOK_SECRET", "short")))
        .hasMessageContaining("WAAROM_WEBHOOK_SECRET: at least 16 characters");
    assertThatThrownBy(() -> load(Map.of("WAAROM_EXPORT_TRACKER", "trello")))
        .hasMessageContaining("WAAROM_EXPORT_TRACKER").hasMessageContaining("none, jira, github, webhook");
    assertThatThrownBy(() -> load(Map.of("WAAROM_JIRA_API_VERSION", "4")))
        .hasMessageContaining("WAAROM_JIRA_API_VERSION");
  }

  @Test
  void aCompleteGitHubConfigurationIsReadAndItsTokenMaskedInTheLog() {
    Map<String, String> env = Map.of("WAAROM_EXPORT_TRACKER", " GITHUB ",
        "WAAROM_GITHUB_REPO", "acme/support", "WAAROM_GITHUB_TOKEN", "ghp_secret123",
        "WAAROM_GITHUB_API_URL", "https://ghe.example/api/v3/",
        "WAAROM_EXPORT_STATUSES", "Triaged, in_progress", "WAAROM_EXPORT_MIN_COST", "250");

    ExportConfig config = load(env);

    assertThat(config.github()).isEqualTo(
        new ExportConfig.GitHub("https://ghe.example/api/v3", "acme/support", "ghp_secret123"));
    assertThat(config.github().toString()).doesNotContain("ghp_secret123");
    assertThat(config.statuses()).isEqualTo(Set.of("triaged", "in_progress"));
    assertThat(config.minCost()).isEqualTo(250.0);
    assertThat(Config.load(SinkSettings.all(), env).describe())
        .contains("WAAROM_GITHUB_TOKEN=******").doesNotContain("ghp_secret123");
  }

  @Test
  void jiraCloudIsChosenByGivingTheAccountEmail() {
    Map<String, String> base = Map.of("WAAROM_EXPORT_TRACKER", "jira",
        "WAAROM_JIRA_URL", "https://acme.atlassian.net", "WAAROM_JIRA_PROJECT", "OPS",
        "WAAROM_JIRA_TOKEN", "tok");
    assertThat(load(base).jira().cloud()).isFalse();
    java.util.Map<String, String> cloud = new java.util.HashMap<>(base);
    cloud.put("WAAROM_JIRA_USER", "team@acme.example");
    assertThat(load(cloud).jira().cloud()).isTrue();
    assertThat(load(cloud).jira().apiVersion()).isEqualTo(3);
  }
}
