package nl.waarom.analyzer.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import nl.waarom.taxonomy.TaxonomyException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassifierSourceTest {
  private static final String TAXONOMY = """
      version: "%s"
      reasons:
        - id: outage
          name: {nl: Storing, en: Outage}
          preventability: prevent
          owner: network
          rules: ['%s']
      """;

  @TempDir Path dir;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private Path write(String version, String rule) throws IOException {
    Path file = dir.resolve("taxonomy.yaml");
    Files.writeString(file, TAXONOMY.formatted(version, rule), StandardCharsets.UTF_8);
    return file;
  }

  private double reloads(String outcome) {
    return registry.counter(ClassifierSource.RELOAD_METRIC, "outcome", outcome).count();
  }

  @Test
  void aGoodFileReplacesTheClassifierAndABadOneKeepsIt() throws IOException {
    Path file = write("1", "storing");
    try (ClassifierSource source = ClassifierSource.watching(file, Duration.ZERO, registry)) {
      Classifier first = source.get();
      assertThat(source.reload()).as("unchanged").isFalse();

      write("2", "storing OR outage");
      assertThat(source.reload()).isTrue();
      assertThat(source.get()).isNotSameAs(first);
      assertThat(source.get().taxonomy().version()).isEqualTo("2");

      Classifier good = source.get();
      write("3", "\"unclosed phrase");
      assertThat(source.reload()).isFalse();
      assertThat(source.get()).isSameAs(good);
      assertThat(source.reload()).as("the same bad file is not retried").isFalse();

      assertThat(reloads("ok")).isEqualTo(1);
      assertThat(reloads("rejected")).isEqualTo(1);
    }
  }

  @Test
  void aMissingFileKeepsTheClassifier() throws IOException {
    Path file = write("1", "storing");
    try (ClassifierSource source = ClassifierSource.watching(file, Duration.ZERO, registry)) {
      Classifier first = source.get();
      Files.delete(file);

      assertThat(source.reload()).isFalse();
      assertThat(source.get()).isSameAs(first);
    }
  }

  @Test
  void aBadFileAtStartUpIsAnErrorListingItsProblems() throws IOException {
    Path file = write("1", "klant:storing");

    assertThatThrownBy(() -> ClassifierSource.watching(file, Duration.ZERO, registry))
        .isInstanceOf(TaxonomyException.class)
        .hasMessageContaining("taxonomy.yaml:7: reason 'outage': rule 'klant:storing'");
  }

  @Test
  void aFixedSourceNeverReloads() {
    try (ClassifierSource source = ClassifierSource.fixed(
        new Classifier(nl.waarom.taxonomy.TaxonomyLoader.loadDefault(RuleParser.check())))) {
      assertThat(source.reload()).isFalse();
      assertThat(source.get().taxonomy().version()).isEqualTo("2026.12-1");
    }
  }

  @Test
  void theTimerPicksUpAChangedFile() throws IOException {
    Path file = write("1", "storing");
    try (ClassifierSource source = ClassifierSource.watching(file, Duration.ofMillis(50),
        registry)) {
      write("2", "storing OR outage");

      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
          .until(() -> source.get().taxonomy().version().equals("2"));
    }
  }
}
