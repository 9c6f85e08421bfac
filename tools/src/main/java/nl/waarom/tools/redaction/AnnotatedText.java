package nl.waarom.tools.redaction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.waarom.ingest.privacy.PiiType;

/**
 * One text of a hand-annotated evaluation file with its personal data marked: the file has one
 * text a line, personal data written inline as {@code [TYPE:text]} (a {@link PiiType} name), a
 * literal {@code \n} for a line break inside the text, and {@code #} comment lines. Immutable.
 *
 * @param text    the plain text, markup removed; never null
 * @param planted the marked spans of {@code text}, type never null
 * @param line    the line of the file, from 1
 */
record AnnotatedText(String text, List<Planted> planted, int line) {
  private static final Pattern MARK = Pattern.compile("\\[([A-Z_]+):([^\\]]+)]");

  AnnotatedText {
    Objects.requireNonNull(text, "text");
    planted = List.copyOf(planted);
  }

  /** Reads every text of the file. */
  static List<AnnotatedText> read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<AnnotatedText> texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty() && !line.startsWith("#")) {
        texts.add(parse(line, i + 1));
      }
    }
    return texts;
  }

  /** Parses one annotated line; an unknown type is an error naming the line. */
  static AnnotatedText parse(String annotated, int line) {
    String source = annotated.replace("\\n", "\n");
    StringBuilder text = new StringBuilder();
    List<Planted> planted = new ArrayList<>();
    Matcher m = MARK.matcher(source);
    int copied = 0;
    while (m.find()) {
      PiiType type;
      try {
        type = PiiType.valueOf(m.group(1));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + line + ": unknown type " + m.group(1), e);
      }
      text.append(source, copied, m.start());
      int start = text.length();
      text.append(m.group(2));
      planted.add(new Planted(start, text.length(), type, type.tag()));
      copied = m.end();
    }
    text.append(source.substring(copied));
    return new AnnotatedText(text.toString(), planted, line);
  }
}
