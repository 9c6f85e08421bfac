package nl.waarom.ingest.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlReaderTest {
  @TempDir Path dir;

  @Test
  void keepsRawBytesAndNumbersLines() throws IOException {
    byte[] content = {'a', '\r', '\n', '\n', (byte) 0xFF, 'b', '\n', ' ', '\t', '\n', 'c'};
    Path file = Files.write(dir.resolve("x.jsonl"), content);
    List<JsonlReader.Line> lines = new ArrayList<>();
    try (JsonlReader reader = JsonlReader.open(file)) {
      for (JsonlReader.Line l = reader.next(); l != null; l = reader.next()) {
        lines.add(l);
      }
    }
    assertThat(lines).extracting(JsonlReader.Line::number).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(lines).extracting(JsonlReader.Line::bytes).containsExactly(
        new byte[] {'a'}, new byte[0], new byte[] {(byte) 0xFF, 'b'}, new byte[] {' ', '\t'},
        new byte[] {'c'});
    assertThat(lines).extracting(JsonlReader.Line::isBlank)
        .containsExactly(false, true, false, true, false);
  }
}
