package nl.waarom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WaaromCliTest {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @Test
  void helpPrintsUsage() throws Exception {
    assertThat(WaaromCli.run(new String[] {"help"}, out)).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("demo", "run", "replay");
  }

  @Test
  void benchRedactionPrintsTheAgreedLastLine() throws Exception {
    assertThat(WaaromCli.run(new String[] {"bench", "redaction", "--messages", "200"}, out))
        .isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow())
        .matches("result: recall_min=\\d\\.\\d{3} precision_min=\\d\\.\\d{3}");
  }

  @Test
  void dlqHelpAndUsageErrors() throws Exception {
    assertThat(WaaromCli.run(new String[] {"dlq", "--help"}, out)).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("usage: dlq list");
    assertThat(WaaromCli.run(new String[] {"dlq", "replay"}, out)).isEqualTo(2);
  }

  @Test
  void benchInsightsIsWiredToTheInsightBenchmark() throws Exception {
    assertThat(WaaromCli.run(new String[] {"help"}, out)).isZero();
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("bench insights");
    buffer.reset();
    // A bad option is answered by the insight benchmark itself, before any traffic is generated.
    assertThat(WaaromCli.run(new String[] {"bench", "insights", "--days", "8"}, out)).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("bench insights: measured days must be 1 to 7", "usage: bench insights");
    buffer.reset();
    assertThat(WaaromCli.run(new String[] {"bench", "fly"}, out)).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("classify, insights, redaction");
  }

  @Test
  void unknownCommandIsAUsageError() throws Exception {
    assertThat(WaaromCli.run(new String[] {"dance"}, out)).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("unknown command: dance");
  }

  @Test
  void unknownOptionIsRejectedBeforeAnythingStarts() {
    assertThatThrownBy(() -> WaaromCli.run(new String[] {"demo", "--fast"}, out))
        .hasMessageContaining("--fast");
  }

  @Test
  void resetWipesTheDataFolderOnly(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    Files.createDirectories(data.resolve("kafka/sub"));
    Files.writeString(data.resolve("kafka/sub/file"), "x");
    Files.writeString(dir.resolve("keep"), "y");
    WaaromCli.wipe(data);
    assertThat(data).doesNotExist();
    assertThat(dir.resolve("keep")).exists();
  }
}
