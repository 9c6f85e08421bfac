package nl.waarom.tools.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.waarom.analyzer.app.AnalyzerApp;
import nl.waarom.analyzer.app.AnalyzerSettings;
import nl.waarom.analyzer.classify.ClassifiedContacts;
import nl.waarom.analyzer.classify.Classifier;
import nl.waarom.analyzer.classify.ClassifierSource;
import nl.waarom.analyzer.classify.TaxonomyDocument;
import nl.waarom.analyzer.corrections.CorrectedRecipe;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.feedback.CorrectionReader;
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Speaker;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Topics;
import nl.waarom.schemas.Turn;
import nl.waarom.taxonomy.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The taxonomy a backtest loads is the model the analyzer uses: an analyzer configured with a
 * taxonomy file, a minimum model confidence and extra training examples, and a backtest given
 * the same configuration and the TaxonomySnapshot of that file (through the topic's serde), give
 * every contact the identical reasons, confidences, sources and evidence of a ClassifiedContact;
 * also once editors corrected contacts, when the analyzer and the backtest read the same
 * correction records.
 */
class TaxonomyInForceTest {
  /** Texts about loyalty stamps: no reason of the default taxonomy is about them. */
  private static final List<String> STAMPS = List.of(
      "my loyalty stamps did not arrive on the stamp card",
      "the stamp card is missing three loyalty stamps",
      "where are my loyalty stamps from last week",
      "loyalty stamps were not added to my stamp card",
      "i collected loyalty stamps but the stamp card shows zero",
      "how do i redeem a full stamp card of loyalty stamps",
      "my loyalty stamps expired on the stamp card",
      "can you add the missing loyalty stamps to my card",
      "the loyalty stamps from the shop are gone from my stamp card",
      "stamp card says 0 loyalty stamps after my purchase");
  private static final String STAMPS_REASON = "discount-code";
  @TempDir Path dir;

  @Test
  void theBacktestsTaxonomyInForceClassifiesExactlyAsTheAnalyzer() throws IOException {
    Map<String, String> env = analyzerEnv();
    try (ClassifierSource analyzer = AnalyzerApp.classifiers(
            Config.load(AnalyzerSettings.all(), env), new SimpleMeterRegistry());
        Classifier backtest = AnalyzerApp.classifierRecipe(Config.load(BacktestSettings.all(),
            env)).compile(published(env))) {
      assertThat(backtest.taxonomy()).isEqualTo(analyzer.get().taxonomy());
      List<Contact> contacts = contacts(analyzer.get().taxonomy().reasons());
      assertThat(contacts).hasSizeGreaterThan(150);
      int explained = 0;
      for (Contact c : contacts) {
        List<ReasonMatch> expected = reasons(analyzer.get(), c);
        assertThat(reasons(backtest, c)).as(c.getTurns().toString()).isEqualTo(expected);
        explained += expected.isEmpty() ? 0 : 1;
      }
      assertThat(explained).as("the comparison covers classified contacts").isGreaterThan(100);
    }
  }

  /**
   * Editors said the stamp texts are about discount codes, one contact is about none of the
   * reasons, one correction names a reason of another version. The backtest's "before" (the
   * recipe of the backtest's configuration with the corrections it read) and the analyzer that
   * learned the same correction records classify every contact alike: the corrected ones by the
   * editors (FEEDBACK), and a new stamp text, which nobody corrected, by what the model learned.
   */
  @Test
  void withCorrectionsTheBacktestsTaxonomyInForceIsTheModelTheAnalyzerLearned()
      throws IOException {
    Map<String, String> env = analyzerEnv();
    Topics topics = Topics.withPrefix("");
    List<Correction> corrections = new ArrayList<>();
    for (int i = 0; i < STAMPS.size(); i++) {
      corrections.add(correction("stamp-" + i, STAMPS_REASON, STAMPS.get(i)));
    }
    corrections.add(correction("c-0", null, "Goedemiddag, een vraag"));
    corrections.add(correction("c-1", "reason-of-another-version", "loyalty stamps"));
    CorrectionBook analyzerBook = new CorrectionBook();
    CorrectionBook backtestBook = new CorrectionBook();
    for (Correction c : corrections) {
      byte[] record = topics.corrections.valueSerde().serializer()
          .serialize(topics.corrections.name(), c);
      CorrectionReader.apply(topics.corrections, analyzerBook, c.getContactId(), record,
          topics.corrections.name());
      CorrectionReader.apply(topics.corrections, backtestBook, c.getContactId(), record,
          topics.corrections.name());
    }

    try (ClassifierSource analyzer = AnalyzerApp.classifiers(
            Config.load(AnalyzerSettings.all(), env), new SimpleMeterRegistry(), analyzerBook);
        ClassifierSource uncorrected = AnalyzerApp.classifiers(
            Config.load(AnalyzerSettings.all(), env), new SimpleMeterRegistry());
        Classifier backtest = new CorrectedRecipe(AnalyzerApp.classifierRecipe(
            Config.load(BacktestSettings.all(), env)), backtestBook).compile(published(env))) {
      List<Contact> contacts = new ArrayList<>(contacts(analyzer.get().taxonomy().reasons()));
      for (int i = 0; i < STAMPS.size(); i++) {
        contacts.add(says("stamp-" + i, STAMPS.get(i)));
      }
      Contact newStamps = says("stamp-new", "my stamp booklet lost all its loyalty stamps");
      contacts.add(newStamps);
      for (Contact c : contacts) {
        assertThat(reasons(backtest, c)).as(c.getContactId() + " " + c.getTurns())
            .isEqualTo(reasons(analyzer.get(), c));
      }

      assertThat(reasons(backtest, says("stamp-3", STAMPS.get(3)))).singleElement()
          .satisfies(r -> {
            assertThat(r.getReasonId()).isEqualTo(STAMPS_REASON);
            assertThat(r.getSource()).isEqualTo(ReasonSource.FEEDBACK);
            assertThat(r.getConfidence()).isEqualTo(1.0);
          });
      assertThat(reasons(backtest, contacts.getFirst())).as("none of these").isEmpty();
      assertThat(reasons(backtest, contacts.get(1))).as("a reason the taxonomy lacks is skipped")
          .isEqualTo(reasons(uncorrected.get(), contacts.get(1)));
      assertThat(reasons(uncorrected.get(), newStamps)).as("without the corrections").isEmpty();
      assertThat(reasons(backtest, newStamps)).as("learned from the corrections").first()
          .satisfies(r -> {
            assertThat(r.getReasonId()).isEqualTo(STAMPS_REASON);
            assertThat(r.getSource()).isEqualTo(ReasonSource.MODEL);
          });
    }
  }

  /** A taxonomy file, a minimum confidence and extra examples, as an analyzer is configured. */
  private Map<String, String> analyzerEnv() throws IOException {
    String yaml = TaxonomyDocument.builtIn().yaml().replaceFirst("(?m)^version: \"([^\"]+)\"",
        "version: \"$1-test\"");
    Path file = Files.writeString(dir.resolve("taxonomy.yaml"), yaml, StandardCharsets.UTF_8);
    Path csv = Files.writeString(dir.resolve("extra.csv"), """
        text,label
        mijn parkeervergunning is verlopen,opening-hours
        ik wil graag teruggebeld worden morgen,callback-request
        """, StandardCharsets.UTF_8);
    return Map.of(AnalyzerSettings.TAXONOMY_FILE.env(), file.toString(),
        AnalyzerSettings.TAXONOMY_RELOAD_INTERVAL.env(), "0s",
        AnalyzerSettings.MODEL_MIN_CONFIDENCE.env(), "0.3",
        AnalyzerSettings.TRAINING_CSV.env(), csv.toString());
  }

  /** The configured file as the analyzer published it, received through the topic's serde. */
  private static TaxonomyDocument published(Map<String, String> env) throws IOException {
    String yaml = Files.readString(Path.of(env.get(AnalyzerSettings.TAXONOMY_FILE.env())),
        StandardCharsets.UTF_8);
    Topics topics = Topics.withPrefix("");
    TaxonomySnapshot published = TaxonomySnapshot.newBuilder().setVersion("2026.12-1-test")
        .setPublishedAt(Instant.parse("2026-12-01T08:00:00Z")).setSha256("00").setYaml(yaml)
        .setReasons(List.of()).build();
    TaxonomySnapshot received = topics.taxonomy.valueSerde().deserializer().deserialize(
        topics.taxonomy.name(), topics.taxonomy.valueSerde().serializer()
            .serialize(topics.taxonomy.name(), published));
    return KafkaContacts.document(received);
  }

  private static List<ReasonMatch> reasons(Classifier classifier, Contact contact) {
    return ClassifiedContacts.of(contact, classifier.classify(contact),
        classifier.taxonomy().version()).getReasons();
  }

  private static Correction correction(String contactId, String reasonId, String text) {
    return Correction.newBuilder().setCorrectionId("k-" + contactId).setContactId(contactId)
        .setChannel(Channel.CHAT).setOccurredAt(Instant.parse("2026-12-01T09:00:00Z"))
        .setCorrectedAt(Instant.parse("2026-12-01T10:00:00Z")).setActor("editor")
        .setReasonId(reasonId).setPreviousReasonId(null).setTaxonomyVersion("2026.12-1-test")
        .setLanguage("en").setText(text).build();
  }

  private static Contact says(String id, String text) {
    return Contact.newBuilder().setContactId(id).setChannel(Channel.CHAT)
        .setOccurredAt(Instant.parse("2026-12-01T09:00:00Z")).setLanguage("en")
        .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L))).build();
  }

  /** Every example of every reason, reworded a little, in chat, e-mail and without a language. */
  private static List<Contact> contacts(List<Reason> reasons) {
    List<Contact> contacts = new ArrayList<>();
    int n = 0;
    for (Reason reason : reasons) {
      for (String example : reason.examples()) {
        String text = n % 2 == 0 ? "Goedemiddag, " + example.toLowerCase(java.util.Locale.ROOT)
            : example + " Thanks in advance.";
        Channel channel = n % 3 == 0 ? Channel.EMAIL : Channel.CHAT;
        contacts.add(Contact.newBuilder().setContactId("c-" + n++).setChannel(channel)
            .setOccurredAt(Instant.parse("2026-12-01T09:00:00Z"))
            .setSubject(channel == Channel.EMAIL ? "Vraag" : null)
            .setTurns(List.of(new Turn(Speaker.CUSTOMER, text, 0L))).build());
      }
    }
    return contacts;
  }
}
