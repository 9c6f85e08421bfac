package nl.waarom.sink.board;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.Topics;
import nl.waarom.sink.ContactFixtures;
import nl.waarom.sink.app.SinkApp;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Correcting a contact in a real browser (headless Chromium, as {@link BoardBrowserIT}) against
 * the whole sink on a real broker and PostgreSQL: an editor signed in with a one-time link
 * searches the contacts by a word, opens one, sees its evidence marked, says it is another
 * reason, and sees the correction (source feedback) once the sink has read it back from the
 * corrections topic, where the Correction record carries the editor as its actor. Then she
 * switches to Dutch: the contact page, its reasons' names, the page script's words and her next
 * correction ("none of these") are Dutch, and so are the search page and an unknown contact's page.
 */
class ContactsBrowserIT {
  private static final Topics TOPICS = Topics.withPrefix("cb.");
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String EDITOR = "eva@example.com";

  @TempDir static Path dataDir;
  private static KafkaBroker broker;
  private static SinkApp app;
  private static WebDriver browser;

  @BeforeAll
  static void start() {
    HeadlessChrome.assumeInstalled();
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    app = SinkApp.start(Map.of(
        "WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", "cb.",
        "WAAROM_SINK_PORT", "0",
        "WAAROM_DATA_DIR", dataDir.toString()));
    browser = HeadlessChrome.start(dataDir.resolve("chrome"));
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void anEditorFindsAContactByAWordSeesItsEvidenceAndCorrectsItsReason() throws Exception {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    broker.produce(TOPICS.taxonomy, Map.of(ContactFixtures.VERSION,
        ContactFixtures.taxonomy(now.minusSeconds(60))));
    Contact wanted = ContactFixtures.chat("chat-1001", now.minusSeconds(120),
        "Ik ben dubbel afgeschreven en mijn pakket is te laat");
    Contact other = ContactFixtures.chat("chat-1002", now.minusSeconds(60),
        "Waar blijft mijn pakket");
    broker.produce(TOPICS.contactsChat, Map.of(wanted.getContactId(), wanted,
        other.getContactId(), other));
    broker.produce(TOPICS.classified, Map.of(
        wanted.getContactId(), ContactFixtures.classified(wanted, ContactFixtures.PAYMENT,
            "dubbel afgeschreven"),
        other.getContactId(), ContactFixtures.unexplained(other)));
    await().atMost(WAIT).until(() -> query("SELECT count(*) FROM contacts WHERE turns IS NOT NULL"
        + " AND taxonomy_version IS NOT NULL").equals(List.of("2"))
        && query("SELECT count(*) FROM taxonomy_reasons").equals(List.of("3")));

    String base = "http://localhost:" + app.port();
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(base + app.signInPath(EDITOR));
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR));

    browser.get(base + "/contacts");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-chat-1002")));
    browser.findElement(By.id("q")).sendKeys("afgeschreven");
    browser.findElement(By.id("search")).click();
    wait.until(ExpectedConditions.urlContains("q=afgeschreven"));
    assertThat(browser.findElements(By.cssSelector("#contacts tbody tr")))
        .extracting(e -> e.getAttribute("id")).containsExactly("contact-chat-1001");
    assertThat(browser.findElement(By.id("contact-chat-1001")).getText())
        .contains("Payment problem (rule)");

