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
import nl.waarom.platform.Config;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.ReasonMatch;
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
 * every contact the identical reasons, confidences, sources and evidence of a ClassifiedContact.
 */
class TaxonomyInForceTest {
  @TempDir Path dir;

  @Test
  void theBacktestsTaxonomyInForceClassifiesExactlyAsTheAnalyzer() throws IOException {
    String yaml = TaxonomyDocument.builtIn().yaml().replaceFirst("(?m)^version: \"([^\"]+)\"",
        "version: \"$1-test\"");
    Path file = Files.writeString(dir.resolve("taxonomy.yaml"), yaml, StandardCharsets.UTF_8);
    Path csv = Files.writeString(dir.resolve("extra.csv"), """
        text,label
        mijn parkeervergunning is verlopen,opening-hours
        ik wil graag teruggebeld worden morgen,callback-request
        """, StandardCharsets.UTF_8);
    Map<String, String> env = Map.of(AnalyzerSettings.TAXONOMY_FILE.env(), file.toString(),
        AnalyzerSettings.TAXONOMY_RELOAD_INTERVAL.env(), "0s",
        AnalyzerSettings.MODEL_MIN_CONFIDENCE.env(), "0.3",
        AnalyzerSettings.TRAINING_CSV.env(), csv.toString());
    Topics topics = Topics.withPrefix("");
    TaxonomySnapshot published = TaxonomySnapshot.newBuilder().setVersion("2026.12-1-test")
        .setPublishedAt(Instant.parse("2026-12-01T08:00:00Z")).setSha256("00").setYaml(yaml)
        .setReasons(List.of()).build();
    TaxonomySnapshot received = topics.taxonomy.valueSerde().deserializer().deserialize(
        topics.taxonomy.name(), topics.taxonomy.valueSerde().serializer()
            .serialize(topics.taxonomy.name(), published));

    try (ClassifierSource analyzer = AnalyzerApp.classifiers(
            Config.load(AnalyzerSettings.all(), env), new SimpleMeterRegistry());
        Classifier backtest = AnalyzerApp.classifierRecipe(Config.load(BacktestSettings.all(),
            env)).compile(KafkaContacts.document(received))) {
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

  private static List<ReasonMatch> reasons(Classifier classifier, Contact contact) {
    return ClassifiedContacts.of(contact, classifier.classify(contact),
        classifier.taxonomy().version()).getReasons();
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
