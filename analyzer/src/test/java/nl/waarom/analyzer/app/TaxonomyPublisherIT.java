package nl.waarom.analyzer.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import nl.waarom.analyzer.classify.ClassifierSource;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.schemas.TaxonomySnapshot;
import nl.waarom.schemas.Topics;
import nl.waarom.testing.KafkaBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analyzer publishes the taxonomy it classifies with to the taxonomy topic (a real broker):
 * once at start, not again while it stays in force, and again when a reload put a new version in
 * force.
 */
class TaxonomyPublisherIT {
  private static final Topics TOPICS = Topics.withPrefix("tp.");

  @TempDir Path dir;

  @Test
  void publishesTheTaxonomyInForceOnceAndAgainAfterAReload() throws Exception {
    Path file = dir.resolve("taxonomy.yaml");
    Files.writeString(file, TaxonomySnapshotsTest.YAML, StandardCharsets.UTF_8);
    String second = TaxonomySnapshotsTest.YAML.replace("2026.03", "2026.04")
        .replace("['afgeschreven']", "['afgeschreven', 'dubbel betaald']");
    try (KafkaBroker broker = KafkaBroker.start();
        ClassifierSource classifiers = ClassifierSource.watching(file, Duration.ZERO,
            new SimpleMeterRegistry())) {
      broker.createTopics(TOPICS, 1);
      try (TaxonomyPublisher publisher = new TaxonomyPublisher(broker.bootstrapServers(),
          KafkaClientProperties.none(), TOPICS.taxonomy, () -> classifiers.get().taxonomy(),
          file.toString(), Clock.systemUTC());
          KafkaConsumer<String, TaxonomySnapshot> consumer = broker.consumer(TOPICS.taxonomy)) {
        assertThat(publisher.check()).isTrue();
        assertThat(publisher.check()).as("still in force: not sent again").isFalse();

        Files.writeString(file, second, StandardCharsets.UTF_8);
        assertThat(publisher.check()).as("the file changed, the classifier did not").isFalse();
        assertThat(classifiers.reload()).isTrue();
        assertThat(publisher.check()).isTrue();

        List<ConsumerRecord<String, TaxonomySnapshot>> seen =
            KafkaBroker.pollAtLeast(consumer, 2, Duration.ofSeconds(30));
        assertThat(seen).extracting(ConsumerRecord::key).containsExactly("2026.03", "2026.04");
        assertThat(seen.get(0).value().getYaml()).isEqualTo(TaxonomySnapshotsTest.YAML);
        assertThat(seen.get(1).value().getYaml()).isEqualTo(second);
        assertThat(seen.get(1).value().getSha256()).isEqualTo(TaxonomySnapshots.sha256(second));
        assertThat(seen.get(1).value().getReasons()).hasSize(2);
      }
    }
  }
}