    browser.findElement(By.cssSelector("#contact-chat-1001 a")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("turn-1")));
    List<WebElement> marks = browser.findElements(By.cssSelector("#turn-1 mark"));
    assertThat(marks).extracting(WebElement::getText).containsExactly("dubbel afgeschreven");
    assertThat(marks.get(0).getAttribute("title")).isEqualTo("Payment problem");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-this")));
    new Select(browser.findElement(By.id("correct-reason"))).selectByVisibleText("Late delivery");
    browser.findElement(By.id("correct-this")).click();

    // the page reloads once the sink has stored the correction it read back from the topic
    wait.until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("li.reason[data-source=FEEDBACK][data-reason=delivery-late]")));
    assertThat(browser.findElement(By.cssSelector("#reasons li.reason")).getText())
        .startsWith("Late delivery delivery-late · 100% · source feedback");
    assertThat(browser.findElement(By.id("corrections")).getText())
        .contains(EDITOR + " · Payment problem → Late delivery · taxonomy "
            + ContactFixtures.VERSION);
    assertThat(browser.findElement(By.id("correct-error")).getText()).isEmpty();

    Correction onTopic = correctionOf("chat-1001");
    assertThat(onTopic.getActor()).isEqualTo(EDITOR);
    assertThat(onTopic.getReasonId()).isEqualTo(ContactFixtures.DELIVERY);
    assertThat(onTopic.getPreviousReasonId()).isEqualTo(ContactFixtures.PAYMENT);
    assertThat(onTopic.getText()).isEqualTo(
        "Ik ben dubbel afgeschreven en mijn pakket is te laat");

    walkInDutch(base, wait);
  }

  /** The same contact in Dutch: its page, a correction through the page script, the search. */
  private static void walkInDutch(String base, WebDriverWait wait) {
    browser.findElement(By.id("lang-nl")).click();
    wait.until(ExpectedConditions.textToBe(By.cssSelector("#reasons h2"), "Redenen"));
    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("nl");
    assertThat(browser.findElement(By.id("contact-meta")).getText()).startsWith("chat · ")
        .contains(" · wachtrij betalen · taal nl · ").contains(" · taxonomie ");
    assertThat(browser.findElement(By.cssSelector("#reasons li.reason")).getText())
        .startsWith("Levering te laat delivery-late · 100% · bron correctie");
    assertThat(browser.findElement(By.id("corrections")).getText()).startsWith("Correcties")
        .contains(EDITOR + " · Betaalprobleem → Levering te laat · taxonomie "
            + ContactFixtures.VERSION);
    // the page script's words come from the page: the signed-in line is Dutch too
    wait.until(ExpectedConditions.textToBe(By.id("who-name"), EDITOR));
    assertThat(browser.findElement(By.id("who")).getText())
        .startsWith("aangemeld als " + EDITOR + " (redacteur)");
    assertThat(browser.findElement(By.id("nav-contacts")).getText()).isEqualTo("Contacten");

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("correct-none")));
    assertThat(browser.findElement(By.id("correct-section")).getText()).contains("Corrigeren")
        .contains("Dit contact gaat over").contains("Dit is de reden");
    assertThat(new Select(browser.findElement(By.id("correct-reason"))).getOptions())
        .extracting(WebElement::getText).contains("Betaalprobleem", "Levering te laat");
    browser.findElement(By.id("correct-none")).click();
    wait.until(ExpectedConditions.textToBe(By.id("unexplained"),
        "Onverklaard: geen van de redenen uit de taxonomie."));
    assertThat(browser.findElement(By.id("corrections")).getText())
        .contains(EDITOR + " · Levering te laat → geen van deze · taxonomie ");
    assertThat(browser.findElement(By.id("correct-error")).getText()).isEmpty();

    browser.get(base + "/contacts"); // the choice is remembered
    wait.until(ExpectedConditions.presenceOfElementLocated(By.id("contact-chat-1001")));
    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Contacten");
    assertThat(browser.findElement(By.cssSelector("#contacts thead")).getText())
        .isEqualTo("Wanneer Kanaal Reden Woorden");
    assertThat(browser.findElement(By.id("contact-chat-1001")).getText()).contains("onverklaard");
    assertThat(new Select(browser.findElement(By.id("reason"))).getOptions())
        .extracting(WebElement::getText).contains("alle", "Betaalprobleem", "onverklaard");
    assertThat(browser.findElement(By.id("search")).getText()).isEqualTo("Zoeken");

    browser.get(base + "/contacts/no-such-contact");
    assertThat(browser.findElement(By.tagName("h1")).getText())
        .isEqualTo("Geen contact no-such-contact");
  }

  private static Correction correctionOf(String contactId) {
    try (KafkaConsumer<String, Correction> consumer = broker.consumer(TOPICS.corrections)) {
      List<ConsumerRecord<String, Correction>> seen = KafkaBroker.pollAtLeast(consumer, 1, WAIT);
      assertThat(seen).extracting(ConsumerRecord::key).containsExactly(contactId);
      return seen.get(0).value();
    }
  }

  private static List<String> query(String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(app.jdbcUrl());
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

}
