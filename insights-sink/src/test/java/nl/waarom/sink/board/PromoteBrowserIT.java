package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.sink.DraftFixtures;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.AccessSettings;
import nl.waarom.sink.access.Identity;
import nl.waarom.sink.access.Role;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Promoting an emerging reason through the backtest of its drafted rule, in a real browser
 * (headless Chromium, as {@link BoardBrowserIT}) against the board server on a real embedded
 * PostgreSQL: an editor signed in with a one-time link opens the item, follows "backtest the
 * drafted rule", reads what the rule would take (with an example contact it takes from another
 * reason), promotes it there, and is back on the item page, triaged, with the draft in its history.
 * In Dutch, the item page and the backtest say the same in Dutch, reasons by their Dutch names.
 */
class PromoteBrowserIT {
  private static final String EDITOR = "eva@example.com";

  @TempDir static Path dataDir;
  private static Database database;
  private static Access access;
  private static BoardServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    HeadlessChrome.assumeInstalled();
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    access = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of())),
        Clock.systemUTC(), BoardServer.LOOPBACK, database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access,
        database.dataSource(), Clock.systemUTC(), Ranking.defaults(),
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), () -> true, () -> true);
    browser = HeadlessChrome.start(dataDir.resolve("chrome"));
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
  void anEditorPromotesAnEmergingReasonAfterSeeingTheBacktestOfItsDraftedRule() throws Exception {
    String itemId = DraftFixtures.emergingReason(database);
    DraftFixtures.taxonomyAndContacts(database,
        Instant.now().truncatedTo(ChronoUnit.SECONDS));
    String base = "http://localhost:" + server.port();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(base + Access.LINK_PATH
        + access.issueSignInLink(new Identity(EDITOR, Role.EDITOR, "link")));
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR));

    browser.get(base + "/items/" + itemId);
    // the live part of the page may be redrawn under the click: find the link again then
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.id("backtest-draft")).click();
      return true;
    });

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
    assertThat(browser.getCurrentUrl()).endsWith("/items/" + itemId + "/backtest");
    assertThat(browser.findElement(By.id("contacts")).getText()).startsWith("4 ");
    assertThat(browser.findElement(By.id("taken")).getText()).isEqualTo("3");
    assertThat(browser.findElement(By.id("from-unexplained")).getText()).isEqualTo("2");
    assertThat(browser.findElement(By.id("explained")).getText()).isEqualTo("50.0% → 100.0%");
    assertThat(browser.findElement(By.cssSelector("#from-reasons li.flip")).getText())
        .startsWith("Payment problem → new reason thermostaat-koppelen: 1");
    browser.findElement(By.cssSelector("#from-reasons a[href='/contacts/chat-3']"));

    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR)); // CSRF token loaded
    browser.findElement(By.id("promote")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/items/" + itemId));
    wait.until(ExpectedConditions.textToBe(By.id("status"), "triaged"));
    assertThat(browser.findElement(By.cssSelector("pre.draft")).getText())
        .contains("id: thermostaat-koppelen").contains("'" + DraftFixtures.RULE + "'");

    // the same item and its backtest in Dutch, down to the page script's words
    browser.get(base + "/items/" + itemId + "?lang=nl");
    wait.until(ExpectedConditions.textToBe(By.id("status"), "getrieerd"));
    assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Nieuwe reden: ");
    // the live part of the page may be redrawn while it is read: read it with the wait
    wait.ignoring(StaleElementReferenceException.class).until(d -> d.findElement(By.id("history"))
        .getText().contains(EDITOR + " · opgenomen in de taxonomie nieuw → getrieerd"));
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR));
    assertThat(browser.findElement(By.id("who")).getText())
        .startsWith("aangemeld als " + EDITOR + " (redacteur)");
    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.id("backtest-draft")).click(); // the live part may be redrawn meanwhile
      return true;
    });
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("figures")));
    assertThat(browser.findElement(By.id("explained")).getText()).isEqualTo("50,0% → 100,0%");
    assertThat(browser.findElement(By.cssSelector("#from-reasons li.flip")).getText())
        .startsWith("Betaling lukt niet → nieuwe reden thermostaat-koppelen: 1");
    assertThat(browser.findElement(By.id("promote")).getText())
        .isEqualTo("Opnemen in de taxonomie");
  }

}
