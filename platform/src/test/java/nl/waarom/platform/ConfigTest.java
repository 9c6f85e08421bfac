package nl.waarom.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
  static final Setting<Integer> PORT = Setting.integer("T_PORT", 8080, 1, 65535, "port");
  static final Setting<String> SECRET = Setting.secret("T_SECRET", null, "a secret");
  static final Setting<Duration> WAIT = Setting.duration("T_WAIT", "90s", "wait");

  @Test
  void defaultsApplyAndValuesParse() {
    Config c = Config.load(List.of(PORT, SECRET, WAIT), Map.of("T_SECRET", "s3cr3t", "T_WAIT", "5m"));
    assertThat(c.get(PORT)).isEqualTo(8080);
    assertThat(c.get(WAIT)).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.describe()).contains("T_SECRET=******").doesNotContain("s3cr3t");
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    assertThatThrownBy(() -> Config.load(List.of(PORT, SECRET), Map.of("T_PORT", "99999")))
        .isInstanceOfSatisfying(Config.ConfigException.class, e -> assertThat(e.errors())
            .hasSize(2)
            .anySatisfy(m -> assertThat(m).startsWith("T_PORT").contains("outside"))
            .anySatisfy(m -> assertThat(m).startsWith("T_SECRET").contains("required")));
  }

  @Test
  void durationsAreForgiving() {
    assertThat(Parsers.duration("250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Parsers.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    assertThat(Parsers.duration("7d")).isEqualTo(Duration.ofDays(7));
    assertThat(Parsers.bool("Yes")).isTrue();
    assertThatThrownBy(() -> Parsers.duration("soon")).hasMessageContaining("soon");
  }
}
