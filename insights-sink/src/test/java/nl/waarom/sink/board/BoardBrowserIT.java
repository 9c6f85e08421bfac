package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Insight;
import nl.waarom.schemas.ReasonTrend;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.access.AccessSettings;
import nl.waarom.sink.Fixtures;
import nl.waarom.sink.db.BacklogEvent;
import nl.waarom.sink.backlog.BacklogQueries;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.consume.SinkRepository;
import nl.waarom.sink.db.Database;
import nl.waarom.sink.db.InsightRow;
import nl.waarom.sink.db.TrendRow;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The board in a real browser: headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}; {@code .ci/run} installs them when missing) against the real board
 * server on a real embedded PostgreSQL, and a real OpenID Connect provider in the test JVM
 * (mock-oauth2-server, with its interactive sign-in page). The user opens the board, is sent to the
 * provider, signs in there as an editor and comes back signed in; a spike arrives (written the way
 * the consumer writes it), the item appears without a reload (pushed over Server-Sent Events), and
 * the user triages it, starts it and marks it done on its page; the history records each change
 * with the signed-in identity. Skipped, saying why, only on a machine without Chromium or
 * chromedriver.
 */
class BoardBrowserIT {
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static WebDriver browser;
  private static MockOAuth2Server provider;
  private static final String EMAIL = "anna@example.com";

  @BeforeAll
  static void start() {
    HeadlessChrome.assumeInstalled();
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    provider = new MockOAuth2Server(new OAuth2Config(true));
    provider.start();
    Access access = Access.create(AccessConfig.from(Config.load(AccessSettings.all(), Map.of(
        AccessSettings.OIDC_ISSUER.env(), provider.issuerUrl("company").toString(),
        AccessSettings.OIDC_CLIENT_ID.env(), "waarom-board",
        AccessSettings.OIDC_CLIENT_SECRET.env(), "board-secret"))), Clock.systemUTC(),
        BoardServer.LOOPBACK, database.dataSource());
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0), access, database.dataSource(),
        Clock.systemUTC(), Ranking.defaults(), new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
        () -> true, () -> true);
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
    if (provider != null) {
      provider.shutdown();
    }
    if (database != null) {
      database.close();
    }
  }

  @Test
  void aSignedInEditorSeesASpikeArriveLiveAndTriagesStartsAndFinishesIt() throws Exception {
    String base = "http://localhost:" + server.port();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/");
    // not signed in: the board sends the browser to the provider's sign-in page
    wait.until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
    assertThat(browser.getCurrentUrl()).startsWith(provider.baseUrl().toString());
    browser.findElement(By.name("username")).sendKeys("anna");
    browser.findElement(By.name("claims")).sendKeys(
        "{\"email\": \"" + EMAIL + "\", \"groups\": [\"waarom-editors\"]}");
    browser.findElement(By.cssSelector("input[type=submit]")).click();
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    assertThat(browser.getCurrentUrl()).isEqualTo(base + "/");
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EMAIL));
    assertThat(browser.findElement(By.id("who")).getText()).contains("(editor)");
    assertThat(browser.findElements(By.cssSelector("article.item"))).isEmpty();
    JavascriptExecutor js = (JavascriptExecutor) browser;
    js.executeScript("window.__sameDocument = 'yes';");

    Insight spike = Insight.newBuilder(Fixtures.spike("payment-problem", Fixtures.T0, 75, 900.0))
        .setReasonName("Payment problem").build();
    ReasonTrend minute = Fixtures.trend("payment-problem", Channel.CHAT, Fixtures.T0, 75);
    minute.setSentimentCount(60);
    minute.setNegativeCount(15);
    new SinkRepository(database.dataSource()).write(List.of(InsightRow.from(spike)),
        List.of(TrendRow.from(minute)));

    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("item-spike.payment-problem")));
    assertThat(js.executeScript("return window.__sameDocument")).as("no reload").isEqualTo("yes");
    // the live sections are swapped in when the server pushes a change: read them afresh
    String item = wait.ignoring(StaleElementReferenceException.class)
        .until((WebDriver d) -> d.findElement(By.id("item-spike.payment-problem")).getText());
    assertThat(item).contains("Spike: Payment problem").contains("75 contacts");
    // the top reasons show the reason's share of negative contacts: 15 of the 60 with a sentiment
    wait.until(ExpectedConditions.textMatches(By.id("top-reasons"),
        java.util.regex.Pattern.compile("payment-problem 75 75 0 0 25 %")));

    wait.ignoring(StaleElementReferenceException.class).until(d -> {
      d.findElement(By.linkText("Spike: Payment problem")).click();
      return true;
    });
    wait.until(ExpectedConditions.textToBe(By.id("status"), "new"));
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
        .contains(EMAIL + " · status new → triaged", EMAIL + " · status triaged → in_progress",
            EMAIL + " · status in_progress → done");

    List<BacklogEvent> history = new BacklogQueries(database.dataSource())
        .history("spike.payment-problem");
    assertThat(history).extracting(BacklogEvent::actor, BacklogEvent::toStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(EMAIL, "triaged"),
            org.assertj.core.groups.Tuple.tuple(EMAIL, "in_progress"),
            org.assertj.core.groups.Tuple.tuple(EMAIL, "done"));

    browser.findElement(By.linkText("← board")).click();
    wait.until(ExpectedConditions.textToBe(By.id("live"), "live"));
    String done = wait.ignoring(StaleElementReferenceException.class)
        .until((WebDriver d) -> d.findElement(By.id("item-spike.payment-problem")).getText());
    assertThat(done).contains("status done").doesNotContain("status new");
  }

}
