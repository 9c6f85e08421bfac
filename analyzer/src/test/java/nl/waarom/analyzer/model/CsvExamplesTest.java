package nl.waarom.analyzer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExamplesTest {
  @TempDir
  Path dir;

  @Test
  void readsQuotedFieldsWithCommasQuotesAndNewlines() throws Exception {
    String csv = "label,text\r\nbilling,\"Why, oh why, was I charged \"\"twice\"\"?\"\r\n"
        + "login,\"line one\nline two\"\r\n,no label is skipped\r\n";
    List<LabeledText> rows = CsvExamples.read(new StringReader(csv), "t.csv", "text", "label");
    assertThat(rows).containsExactly(
        new LabeledText("Why, oh why, was I charged \"twice\"?", "billing"),
        new LabeledText("line one\nline two", "login"));
  }

  @Test
  void namedColumnsAreUsed() throws Exception {
    Path file = dir.resolve("x.csv");
    Files.writeString(file, "utterance,intent\nhoi,greet\n", StandardCharsets.UTF_8);
    assertThat(CsvExamples.read(file, "utterance", "intent")).containsExactly(new LabeledText("hoi", "greet"));
  }

  @Test
  void missingColumnIsAClearError() {
    assertThatThrownBy(() -> CsvExamples.read(new StringReader("text,category\na,b\n"), "t.csv", "text", "label"))
        .isInstanceOf(CsvExamples.BadInputException.class)
        .hasMessageContaining("t.csv").hasMessageContaining("'label'").hasMessageContaining("text, category");
  }

  @Test
  void missingFileIsAClearError() {
    Path missing = dir.resolve("nope.csv");
    assertThatThrownBy(() -> CsvExamples.read(missing, "text", "label"))
        .isInstanceOf(CsvExamples.BadInputException.class).hasMessageContaining("nope.csv");
  }
}
