package nl.waarom.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.waarom.analyzer.model.TrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalMainTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private int run(Path train, Path test, String labelColumn, String unknownLabel, int seconds) {
    return EvalMain.run(new EvalOptions(List.of(train), test, "text", labelColumn,
        TrainOptions.defaults().withUnknownLabel(unknownLabel), seconds),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  void optionsAreValidated() {
    Path a = Path.of("a.csv");
    TrainOptions training = TrainOptions.defaults();
    assertThat(new EvalOptions(List.of(a, a), a, "text", "label", training, 1).train()).hasSize(2);
    assertThatThrownBy(() -> new EvalOptions(List.of(), a, "text", "label", training, 5))
        .hasMessage("at least one training file is needed");
    assertThatThrownBy(() -> new EvalOptions(List.of(a), a, "text", "label", training, 0))
        .hasMessage("seconds must be at least 1: 0");
    assertThatThrownBy(() -> new EvalOptions(List.of(a), a, " ", "label", training, 5))
        .hasMessage("the text and label columns must be named");
  }

  @Test
  void unreadableFileIsExitTwoWithItsName() {
    assertThat(run(dir.resolve("missing.csv"), Path.of("b.csv"), "label", null, 5)).isEqualTo(2);
    assertThat(output()).contains("missing.csv").doesNotContain("usage:");
  }

  @Test
  void missingColumnIsExitTwo() throws Exception {
    Path file = dir.resolve("t.csv");
    Files.writeString(file, "text,label\na,b\n");
    assertThat(run(file, file, "intent", null, 5)).isEqualTo(2);
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
    assertThat(run(file, file, "label", "oos", 1)).isEqualTo(0);
    String[] lines = output().strip().split("\n");
    assertThat(lines[lines.length - 1]).matches(
        "result: accuracy=\\d\\.\\d{3} macro_f1=\\d\\.\\d{3} oos_precision=\\d\\.\\d{3} "
            + "oos_recall=\\d\\.\\d{3} train_s=\\d+\\.\\d contacts_per_s=\\d+");
    assertThat(output()).contains("in-scope accuracy:").contains("one thread");
  }

  @Test
  void redactFirstReplacesPersonalDataBeforeTraining() throws Exception {
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = 0; i < 20; i++) {
      csv.append("\"my invoice ").append(i).append(" is wrong\",billing\n")
          .append("\"my password ").append(i).append(" is locked\",login\n");
    }
    csv.append("\"Met vriendelijke groet, mijn naam is Anna Bakker, invoice wrong\",billing\n");
    Path file = dir.resolve("data.csv");
    Files.writeString(file, csv);
    int code = EvalMain.run(new EvalOptions(List.of(file), file, "text", "label",
        TrainOptions.defaults(), 1, true), new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    assertThat(output()).contains("redacted: personal data replaced in 2 of 82 texts");
  }
}
