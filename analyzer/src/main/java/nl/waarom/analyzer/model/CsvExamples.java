package nl.waarom.analyzer.model;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads labelled examples from a UTF-8 CSV file with a header row (RFC 4180 quoting: quoted
 * fields may hold commas, doubled quotes and line breaks). Rows with an empty label are skipped.
 */
public final class CsvExamples {
  private CsvExamples() {
  }

  /** Thrown for a file that cannot be read or lacks a named column; the message says which. */
  public static final class BadInputException extends Exception {
    public BadInputException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public static List<LabeledText> read(Path file, String textColumn, String labelColumn)
      throws BadInputException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(reader, file.toString(), textColumn, labelColumn);
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static List<LabeledText> read(Reader reader, String source, String textColumn,
      String labelColumn) throws IOException, BadInputException {
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
        .setIgnoreSurroundingSpaces(false).get();
    try (CSVParser parser = CSVParser.parse(reader, format)) {
      List<String> header = parser.getHeaderNames();
      for (String column : List.of(textColumn, labelColumn)) {
        if (!header.contains(column)) {
          throw new BadInputException(source + ": no column '" + column
              + "' (columns: " + String.join(", ", header) + ")", null);
        }
      }
      List<LabeledText> examples = new ArrayList<>();
      for (CSVRecord row : parser) {
        if (!row.isSet(textColumn) || !row.isSet(labelColumn)) {
          throw new BadInputException(source + ":" + row.getRecordNumber()
              + ": row has too few fields", null);
        }
        String label = row.get(labelColumn).strip();
        if (!label.isEmpty()) {
          examples.add(new LabeledText(row.get(textColumn), label));
        }
      }
      return examples;
    }
  }
}
