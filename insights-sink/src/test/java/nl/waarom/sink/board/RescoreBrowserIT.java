package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import nl.waarom.analyzer.classify.ClassifierRecipe;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.repeats.rule.RepeatRule;
import nl.waarom.platform.Config;
import nl.waarom.sink.RescoreFixtures;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.AccessSettings;
import nl.waarom.sink.access.Identity;
import nl.waarom.sink.access.Role;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.rescore.Rescorer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Re-scoring from the explore page in a real browser (headless Chromium) against the board server
 * and the re-score job on a real embedded PostgreSQL ({@link RescoreFixtures}): an editor signed
 * in with a one-time link sees that last week's figures come from an older taxonomy version,
 * presses "re-score", and the page reloads by itself once the job is done, now saying the figures
 * are re-scored under the version in force (in Dutch too), with payment problems where there were
 * unexplained contacts. Skipped, saying why, only on a machine without Chromium or chromedriver.
 */
class RescoreBrowserIT {
  private static final String EDITOR = "eva@example.com";

  @TempDir static Path dataDir;
  private static Database database;
  private static Access access;
  private static BoardServer server;
  private static Rescorer job;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChrome.assumeInstalled();
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    RescoreFixtures.seed(database);
    Clock clock = Clock.fixed(RescoreFixtures.NOW, ZoneOffset.UTC);
    access = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of())),
        Clock.systemUTC(), BoardServer.LOOPBACK, database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access,
        database.dataSource(), clock, Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true);
    job = new Rescorer(database.dataSource(), row -> ClassifierRecipe.DEFAULT.compile(
        new TaxonomyDocument("taxonomy " + row.version(), row.yaml())),
        new RepeatRule(Duration.ofDays(7), Duration.ofMinutes(15)), Duration.ofMillis(500), clock,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    job.start(() -> true);
    browser = HeadlessChrome.start(dataDir.resolve("chrome"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (job != null) {
      job.close();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void anEditorReScoresLastWeekFromTheExplorePage() {
    String base = "http://localhost:" + server.port();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(base + Access.LINK_PATH
        + access.issueSignInLink(new Identity(EDITOR, Role.EDITOR, "link")));
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR));

    browser.get(base + "/explore?period=7d&lang=en");
    assertThat(browser.findElement(By.id("figures-classified")).getText())
        .contains(RescoreFixtures.OLD);
    assertThat(browser.findElement(By.id("figures-mixed")).getText()).contains("in force");
    assertThat(browser.findElements(By.id("reason-payment-problem"))).isEmpty();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rescore"))).click();

    // the job runs it; the page reloads by itself when it is done
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures-rescored")));
    assertThat(browser.findElement(By.id("figures-rescored")).getText())
        .contains("re-scored under taxonomy version").contains(EDITOR);
    assertThat(browser.findElement(By.cssSelector("#reason-payment-problem"))
        .getText()).contains("Payment problem");

    browser.findElement(By.id("lang-nl")).click();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("figures-rescored"),
        "opnieuw berekend"));
    browser.findElement(By.id("figures-as-classified")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures-classified")));
    assertThat(browser.getCurrentUrl()).contains("figures=classified");
    assertThat(browser.findElements(By.id("reason-payment-problem"))).isEmpty();
  }
}
