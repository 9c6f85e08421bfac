package nl.waarom.analyzer.app;

import static nl.waarom.analyzer.TestContacts.customerSays;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.waarom.analyzer.classify.Verdicts;
import nl.waarom.analyzer.corrections.CorrectionBook;
import nl.waarom.analyzer.feedback.CorrectionReader;
import nl.waarom.analyzer.feedback.Corrections;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.Channel;
import nl.waarom.schemas.ClassifiedContact;
import nl.waarom.schemas.Contact;
import nl.waarom.schemas.Correction;
import nl.waarom.schemas.ReasonMatch;
import nl.waarom.schemas.ReasonSource;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * From an editor's correction on the corrections topic to a retrained model and a changed
 * classification, against a real broker: texts about loyalty stamps, which the default taxonomy
 * leaves unexplained, are corrected to discount-code; after the background retraining a new
 * contact about loyalty stamps is classified so by the model, and a corrected contact that comes
 * again gets the editor's reason with source FEEDBACK. Another reader, as a restarted instance
 * has, reads every correction again.
 */
class FeedbackIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static KafkaBroker broker;

  @TempDir Path stateDir;

  @BeforeAll
  static void startBroker() {
    broker = KafkaBroker.start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private Map<String, String> env(String prefix) {
    Map<String, String> env = new HashMap<>();
    env.put("WAAROM_KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
    env.put("WAAROM_TOPIC_PREFIX", prefix);
    env.put("WAAROM_ANALYZER_APPLICATION_ID", "feedback-it");
    env.put("WAAROM_ANALYZER_STATE_DIR", stateDir.toString());
    env.put("WAAROM_ANALYZER_PORT", "0");
    env.put("WAAROM_ANALYZER_DEDUP_HORIZON", "0s"); // the corrected contact comes again
    env.put("WAAROM_FEEDBACK_RETRAIN_DELAY", "1s");
    return env;
  }

  @Test
  void aCorrectionRetrainsTheModelAndChangesTheClassification() throws Exception {
    Topics topics = Topics.withPrefix("fb.");
    Instant at = Instant.now().minusSeconds(60);
    Contact corrected = customerSays("stamps-0", Channel.CHAT, at, Corrections.STAMPS.get(0));
    try (AnalyzerApp app = AnalyzerApp.start(env("fb."));
        KafkaConsumer<String, ClassifiedContact> out = broker.consumer(topics.classified)) {
      await().atMost(WAIT).until(app::isRunning);
      broker.produce(topics.contactsChat, Map.of(corrected.getContactId(), corrected));
      assertThat(next(out, "stamps-0").getUnexplained()).isTrue();

      Map<String, Correction> corrections = new LinkedHashMap<>();
      for (int i = 0; i < Corrections.STAMPS.size(); i++) {
        corrections.put("stamps-" + i, Corrections.of("stamps-" + i, Corrections.STAMPS_REASON,
            Corrections.STAMPS.get(i)));
      }
      broker.produce(topics.corrections, corrections);
      await().atMost(WAIT).until(() -> metric(app, "waarom_analyzer_model_corrections")
          == Corrections.STAMPS.size());

      Contact similar = customerSays("new-1", Channel.CHAT, at.plusSeconds(1),
          Corrections.NEW_STAMPS);
      broker.produce(topics.contactsChat, Map.of("new-1", similar));
      ReasonMatch learned = next(out, "new-1").getReasons().get(0);
      assertThat(learned.getReasonId()).isEqualTo(Corrections.STAMPS_REASON);
      assertThat(learned.getSource()).isEqualTo(ReasonSource.MODEL);

      broker.produce(topics.contactsChat, Map.of(corrected.getContactId(), corrected));
      List<ReasonMatch> again = next(out, "stamps-0").getReasons();
      assertThat(again).hasSize(1);
      assertThat(again.get(0).getReasonId()).isEqualTo(Corrections.STAMPS_REASON);
      assertThat(again.get(0).getSource()).isEqualTo(ReasonSource.FEEDBACK);
      assertThat(again.get(0).getConfidence()).isEqualTo(1.0);
      assertThat(metric(app, "waarom_analyzer_corrections_read_total{outcome=\"ok\"}"))
          .isEqualTo(Corrections.STAMPS.size());
    }

    // a restarted (or another) instance reads every correction again, without a consumer group
    CorrectionBook book = new CorrectionBook();
    try (CorrectionReader reader = new CorrectionReader(broker.bootstrapServers(),
        KafkaClientProperties.none(), topics.corrections, book, new SimpleMeterRegistry())) {
      assertThat(reader.start().awaitCaughtUp(WAIT)).isTrue();
      assertThat(book.size()).isEqualTo(Corrections.STAMPS.size());
      assertThat(book.verdict("stamps-3")).contains(new Verdicts.Verdict(Corrections.STAMPS_REASON));
    }
  }

  /** The next classification of the contact on the classified topic. */
  private static ClassifiedContact next(KafkaConsumer<String, ClassifiedContact> out, String id) {
    ClassifiedContact[] found = new ClassifiedContact[1];
    await().atMost(WAIT).until(() -> {
      for (ConsumerRecord<String, ClassifiedContact> r : out.poll(Duration.ofMillis(200))) {
        if (r.key().equals(id) && r.value().getRepeatOf() == null && found[0] == null) {
          found[0] = r.value();
        }
      }
      return found[0] != null;
    });
    return found[0];
  }

  /** The value of one series on the analyzer's /metrics; NaN when absent. */
  private static double metric(AnalyzerApp app, String series) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + app.port() + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString());
    for (String line : response.body().split("\n")) {
      if (line.startsWith(series + " ")) {
        return Double.parseDouble(line.substring(series.length() + 1).strip());
      }
    }
    return Double.NaN;
  }
}
