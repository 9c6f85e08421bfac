package nl.waarom.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.Turn;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code waarom backtest} against a real broker: contacts on the contact topics (one delivered
 * twice, one older than --since), two published taxonomy versions on the taxonomy topic and an
 * editor's correction on the corrections topic. The backtest compares the later taxonomy with a
 * file that adds a reason, both learning the correction, prints the expected counts, and leaves
 * no consumer group behind.
 */
class BacktestIT {
  private static final Topics TOPICS = Topics.withPrefix("backtest-it.");
  private static final String UMBRELLA = """

        - id: lost-property
          parent: service
          name: {nl: Gevonden voorwerpen, en: Lost property}
          rules:
            - 'paraplu* OR umbrella*'
      """;
  private static KafkaBroker broker;
  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    broker = KafkaBroker.start();
    broker.createTopics(TOPICS, 2);
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    Map<String, Contact> chats = new LinkedHashMap<>();
    for (int i = 0; i < 3; i++) {
      chats.put("pay-" + i, contact("pay-" + i, Channel.CHAT, now.minusSeconds(60 * i),
          "De betaallink in jullie mail werkt niet"));
    }
    chats.put("umbrella-0", contact("umbrella-0", Channel.CHAT, now.minusSeconds(600),
        "Heeft iemand mijn paraplu gevonden?"));
    chats.put("umbrella-old", contact("umbrella-old", Channel.CHAT, now.minus(Duration.ofDays(10)),
        "Heeft iemand mijn paraplu gevonden?"));
    broker.produce(TOPICS.contactsChat, chats);
    Contact email = contact("umbrella-mail", Channel.EMAIL, now.minusSeconds(3600),
        "I left my umbrella in your shop");
    broker.produce(TOPICS.contactsEmail, Map.of("umbrella-mail", email));
    broker.produce(TOPICS.contactsEmail, Map.of("umbrella-mail", email)); // delivered twice
    broker.produce(TOPICS.corrections, Map.of("umbrella-mail", Correction.newBuilder()
        .setCorrectionId("k-1").setContactId("umbrella-mail").setChannel(Channel.EMAIL)
        .setOccurredAt(now.minusSeconds(3600)).setCorrectedAt(now).setActor("editor")
        .setReasonId("missing-item").setTaxonomyVersion("in-force").setLanguage("en")
        .setText("Vraag I left my umbrella in your shop").build()));
    String yaml = TaxonomyDocument.builtIn().yaml();
    broker.produce(TOPICS.taxonomy, Map.of("old", snapshot("old", now.minusSeconds(7200),
        withVersion(yaml, "old") + UMBRELLA)));
    broker.produce(TOPICS.taxonomy, Map.of("in-force", snapshot("in-force",
        now.minusSeconds(3600), withVersion(yaml, "in-force"))));
  }

  @AfterAll
  static void stop() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void comparesTheContactsOfThePeriodUnderTheTaxonomyInForceWithTheNewOne() throws Exception {
    Path candidate = Files.writeString(dir.resolve("umbrella.yaml"),
        withVersion(TaxonomyDocument.builtIn().yaml(), "umbrella") + UMBRELLA,
        StandardCharsets.UTF_8);
    CliRun cli = new CliRun(Map.of("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
        "WAAROM_TOPIC_PREFIX", TOPICS.prefix()));

    int code = cli.execute("backtest", "--taxonomy", candidate.toString(), "--since", "7d");

    assertThat(code).as(cli.err()).isZero();
    assertThat(cli.out()).contains("taxonomy in-force (in force) against umbrella (umbrella.yaml)");
    assertThat(cli.out().lines()).contains("corrections: 1 applied, from the topic "
            + TOPICS.corrections.name() + "; learned by the taxonomy in force 1 (0 skipped), by "
            + "the new one 1 (0 skipped)")
        .anyMatch(l -> l.matches("lost-property +0 +1 +\\+1"))
        .anyMatch(l -> l.matches("missing-item +1 +1 *"))
        .anyMatch(l -> l.matches("payment-problem +3 +3 *"));
    assertThat(cli.out()).as("the corrected contact keeps the editor's reason on both sides")
        .contains("umbrella-0  \"Heeft iemand mijn paraplu gevonden?\"")
        .doesNotContain("umbrella-mail  ");
    assertThat(cli.out().lines().toList().getLast()).startsWith("result: contacts=5 flipped=1 ");
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
        broker.bootstrapServers()))) {
      assertThat(admin.listGroups().all().get()).extracting(GroupListing::groupId)
          .as("the backtest joins no consumer group").isEmpty();
    }
  }

  private static String withVersion(String yaml, String version) {
    return yaml.replaceFirst("(?m)^version: \"[^\"]+\"", "version: \"" + version + "\"")
        .stripTrailing() + "\n";
  }

  private static TaxonomySnapshot snapshot(String version, Instant at, String yaml) {
    return TaxonomySnapshot.newBuilder().setVersion(version).setPublishedAt(at).setSha256("-")
        .setYaml(yaml).setReasons(List.of()).build();
  }

  private static Contact contact(String id, Channel channel, Instant at, String text) {
    return Contact.newBuilder().setContactId(id).setChannel(channel).setOccurredAt(at)
        .setSubject(channel == Channel.EMAIL ? "Vraag" : null)
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L))).build();
  }
}
