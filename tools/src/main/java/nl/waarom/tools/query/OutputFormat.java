package nl.waarom.tools.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a query prints its rows. */
public enum OutputFormat {
  /** Aligned columns for a terminal, long values cut short with an ellipsis, a count at the end. */
  TABLE,
  /** One JSON object a line: the whole Avro record, every field, nothing cut short. */
  JSONL,
  /** RFC 4180 comma-separated values with a header line: every column, nothing cut short. */
  CSV;

  /**
   * Parses {@code table}, {@code jsonl} (also {@code json}) or {@code csv}, in any case.
   *
   * @throws IllegalArgumentException naming the formats for anything else
   */
  public static OutputFormat parse(String text) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.equals("json")) {
      return JSONL;
    }
    return Arrays.stream(values()).filter(f -> f.name().toLowerCase(Locale.ROOT).equals(s))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("must be one of "
            + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")) + ": '" + text + "'"));
  }
}
