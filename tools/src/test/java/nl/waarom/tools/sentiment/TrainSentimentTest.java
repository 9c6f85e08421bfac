package nl.waarom.tools.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainSentimentTest {
  @Test
  void aFolderWithoutTheDataSetsIsExitTwoNamingWhatIsMissing(@TempDir Path dir) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    int code = TrainSentiment.run(new TrainSentiment.Options(dir, dir.resolve("m.bin.gz")),
        new PrintStream(buffer, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("en_dynasent/train.csv not found", "nl_xed_subtitles_projected");
    assertThat(dir.resolve("m.bin.gz")).doesNotExist();
  }
}
