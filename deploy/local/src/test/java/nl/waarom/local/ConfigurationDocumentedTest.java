package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import nl.waarom.platform.KafkaClientProperties;
import nl.waarom.platform.Setting;
import org.junit.jupiter.api.Test;

/**
 * Every configuration key of every service is documented in {@code docs/configuration.md}, exactly
 * as declared: the text between its markers is the output of {@code ./waarom config}.
 */
class ConfigurationDocumentedTest {
  private static final String BEGIN = "<!-- config:begin -->\n";
  private static final String END = "<!-- config:end -->";

  @Test
  void configurationDocHoldsTheGeneratedReference() throws Exception {
    Path doc = Path.of(System.getProperty("user.dir")).resolve("../../docs/configuration.md")
        .normalize();
    String text = Files.readString(doc, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("docs/configuration.md has a %s marker", BEGIN.strip()).isNotNegative();
    assertThat(end).as("docs/configuration.md has a %s marker", END).isGreaterThan(begin);
    assertThat(text.substring(begin + BEGIN.length(), end))
        .as("docs/configuration.md is out of date: paste the output of ./waarom config")
        .isEqualTo(ConfigurationReference.markdown());
  }

  /**
   * A {@code WAAROM_KAFKA_*} variable that is not one of Waarom's own settings is read as a Kafka
   * client property: the list of own settings the services skip must be exactly the catalogues'.
   */
  @Test
  void theKafkaClientPropertiesSkipExactlyWaaromsOwnKafkaSettings() {
    Set<String> declared = ConfigurationReference.services().values().stream()
        .flatMap(List::stream).map(Setting::env)
        .filter(env -> env.startsWith(KafkaClientProperties.PREFIX))
        .collect(Collectors.toSet());
    assertThat(declared).containsExactlyInAnyOrderElementsOf(KafkaClientProperties.WAAROM_SETTINGS);
  }

  @Test
  void everySettingHasADescription() {
    ConfigurationReference.services().values().forEach(settings -> assertThat(settings)
        .allSatisfy(s -> assertThat(s.description()).as(s.env()).isNotBlank()));
  }
}
