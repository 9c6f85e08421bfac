package nl.waarom.tools.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import nl.waarom.analyzer.model.TrainOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentEvalTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

  private int run(List<Path> train, Path test, boolean builtIn) {
    return EvalMain.run(new EvalOptions(train, test, "text", "label", TrainOptions.defaults(), 1,
        false, EvalTask.SENTIMENT, builtIn), new PrintStream(buffer, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** Lines with clearly negative, neutral or positive words of a made-up domain. */
  private Path lines(String name, int perLabel, long seed, boolean withNeutral) throws Exception {
    String[][] words = {{"awful", "broken", "rude"}, {"address", "number", "form"},
        {"lovely", "helpful", "quick"}};
    String[] labels = {"negative", "neutral", "positive"};
    Random random = new Random(seed);
    List<String> rows = new ArrayList<>(List.of("text,label"));
    for (int i = 0; i < perLabel; i++) {
      for (int l = 0; l < 3; l++) {
        if (l == 1 && !withNeutral) {
          continue;
        }
        rows.add("the " + words[l][random.nextInt(3)] + " of my " + words[l][random.nextInt(3)]
            + "," + labels[l]);
      }
    }
    return Files.write(dir.resolve(name), rows);
  }

  @Test
  void trainsOnTheFilesAndEndsWithTheResultLine() throws Exception {
    int code = run(List.of(lines("train.csv", 30, 1, true)), lines("test.csv", 10, 2, true), false);
    assertThat(code).isZero();
    String out = output();
    assertThat(out).contains("train: 90 lines from 1 file(s)\n", "macro-F1: 1.000",
        "  neutral  precision 1.000  recall 1.000");
    assertThat(out.lines().reduce((a, b) -> b).orElseThrow())
        .matches("result: accuracy=1\\.000 macro_f1=1\\.000 oos_precision=NA oos_recall=NA "
            + "train_s=\\d+\\.\\d contacts_per_s=\\d+");
  }

  @Test
  void aTestFileWithoutNeutralIsScoredAmongItsOwnPolarities() throws Exception {
    int code = run(List.of(lines("train.csv", 30, 1, true)), lines("test.csv", 10, 3, false), true);
    assertThat(code).isZero();
    assertThat(output()).contains("and the built-in customer-service lines (weight 3)",
        "test:  20 lines, polarities [negative, positive]",
        "the test has no neutral lines: each line gets the most probable of [negative, positive]");
  }

  @Test
  void withoutTrainingFilesTheShippedModelIsMeasured() throws Exception {
    Path test = Files.writeString(dir.resolve("cs.csv"), """
        text,label
        Ik ben heel tevreden over de hulp,positive
        Dit is echt belachelijk slecht geregeld,negative
        Kunt u mij uw postcode geven?,neutral
        """);
    assertThat(run(List.of(), test, true)).isZero();
    assertThat(output()).contains("model: the shipped sentiment model", "macro-F1: 1.000")
        .contains("train_s=0.0");
  }

  @Test
  void aLabelThatIsNotAPolarityIsExitTwo() throws Exception {
    Path test = Files.writeString(dir.resolve("bad.csv"), "text,label\nmeh,mixed\n");
    assertThat(run(List.of(), test, true)).isEqualTo(2);
    assertThat(output()).contains("label 'mixed' is not negative, neutral or positive");
  }

  @Test
  void aFileGivenTwiceIsOneSetOfWeightTwo() {
    Path a = Path.of("a.csv");
    assertThat(SentimentEval.weights(List.of(a, Path.of("b.csv"), Path.of("./a.csv"))))
        .containsExactly(java.util.Map.entry(a, 2), java.util.Map.entry(Path.of("b.csv"), 1));
  }
}
