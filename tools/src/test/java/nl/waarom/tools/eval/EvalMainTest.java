package nl.waarom.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private int run(String... args) {
    return EvalMain.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noArgumentsPrintsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(output()).contains("usage: eval --train");
  }

  @Test
  void unknownOptionAndMissingValueAndBadNumberPrintUsage() {
    assertThat(run("--train", "a.csv", "--test", "b.csv", "--frobnicate", "x")).isEqualTo(2);
    assertThat(output()).contains("unknown option --frobnicate").contains("usage:");
    buffer.reset();
    assertThat(run("--train", "a.csv", "--test")).isEqualTo(2);
    assertThat(output()).contains("missing value after --test");
    buffer.reset();
    assertThat(run("--train", "a.csv", "--test", "b.csv", "--c", "-1")).isEqualTo(2);
    assertThat(output()).contains("--c must be a positive number");
  }

  @Test
  void unreadableFileIsExitTwoWithItsName() {
    assertThat(run("--train", dir.resolve("missing.csv").toString(), "--test", "b.csv")).isEqualTo(2);
    assertThat(output()).contains("missing.csv").doesNotContain("usage:");
  }

  @Test
  void missingColumnIsExitTwo() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "text,label\na,b\n");
    assertThat(run("--train", file.toString(), "--test", file.toString(), "--label-column", "intent")).isEqualTo(2);
    assertThat(output()).contains("no column 'intent'");
  }

  @Test
  void smallRunEndsWithTheResultLine() throws Exception {
    StringBuilder csv = new StringBuilder("text,label\n");
    String[][] keys = {{"invoice", "bill", "charged"}, {"password", "login", "locked"}, {"weather", "rain", "sunny"}};
    String[] labels = {"billing", "login", "oos"};
    for (int i = 0; i < 30; i++) {
      for (int l = 0; l < 3; l++) {
        csv.append("\"hello, my ").append(keys[l][i % 3]).append(" and ").append(keys[l][(i + 1) % 3])
            .append(" question ").append(i).append("\",").append(labels[l]).append('\n');
      }
    }
    Path file = dir.resolve("data.csv");
    Files.writeString(file, csv);
    assertThat(run("--train", file.toString(), "--test", file.toString(), "--unknown-label", "oos",
        "--seconds", "1")).isEqualTo(0);
    String[] lines = output().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches(
        "result: accuracy=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3} oos_precision=\\d\\.\\d{3} "
            + "oos_recall=\\d\\.\\d{3} train_s=\\d+\\.\\d contacts_per_s=\\d+");
    assertThat(output()).contains("in-scope accuracy:").contains("one thread");
  }
}
