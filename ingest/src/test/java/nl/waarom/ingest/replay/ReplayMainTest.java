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

/** The replay command's service side; its command line is tested with the CLI (deploy/local). */
class ReplayMainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(ReplayOptions options, Map<String, String> env) {
    return ReplayMain.run(options, env, new PrintStream(out, true, UTF_8),
        new PrintStream(err, true, UTF_8));
  }

  @Test
  void optionsAreValidated() {
    assertThat(new ReplayOptions(Path.of("a.jsonl"), 2.5).rate()).isEqualTo(2.5);
    assertThat(new ReplayOptions(Path.of("a.jsonl"), 0).rate()).isZero();
    assertThatThrownBy(() -> new ReplayOptions(Path.of("a"), -1))
        .hasMessage("rate must be a number >= 0: -1.0");
    assertThatThrownBy(() -> new ReplayOptions(Path.of("a"), Double.NaN))
        .hasMessageContaining("rate must be a number >= 0");
    assertThatThrownBy(() -> new ReplayOptions(null, 1)).hasMessage("file");
  }

  @Test
  void missingFileExitsWithTwo() {
    assertThat(run(new ReplayOptions(dir.resolve("nope.jsonl"), 0), Map.of())).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("not a readable file");
    assertThat(out.toString(UTF_8)).isEmpty();
  }

  @Test
  void badConfigurationExitsWithTwo() throws IOException {
    Path file = Files.writeString(dir.resolve("one.jsonl"), "{}\n");
    int code = run(new ReplayOptions(file, 0), Map.of("WAAROM_TOPIC_PREFIX", "no spaces allowed"));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(UTF_8)).contains("WAAROM_TOPIC_PREFIX");
  }

  @Test
  void summaryLineFormat() {
    assertThat(new Summary(12, 3, java.time.Duration.ofMillis(1500)).line())
        .isEqualTo("replayed=12 dead_lettered=3 elapsed_s=1.500");
  }
}
