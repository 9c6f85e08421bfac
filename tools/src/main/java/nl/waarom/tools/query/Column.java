package nl.waarom.tools.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a query's table and CSV output. Immutable.
 *
 * @param name header, lower case with {@code _}; never null
 * @param width characters in the table; longer values end in an ellipsis. 0: the column is in the
 *     CSV output only
 * @param decimals digits after the point of a number in the table (the CSV keeps them all)
 * @param value the value of a record; may return null
 */
record Column<V>(String name, int width, int decimals, Function<V, Object> value) {
  Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  /** A column shown in the table, {@code width} wide, numbers with two decimals. */
  static <V> Column<V> of(String name, int width, Function<V, Object> value) {
    return new Column<>(name, width, 2, value);
  }

  /** A column of the CSV output only. */
  static <V> Column<V> csvOnly(String name, Function<V, Object> value) {
    return new Column<>(name, 0, 2, value);
  }

  /** The same column with {@code decimals} digits after the point in the table. */
  Column<V> decimals(int digits) {
    return new Column<>(name, width, digits, value);
  }

  boolean inTable() {
    return width > 0;
  }

  /**
   * The cell of the CSV output: instants in ISO-8601 as they are, numbers in full, lists joined
   * with {@code ,}, nothing for null.
   */
  String csv(V record) {
    Object v = value.apply(record);
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Double.isFinite(d) ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : "";
    }
    if (v instanceof Collection<?> c) {
      return c.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
    return v.toString();
  }

  /**
   * The cell of the table: instants to the second, numbers rounded to {@code decimals}, {@code -}
   * for null, cut to {@link #width()}.
   */
  String table(V record) {
    Object v = value.apply(record);
    String text;
    if (v == null) {
      text = "-";
    } else if (v instanceof Instant i) {
      text = i.truncatedTo(ChronoUnit.SECONDS).toString();
    } else if (v instanceof Double d) {
      text = Double.isFinite(d) ? String.format(Locale.ROOT, "%." + decimals + "f", d) : "-";
    } else {
      text = csv(record);
    }
    return fit(text.replaceAll("\\s+", " "), width);
  }

  static String fit(String text, int width) {
    return text.length() <= width ? text : text.substring(0, width - 1) + "…";
  }
}
