package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import nl.waarom.sink.access.Access;
import nl.waarom.sink.access.AccessConfig;
import nl.waarom.sink.backlog.Ranking;
import nl.waarom.sink.db.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workspace in a real browser: headless Chromium against the real board server on a real
 * embedded PostgreSQL, seeded with plain SQL the way the sink stores trends, the taxonomy in force
 * and the contacts of the retention window. The user explores the last 7 days against the 7
 * before, switches to Dutch (and stays in Dutch on the next page), filters by a queue (counted
 * from the contacts kept), drills into a reason, changes
 * the chart's resolution and follows an example contact to its page. Skipped, saying why, only on
 * a machine without Chromium or chromedriver.
 */
class ExploreBrowserIT {
  /** The board's "now": 2026-11-24 12:30 UTC, so 7 days are 11-17 13:00 up to 11-24 13:00. */
  private static final Instant NOW = Instant.parse("2026-11-24T12:30:00Z");
  @TempDir static Path dataDir;
  private static Database database;
  private static BoardServer server;
  private static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    HeadlessChrome.assumeInstalled();
    database = Database.open(new Database.Options("", "", "", dataDir.resolve("postgres"), 0, 4));
    seed();
    server = BoardServer.start(BoardServer.Listen.plain(BoardServer.LOOPBACK, 0),
        Access.create(AccessConfig.none(), Clock.systemUTC(), BoardServer.LOOPBACK,
            database.dataSource()),
        database.dataSource(), Clock.fixed(NOW, ZoneOffset.UTC), Ranking.defaults(),
        new Money(0.9, Money.parseCurrency("EUR")),
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
  void exploresAWeekSwitchesToDutchDrillsIntoAReasonAndFollowsAnExampleContact() {
    String base = "http://localhost:" + server.port();
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    browser.get(base + "/");
    browser.findElement(By.id("nav-explore")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("overview")));
    new Select(browser.findElement(By.id("period-select"))).selectByValue("7d");
    browser.findElement(By.id("show")).click();
    wait.until(ExpectedConditions.urlContains("period=7d"));

    // 90 payment-problem contacts this week against 60 the week before; billing adds up its two
    // reasons (100 against 80); 10 of the 110 contacts are unexplained.
    assertThat(cell("reason-payment-problem", "contacts")).isEqualTo("90");
    assertThat(cell("reason-payment-problem", "previous")).isEqualTo("60");
    assertThat(cell("reason-payment-problem", "change")).isEqualTo("+30");
    assertThat(cell("reason-payment-problem", "change-pct")).isEqualTo("+50 %");
    assertThat(cell("reason-payment-problem", "handle")).isEqualTo("6.0 min");
    assertThat(cell("reason-payment-problem", "cost")).isEqualTo("€324"); // 60 × 6 min × €0.90
    assertThat(cell("reason-payment-problem", "repeats")).isEqualTo("10 %");
    assertThat(cell("reason-payment-problem", "negative")).isEqualTo("25 %");
    assertThat(cell("reason-payment-problem", "callbacks")).isEqualTo("20 %"); // 18 of 90
    assertThat(cell("group-billing", "callbacks")).isEqualTo("25 %"); // 18 + 7 of 100
    assertThat(browser.findElement(By.cssSelector("#overview thead")).getText())
        .contains("Callback requests");
    assertThat(cell("group-billing", "contacts")).isEqualTo("100");
    assertThat(cell("group-billing", "previous")).isEqualTo("80");
    assertThat(browser.findElement(By.id("group-billing")).getText())
        .startsWith("Billing and payments");
    assertThat(browser.findElement(By.id("explained-share")).getText()).isEqualTo("91 %");
    assertThat(browser.findElement(By.id("overview")).getText()).doesNotContain("payment-problem")
        .contains("Payment problem");

    browser.findElement(By.id("lang-nl")).click();
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Verkennen"));
    assertThat(browser.findElement(By.id("group-billing")).getText())
        .startsWith("Facturen en betalen");
    assertThat(cell("reason-payment-problem", "change-pct")).isEqualTo("+50 %");
    assertThat(browser.findElement(By.cssSelector("#overview thead")).getText())
        .contains("Terugbelverzoeken");
    // a queue is only on the contacts kept: counted from them, and the page says so
    browser.get(base + "/explore?period=7d&queue=betalen");
    assertThat(browser.findElement(By.id("queue-note")).getText()).contains("betalen")
        .contains("2026-11-20 09:01");
    assertThat(cell("reason-payment-problem", "contacts")).isEqualTo("4");
    assertThat(cell("reason-debt-collection", "contacts")).isEqualTo("4");
    assertThat(cell("reason-payment-problem", "callbacks")).isEqualTo("50 %"); // 2 of the 4
    assertThat(cell("reason-debt-collection", "callbacks")).isEqualTo("0 %");
    assertThat(browser.findElement(By.id("explained-share")).getText()).isEqualTo("100 %");
    browser.get(base + "/explore?period=7d&channel=CHAT"); // the choice is remembered
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Verkennen");
    assertThat(cell("reason-payment-problem", "contacts")).isEqualTo("80"); // 10 were calls

    browser.findElement(By.linkText("Betaling lukt niet")).click();
    wait.until(ExpectedConditions.textToBe(By.id("reason-name"), "Betaling lukt niet"));
    assertThat(browser.getCurrentUrl()).contains("/reasons/payment-problem?period=7d")
        .contains("channel=CHAT");
    assertThat(browser.findElement(By.id("figures")).getText()).contains("Terugbelverzoeken");
    assertThat(browser.findElement(By.id("callbacks")).getText()).isEqualTo("19 %"); // 15 of 80
    assertThat(browser.findElement(By.id("words")).getText()).contains("betaallink");
    assertThat(browser.findElement(By.id("words")).getText()).doesNotContain("factuur");
    assertThat(browser.findElement(By.id("attributes")).getText())
        .contains("campaign=winter-mail");
    assertThat(browser.findElement(By.id("definition")).getText()).contains("betaallink*")
        .contains("de betaallink in jullie mail werkt niet");
    assertThat(browser.findElements(By.cssSelector("#trend svg polyline.volume"))).hasSize(1);
    browser.findElement(By.id("resolution-day")).click();
    wait.until(ExpectedConditions.urlContains("resolution=day"));
    // one day of chat contacts in the week: a dot with its value, not an empty box
    assertThat(browser.findElements(By.cssSelector("#trend svg circle.volume"))).hasSize(1);
    assertThat(browser.getPageSource()).contains(">80</text>").contains("nog maar één venster");
    assertThat(browser.findElements(By.cssSelector("#examples mark"))).isNotEmpty();

    browser.findElement(By.linkText("chat-p4")).click();
    wait.until(ExpectedConditions.urlToBe(base + "/contacts/chat-p4"));
    assertThat(browser.findElements(By.id("callback-requested"))).isEmpty();
    browser.get(base + "/contacts/chat-p1");
    assertThat(browser.findElement(By.id("callback-requested")).getText())
        .isEqualTo("the customer asked to be called back");
  }

