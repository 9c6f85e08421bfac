package nl.waarom.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nl.waarom.analyzer.model.TrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearningCurveTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private int run(Path train, Path feedback, Path test, List<Integer> steps) {
    return LearningCurve.run(new EvalOptions(List.of(train), test, "text", "label",
        TrainOptions.defaults().withUnknownLabel("oos"), 1), feedback, steps, 42,
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** {@code n} texts per label; a label's texts share its words, so more of them teach more. */
  private Path csv(String name, int from, int n, String... labels) throws Exception {
    String[][] words = {{"invoice", "bill", "charged", "amount"},
        {"password", "login", "locked", "account"}, {"parcel", "delivery", "courier", "track"},
        {"weather", "rain", "sunny", "cloud"}};
    StringBuilder csv = new StringBuilder("text,label\n");
    for (int i = from; i < from + n; i++) {
      for (int l = 0; l < labels.length; l++) {
        csv.append("my ").append(words[l][i % 4]).append(" and ").append(words[l][(i + 1) % 4])
            .append(" case ").append(i).append(',').append(labels[l]).append('\n');
      }
    }
    Path file = dir.resolve(name);
    Files.writeString(file, csv);
    return file;
  }

  @Test
  void correctionsAreCountedPerStepAndTheResultLineHasOneFigurePerStep() throws Exception {
    Path train = csv("train.csv", 0, 2, "billing", "login", "delivery");
    // the first rows repeat the training file and are left out; the rest are new, oos included
    Path feedback = csv("feedback.csv", 0, 20, "billing", "login", "delivery", "oos");
    Path test = csv("test.csv", 100, 5, "billing", "login", "delivery", "oos");

    assertThat(run(train, feedback, test, List.of(20, 0, 5))).isEqualTo(0);

    assertThat(output()).contains("before corrections: 6 examples, 3 labels")
        .contains("corrections drawn from 74 rows");
    String[] lines = output().strip().split("\n");
    assertThat(lines[lines.length - 4]).matches(" +0 +0 +0 +0 +6 .*");
    assertThat(lines[lines.length - 3]).matches(" +5 +5 +\\d +0 +11 .*");
    assertThat(lines[lines.length - 2]).matches(" +20 +20 +\\d +0 +26 .*");
    assertThat(lines[lines.length - 1]).matches("result: corrections=0/5/20 "
        + "accuracy=\\d\\.\\d{3}/\\d\\.\\d{3}/\\d\\.\\d{3} macro_f1=\\d\\.\\d{3}/\\d\\.\\d{3}/\\d\\.\\d{3}");
  }

  @Test
  void moreCorrectionsThanTheFileHoldsIsExitTwo() throws Exception {
    Path train = csv("train.csv", 0, 2, "billing", "login");
    Path feedback = csv("feedback.csv", 0, 3, "billing", "login");

    assertThat(run(train, feedback, train, List.of(0, 50))).isEqualTo(2);
    assertThat(output()).contains("has 2 rows that are not in the training files, fewer than 50");
  }
}
