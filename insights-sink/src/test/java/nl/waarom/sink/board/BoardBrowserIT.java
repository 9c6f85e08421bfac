package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import nl.waarom.schemas.Insight;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real browser: headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them when missing) against the real board
 * server on a real embedded PostgreSQL. A spike arrives (written the way the consumer writes it),
 * the item appears without a reload (pushed over Server-Sent Events), and a user triages it,
 * starts it and marks it done on its page; the history records each change with the user's name.
 * Skipped, saying why, only on a machine without Chromium or chromedriver.
 */
class BoardBrowserIT {
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    Optional<Path> chromium = executable("chromium", "chromium-browser", "google-chrome");
    Optional<Path> driver = executable("chromedriver");
    assumeTrue(chromium.isPresent() && driver.isPresent(),
        "no chromium/chromedriver on PATH: install the Debian packages chromium chromium-driver");
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    server = BoardServer.start(0, database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.get().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--window-size=1280,1000",
        "--user-data-dir=" + dataDir.resolve("chrome"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (server != null) {
      server.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aSpikeAppearsLiveAndTheTeamTriagesStartsAndFinishesIt() throws Exception {
    String base = "http://localhost:" + server.port();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/");
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    assertThat(browser.findElements(By.cssSelector("article.item"))).isEmpty();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.__sameDocument = 'yes';");

    Insight spike = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 75, 900.0))
        .setReasonName("Payment problem").build();
    new SinkRepository(database.dataSource()).write(List.of(InsightRow.from(spike)), List.of());

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-spike.payment-problem")));
    assertThat(js.executeScript("return window.__sameDocument")).as("no reload").isEqualTo("yes");
    assertThat(browser.findElement(By.id("item-spike.payment-problem")).getText())
        .contains("Spike: Payment problem").contains("75 contacts");

    browser.findElement(By.linkText("Spike: Payment problem")).click();
    wait.until(ExpectedConditions.textToBe(By.id("status"), "new"));
    browser.findElement(By.id("actor")).sendKeys("anna");
    for (String[] step : new String[][] {{"to-triaged", "triaged"},
        {"to-in_progress", "in_progress"}, {"to-done", "done"}}) {
      // the page swaps its sections in when the server pushes a change: find the button afresh
      wait.ignoring(StaleElementReferenceException.class)
          .until(d -> {
            d.findElement(By.id(step[0])).click();
            return true;
          });
      wait.until(ExpectedConditions.textToBe(By.id("status"), step[1]));
    }
    assertThat(browser.findElement(By.id("action-error")).getText()).isEmpty();
    assertThat(browser.findElement(By.id("history")).getText())
        .contains("anna · status new → triaged", "anna · status triaged → in_progress",
            "anna · status in_progress → done");

    List<BacklogEvent> history = new BacklogQueries(database.dataSource())
        .history("spike.payment-problem");
    assertThat(history).extracting(BacklogEvent::actor, BacklogEvent::toStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("anna", "triaged"),
            org.assertj.core.groups.Tuple.tuple("anna", "in_progress"),
            org.assertj.core.groups.Tuple.tuple("anna", "done"));

    browser.findElement(By.linkText("← board")).click();
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    assertThat(browser.findElement(By.id("item-spike.payment-problem")).getText())
        .contains("status done").doesNotContain("status new");
  }

  private static Optional<Path> executable(String... names) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    return Stream.of(names).flatMap(n -> Stream.of(path.split(java.io.File.pathSeparator))
            .map(dir -> Path.of(dir, n)))
        .filter(Files::isExecutable).findFirst();
  }
}