  private static String cell(String rowId, String column) {
    return browser.findElement(By.cssSelector("#" + rowId + " td." + column)).getText();
  }

  /**
   * The taxonomy in force (the shipped one) with three of its reasons; 60-minute trend rows in
   * this week and the week before; eight classified contacts this week.
   */
  private static void seed() throws Exception {
    String yaml;
    try (InputStream in = ExploreBrowserIT.class.getResourceAsStream("/taxonomy/default.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = database.dataSource().getConnection()) {
      update(c, "INSERT INTO taxonomy_versions (version, published_at, sha256, yaml)"
          + " VALUES ('2026.12-1', ?, 'x', ?)", Timestamp.from(NOW.minusSeconds(86_400 * 30)), yaml);
      update(c, "INSERT INTO taxonomy_reasons (version, reason_id, name_nl, name_en, parent,"
          + " preventability, owner, position) VALUES"
          + " ('2026.12-1', 'billing', 'Facturen en betalen', 'Billing and payments', NULL,"
          + "  'SELF_SERVICE', 'billing', 0),"
          + " ('2026.12-1', 'payment-problem', 'Betaling lukt niet', 'Payment problem', 'billing',"
          + "  'PREVENT', 'payments', 1),"
          + " ('2026.12-1', 'debt-collection', 'Aanmaning en incassobureau',"
          + "  'Reminder and debt collection', 'billing', 'PREVENT', 'billing', 2)");
      Instant day = Instant.parse("2026-11-20T09:00:00Z");
      Instant weekBefore = Instant.parse("2026-11-12T09:00:00Z");
      trend(c, "payment-problem", "CHAT", day, 50, 40, 40 * 6, 5, 40, 10, 10);
      trend(c, "payment-problem", "CHAT", day.plusSeconds(3600), 30, 20, 20 * 6, 3, 40, 10, 5);
      trend(c, "payment-problem", "CALL", day, 10, 0, 0, 1, 0, 0, 3);
      trend(c, "debt-collection", "EMAIL", day, 10, 0, 0, 0, 0, 0, 7);
      trend(c, "unexplained", "CHAT", day, 10, 0, 0, 0, 0, 0, 0);
      trend(c, "payment-problem", "CHAT", weekBefore, 60, 0, 0, 0, 0, 0, 30);
      trend(c, "debt-collection", "EMAIL", weekBefore, 20, 0, 0, 0, 0, 0, 0);
      trend(c, "payment-problem", "CHAT", Instant.parse("2026-11-05T09:00:00Z"), 999, 0, 0, 0, 0,
          0, 999); // two weeks before: in neither period
      for (int i = 1; i <= 4; i++) {
        contact(c, "chat-p" + i, "payment-problem", day.plusSeconds(60L * i),
            "[\"betaallink\", \"werkt niet\", \"bedankt\"]", "{\"campaign\": \"winter-mail\"}",
            "de betaallink werkt niet, bedankt", i <= 2);
        contact(c, "chat-o" + i, "debt-collection", day.plusSeconds(60L * i + 30),
            "[\"factuur\", \"aanmaning\", \"bedankt\"]", "{}", "ik kreeg een aanmaning", false);
      }
    }
  }

  private static void trend(Connection c, String reason, String channel, Instant start,
      long count, long handleCount, long handleMinutes, long repeats, long sentiment,
      long negative, long callbacks) throws Exception {
    update(c, "INSERT INTO reason_trends (reason_id, channel, window_minutes, window_start,"
            + " window_end, count, handle_count, handle_millis_total, repeat_count, baseline,"
            + " sentiment_count, negative_count, callback_count)"
            + " VALUES (?, ?, 60, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        reason, channel, Timestamp.from(start), Timestamp.from(start.plusSeconds(3600)), count,
        handleCount, handleMinutes * 60_000, repeats, 12.5, sentiment, negative, callbacks);
  }

  private static void contact(Connection c, String id, String reason, Instant at, String terms,
      String attributes, String text, boolean callback) throws Exception {
    update(c, "INSERT INTO contacts (contact_id, channel, occurred_at, queue, attributes,"
            + " search_text, taxonomy_version, primary_reason_id, reasons, terms,"
            + " callback_requested) VALUES"
            + " (?, 'CHAT', ?, 'betalen', ?::jsonb, ?, '2026.12-1', ?, ?::jsonb, ?::jsonb, ?)",
        id, Timestamp.from(at), attributes, text, reason,
        "[{\"reasonId\": \"" + reason + "\", \"confidence\": 1.0, \"source\": \"RULE\","
            + " \"evidence\": [{\"term\": \"betaallink\", \"turnIndex\": 0, \"start\": 3,"
            + " \"end\": 13}]}]", terms, callback);
  }

  private static void update(Connection c, String sql, Object... args) throws Exception {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      s.executeUpdate();
    }
  }

}
