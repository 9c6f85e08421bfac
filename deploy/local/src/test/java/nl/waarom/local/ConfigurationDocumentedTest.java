package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every configuration key of every service is documented in the README, exactly as declared. */
class ConfigurationDocumentedTest {
  private static final String BEGIN = "<!-- config:begin -->\n";
  private static final String END = "<!-- config:end -->";

  @Test
  void readmeHoldsTheGeneratedReference() throws Exception {
    Path readme = Path.of(System.getProperty("user.dir")).resolve("../../README.md").normalize();
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertThat(begin).as("README.md has a %s marker", BEGIN.strip()).isNotNegative();
    assertThat(text.substring(begin + BEGIN.length(), end))
        .as("README configuration section is out of date: paste the output of ./waarom config")
        .isEqualTo(ConfigurationReference.markdown());
  }

  @Test
  void everySettingHasADescription() {
    ConfigurationReference.services().values().forEach(settings -> assertThat(settings)
        .allSatisfy(s -> assertThat(s.description()).as(s.env()).isNotBlank()));
  }
}
