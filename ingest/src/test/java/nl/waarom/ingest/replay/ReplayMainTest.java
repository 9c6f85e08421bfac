package nl.waarom.ingest.replay;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return ReplayMain.run(args, Map.of(), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  @Test
  void parsesBothArgumentForms() {
    assertThat(ReplayOptions.parse(new String[] {"--file", "a.jsonl", "--rate", "2.5"}))
        .isEqualTo(new ReplayOptions(Path.of("a.jsonl"), 2.5, false));
    assertThat(ReplayOptions.parse(new String[] {"--rate=0", "--file=b.jsonl"}))
        .isEqualTo(new ReplayOptions(Path.of("b.jsonl"), 0, false));
    assertThat(ReplayOptions.parse(new String[] {"--file", "c.jsonl"}).rate()).isZero();
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {})).hasMessage("--file is required");
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--file"}))
        .hasMessage("--file needs a value");
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--file", "a", "--rate", "-1"}))
        .hasMessage("--rate must be >= 0: '-1'");
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--file", "a", "--rate", "fast"}))
        .hasMessage("--rate must be a number: 'fast'");
    assertThatThrownBy(() -> ReplayOptions.parse(new String[] {"--fiel", "a"}))
        .hasMessage("unknown argument: --fiel");
  }

  @Test
  void badArgumentsExitWithTwoAndUsage() {
    assertThat(run("--rate", "5")).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("--file is required").contains("usage: replay");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void missingFileExitsWithTwo() {
    assertThat(run("--file", dir.resolve("nope.jsonl").toString())).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("not a readable file");
  }

  @Test
  void badConfigurationExitsWithTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("one.jsonl"), "{}\n");
    int code = ReplayMain.run(new String[] {"--file", file.toString()},
        Map.of("WAAROM_TOPIC_PREFIX", "no spaces allowed"), new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("WAAROM_TOPIC_PREFIX");
  }

  @Test
  void helpExitsWithZero() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(UTF_8)).startsWith("usage: replay --file PATH");
  }

  @Test
  void summaryLineFormat() {
    assertThat(new Summary(12, 3, java.time.Duration.ofMillis(1500)).line())
        .isEqualTo("replayed=12 dead_lettered=3 elapsed_s=1.500");
  }
}
