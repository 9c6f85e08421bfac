package nl.waarom.ingest.replay;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads a JSONL file line by line as raw bytes, so that a line that is not valid UTF-8 or JSON can
 * still be dead-lettered exactly as it was. Lines end with {@code \n}; a {@code \r} before it is
 * dropped. Not thread-safe.
 */
final class JsonlReader implements AutoCloseable {
  /** One line: its 1-based number and its bytes without the line end; bytes never null. */
  record Line(long number, byte[] bytes) {
    /** Whether the line holds only white space (such lines carry no contact). */
    boolean isBlank() {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t' && b != '\r') {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private long number;

  private JsonlReader(InputStream in) {
    this.in = in;
  }

  static JsonlReader open(Path file) throws IOException {
    return new JsonlReader(new BufferedInputStream(Files.newInputStream(file), 64 * 1024));
  }

  /** The next line, or null at the end of the file. */
  Line next() throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(512);
    int b = in.read();
    if (b == -1) {
      return null;
    }
    while (b != -1 && b != '\n') {
      line.write(b);
      b = in.read();
    }
    byte[] bytes = line.toByteArray();
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      bytes = Arrays.copyOf(bytes, length - 1);
    }
    return new Line(++number, bytes);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
