package nl.waarom.ingest.dlq;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dead-letter commands without a broker; against one in {@code DlqIT}. */
class DlqMainTest {
  @Test
  void addressesAreNormalisedAndBadOnesNamed() {
    assertThat(DeadLetterFilter.address(" 17 ")).isEqualTo("0:17");
    assertThat(DeadLetterFilter.address("1:007")).isEqualTo("1:7");
    assertThatThrownBy(() -> DeadLetterFilter.address("0:x"))
        .hasMessage("must be partition:offset or offset: '0:x'");
    assertThatThrownBy(() -> DeadLetterFilter.address("99999999999:1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void optionsAreValidated() {
    assertThat(new DlqListOptions(DeadLetterFilter.all(), 1).limit()).isOne();
    assertThatThrownBy(() -> new DlqListOptions(DeadLetterFilter.all(), 0))
        .hasMessage("limit must be 1 to 1000000: 0");
    assertThatThrownBy(() -> new DlqReplayOptions(null, false)).hasMessage("filter");
    assertThat(new DeadLetterFilter(null, null, List.of("0:1")).addresses()).containsExactly("0:1");
  }

  @Test
  void badConfigurationExitsWithTwoBeforeKafkaIsAsked() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> env = Map.of("WAAROM_TOPIC_PREFIX", "no spaces allowed");
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, UTF_8);
    assertThat(DlqMain.list(new DlqListOptions(DeadLetterFilter.all(), 10), env, out,
        new PrintStream(err, true, UTF_8))).isEqualTo(2);
    assertThat(DlqMain.replay(new DlqReplayOptions(DeadLetterFilter.all(), true), env, out,
        new PrintStream(err, true, UTF_8))).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("dlq list: ", "dlq replay: ", "WAAROM_TOPIC_PREFIX");
  }
}
