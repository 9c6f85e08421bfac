package nl.waarom.ingest.connect.imap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import nl.waarom.ingest.TopicRecords;
import nl.waarom.ingest.connect.ConnectWorker;
import nl.waarom.ingest.privacy.Pseudonymizer;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.DeadLetter;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * IMAP connector end to end with real parts: a GreenMail IMAP server in the test JVM, a real
 * distributed Kafka Connect worker with exactly-once source support enabled (records and offsets
 * in one transaction; the consumers read committed) and the embedded Kafka broker. Mail goes into two folders over
 * IMAP APPEND; the worker is stopped in the middle, more mail arrives, the worker restarts from
 * its committed offsets; every message must then be in the topic exactly once, a malformed one in
 * the dlq, and the rest must have gone on. Finally the server renumbers a folder (new UIDVALIDITY)
 * and mail with UIDs below the committed one is still read.
 */
class ImapConnectorIT {
  private static final String USER = "support@waarom.test";
  private static final String PASSWORD = "s3cret";
  private static final String SECRET = "it-secret";
  private static final Topics TOPICS = Topics.defaults();
  private static KafkaBroker broker;
  private static GreenMail mail;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 1);
    mail = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
    mail.start();
    mail.setUser(USER, USER, PASSWORD);
  }

  @AfterAll
  static void stop() {
    if (mail != null) {
      mail.stop();
    }
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void everyMessageOnceAcrossAWorkerRestartAndTheMalformedOneDeadLettered() throws Exception {
    TopicRecords topics = new TopicRecords(broker);
    Map<TopicPartition, Long> before = topics.snapshot(List.of(TOPICS.contactsEmail, TOPICS.deadLetters));
    createFolder("Klachten");
    for (int i = 1; i <= 5; i++) {
      append("INBOX", plain(i, "klant" + i + "@example.nl", "Vraag " + i,
          "Mijn IBAN is NL91ABNA0417164300, bel me op 06-12345678.\n\n"
              + "Met vriendelijke groet,\nKlant " + i + "\n06-12345678\n"));
    }
    append("INBOX", MALFORMED);
    append("Klachten", reply(6));
    append("Klachten", html(7));
    Map<String, String> config = connectorConfig();

    try (ConnectWorker worker = ConnectWorker.exactlyOnce(broker.bootstrapServers(), "imap-it")) {
      worker.putConnector("imap", config);
      awaitContacts(topics, before, 7);
    }
    for (int i = 8; i <= 10; i++) {
      append("INBOX", plain(i, "klant" + i + "@example.nl", "Vraag " + i, "Bericht " + i));
    }
    append("Klachten", plain(11, "boos@example.nl", "Klacht", "Nog steeds niets gehoord."));
    try (ConnectWorker worker = ConnectWorker.exactlyOnce(broker.bootstrapServers(), "imap-it")) {
      worker.putConnector("imap", config);
      awaitContacts(topics, before, 11);
      // the server renumbers Klachten (new UIDVALIDITY): its new first message has UID 1, below
      // the committed UID, and must still be read
      recreateFolderWithNewUidValidity("Klachten");
      append("Klachten", plain(12, "nieuw@example.nl", "Opnieuw", "Na het hernummeren."));
      awaitContacts(topics, before, 12);
    }

    List<Contact> contacts = topics.since(TOPICS.contactsEmail, before).stream()
        .map(ConsumerRecord::value).toList();
    List<String> ids = contacts.stream().map(Contact::getContactId).toList();
    assertThat(ids).hasSize(12).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 12).mapToObj(i -> "m" + i + "@example.nl").toList());
    Map<String, Contact> byId = contacts.stream()
        .collect(Collectors.toMap(Contact::getContactId, Function.identity()));

    Contact first = byId.get("m1@example.nl");
    assertThat(first.getChannel()).isEqualTo(Channel.EMAIL);
    assertThat(first.getCustomerKey()).isEqualTo(new Pseudonymizer(SECRET).keyFor("klant1@example.nl"));
    assertThat(first.getOccurredAt()).isEqualTo(Instant.parse("2026-11-20T09:01:00Z"));
    assertThat(first.getSubject()).isEqualTo("Vraag 1");
    assertThat(first.getLanguage()).isEqualTo("nl");
    assertThat(first.getTurns()).hasSize(1);
    assertThat(first.getTurns().get(0).getText())
        .isEqualTo("Mijn IBAN is [IBAN], bel me op [PHONE].");
    assertThat(first.getAttributes()).containsEntry("folder", "INBOX")
        .containsEntry("threadId", "m1@example.nl").containsEntry("source", "imap");

    Contact reply = byId.get("m6@example.nl");
    assertThat(reply.getTurns().get(0).getText())
        .isEqualTo("Het pakket is nog steeds niet bezorgd.");
    assertThat(reply.getAttributes()).containsEntry("threadId", "root@waarom.test")
        .containsEntry("folder", "Klachten");
    assertThat(byId.get("m7@example.nl").getTurns().get(0).getText())
        .isEqualTo("Ik wil mijn abonnement opzeggen.\n\nMijn mail: [EMAIL]");

    List<DeadLetter> dead = topics.since(TOPICS.deadLetters, before).stream()
        .map(ConsumerRecord::value).toList();
    assertThat(dead).hasSize(1);
    DeadLetter letter = dead.get(0);
    assertThat(letter.getSource()).isEqualTo("imap-connector");
    assertThat(letter.getRequest()).isEqualTo("INBOX/6");
    assertThat(letter.getError()).contains("cannot parse the message");
    assertThat(StandardCharsets.UTF_8.decode(letter.getValue()).toString())
        .contains("Subject: Kapot bericht").contains("Message-ID: <bad@example.nl>");
  }

  private void awaitContacts(TopicRecords topics, Map<TopicPartition, Long> before, int distinct) {
    Awaitility.await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(300))
        .until(() -> topics.since(TOPICS.contactsEmail, before).stream()
            .map(r -> r.value().getContactId()).distinct().count() >= distinct);
  }

  private Map<String, String> connectorConfig() {
    Map<String, String> c = new HashMap<>();
    c.put("connector.class", WaaromImapSourceConnector.class.getName());
    c.put("tasks.max", "2");
    c.put("imap.host", "127.0.0.1");
    c.put("imap.port", Integer.toString(mail.getImap().getPort()));
    c.put("imap.tls", "none");
    c.put("imap.user", USER);
    c.put("imap.password", PASSWORD);
    c.put("imap.folders", "INBOX,Klachten");
    c.put("imap.poll.interval.ms", "200");
    c.put("pseudonym.secret", SECRET);
    c.put("language", "nl");
    c.put("exactly.once.support", "required"); // the worker refuses the connector otherwise
    return c;
  }

  private static Store client() throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", mail.getImap().getPort(), USER, PASSWORD);
    return store;
  }

  private static void createFolder(String name) throws Exception {
    try (Store store = client()) {
      Folder f = store.getFolder(name);
      if (!f.exists()) {
        f.create(Folder.HOLDS_MESSAGES);
      }
    }
  }

  /** Deletes and recreates a folder; GreenMail's UIDVALIDITY is in seconds, so a second passes. */
  private static void recreateFolderWithNewUidValidity(String name) throws Exception {
    try (Store store = client()) {
      Folder f = store.getFolder(name);
      long old;
      f.open(Folder.READ_ONLY);
      old = ((jakarta.mail.UIDFolder) f).getUIDValidity();
      f.close(false);
      f.delete(true);
      Awaitility.await().pollInterval(Duration.ofMillis(100))
          .until(() -> Instant.now().getEpochSecond() > old);
      f.create(Folder.HOLDS_MESSAGES);
      f.open(Folder.READ_ONLY);
      assertThat(((jakarta.mail.UIDFolder) f).getUIDValidity()).isNotEqualTo(old);
      f.close(false);
    }
  }

  /** Appends a raw RFC 822 message over IMAP, as a mail server's delivery would. */
  private static void append(String folder, String raw) throws Exception {
    try (Store store = client()) {
      Folder f = store.getFolder(folder);
      f.open(Folder.READ_WRITE);
      MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
          new ByteArrayInputStream(raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));
      f.appendMessages(new Message[] {m});
      f.close(false);
    }
  }

  private static String plain(int n, String from, String subject, String body) {
    return "From: Klant <" + from + ">\nTo: " + USER + "\nSubject: " + subject + "\n"
        + "Date: Fri, 20 Nov 2026 10:" + String.format("%02d", n) + ":00 +0100\n"
        + "Message-ID: <m" + n + "@example.nl>\nMIME-Version: 1.0\n"
        + "Content-Type: text/plain; charset=UTF-8\n\n" + body + "\n";
  }

  private static String reply(int n) {
    return "From: klant6@example.nl\nTo: " + USER + "\nSubject: Re: Bezorging\n"
        + "Date: Fri, 20 Nov 2026 11:00:00 +0100\nMessage-ID: <m" + n + "@example.nl>\n"
        + "In-Reply-To: <prev@waarom.test>\nReferences: <root@waarom.test> <prev@waarom.test>\n"
        + "Content-Type: text/plain; charset=UTF-8\n\n"
        + "Het pakket is nog steeds niet bezorgd.\n\n-- \nJan Jansen\n\n"
        + "Op do 19 nov. 2026 om 16:00 schreef Klantenservice <" + USER + ">:\n"
        + "> Uw pakket komt morgen.\n";
  }

  private static String html(int n) {
    return "From: klant7@example.nl\nTo: " + USER + "\nSubject: Opzeggen\n"
        + "Date: Fri, 20 Nov 2026 12:00:00 +0100\nMessage-ID: <m" + n + "@example.nl>\n"
        + "MIME-Version: 1.0\nContent-Type: text/html; charset=UTF-8\n\n"
        + "<html><head><style>p{}</style></head><body><p>Ik wil mijn abonnement opzeggen.</p>"
        + "<p>Mijn mail: klant7@example.nl</p><blockquote>Oude tekst</blockquote></body></html>\n";
  }

  /** multipart/mixed without a boundary and without any boundary line: no MIME parser can split it. */
  private static final String MALFORMED = "From: x@example.nl\nTo: " + USER + "\n"
      + "Subject: Kapot bericht\nDate: Fri, 20 Nov 2026 10:30:00 +0100\n"
      + "Message-ID: <bad@example.nl>\nMIME-Version: 1.0\nContent-Type: multipart/mixed\n\n"
      + "geen delen hier\n";
}
