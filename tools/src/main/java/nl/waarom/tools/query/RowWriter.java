package nl.waarom.tools.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prints a query's rows in one {@link OutputFormat}: a header (none for JSON lines), one line a
 * record, flushed at once so that {@code --follow} shows each record as it arrives. Not
 * thread-safe.
 */
abstract sealed class RowWriter<V extends SpecificRecord> {
  final PrintStream out;

  private RowWriter(PrintStream out) {
    this.out = out;
  }

  static <V extends SpecificRecord> RowWriter<V> of(OutputFormat format, RecordView<V> view,
      PrintStream out) {
    return switch (format) {
      case TABLE -> new Table<>(view, out);
      case JSONL -> new JsonLines<>(out);
      case CSV -> new Csv<>(view.columns(), out);
    };
  }

  abstract void header();

  abstract void row(V record);

  /** After the records up to the end: the table says how many it printed. */
  void printed(int count) {}

  /** Aligned columns, cut to their width, and a last line with the count. */
  static final class Table<V extends SpecificRecord> extends RowWriter<V> {
    private final RecordView<V> view;
    private final List<Column<V>> columns;

    Table(RecordView<V> view, PrintStream out) {
      super(out);
      this.view = view;
      this.columns = view.columns().stream().filter(Column::inTable).toList();
    }

    @Override
    void header() {
      line(columns.stream().map(c -> Column.fit(c.name(), c.width())).toList());
    }

    @Override
    void row(V record) {
      line(columns.stream().map(c -> c.table(record)).toList());
    }

    private void line(List<String> cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cells.size(); i++) {
        boolean last = i == cells.size() - 1;
        line.append(last ? cells.get(i) : pad(cells.get(i), columns.get(i).width() + 2));
      }
      out.println(line.toString().stripTrailing());
      out.flush();
    }

    private static String pad(String text, int width) {
      return text + " ".repeat(Math.max(0, width - text.length()));
    }

    @Override
    void printed(int count) {
      out.println(view.count(count));
      out.flush();
    }
  }

  /** The whole record, one JSON object a line ({@link AvroJson}). */
  static final class JsonLines<V extends SpecificRecord> extends RowWriter<V> {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonLines(PrintStream out) {
      super(out);
    }

    @Override
    void header() {}

    @Override
    void row(V record) {
      try {
        out.println(MAPPER.writeValueAsString(AvroJson.of(record)));
        out.flush();
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write " + record.getSchema().getName()
            + " as JSON: " + e.getMessage(), e);
      }
    }
  }

  /** Every column, RFC 4180 quoting, lines ending in a line feed. */
  static final class Csv<V extends SpecificRecord> extends RowWriter<V> {
    private final List<Column<V>> columns;
    private final CSVPrinter printer;

    Csv(List<Column<V>> columns, PrintStream out) {
      super(out);
      this.columns = columns;
      try {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n')
            .get());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void header() {
      print(columns.stream().map(Column::name).toList());
    }

    @Override
    void row(V record) {
      print(columns.stream().map(c -> c.csv(record)).toList());
    }

    private void print(List<String> cells) {
      try {
        printer.printRecord(cells);
        printer.flush();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
