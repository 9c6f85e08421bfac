package nl.waarom.sink.board;

/** HTML escaping for text and attribute values; every piece of data on the board goes through it. */
public final class Html {
  private Html() {}

  /** Escapes {@code & < > " '}; null becomes the empty string. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      switch (ch) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(ch);
      }
    }
    return out.toString();
  }

  /**
   * Escapes {@code text} and wraps every case-insensitive occurrence of one of {@code words} (whole
   * words or phrases, at word boundaries) in {@code <mark>}; longer words win where they overlap.
   * Null text becomes the empty string.
   */
  public static String highlight(String text, java.util.List<String> words) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    boolean[] marked = new boolean[text.length()];
    words.stream().filter(w -> w != null && !w.isBlank())
        .map(w -> w.strip().toLowerCase(java.util.Locale.ROOT)).distinct()
        .sorted(java.util.Comparator.comparingInt(String::length).reversed())
        .forEach(w -> {
          for (int at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
            int end = at + w.length();
            // not inside a redaction placeholder such as [EMAIL]
            boolean startOk = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1))
                && lower.charAt(at - 1) != '[';
            boolean endOk = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
            if (startOk && endOk && text.length() == lower.length()) {
              java.util.Arrays.fill(marked, at, end, true);
            }
          }
        });
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < text.length(); ) {
      int j = i;
      while (j < text.length() && marked[j] == marked[i]) {
        j++;
      }
      String part = escape(text.substring(i, j));
      out.append(marked[i] ? "<mark>" + part + "</mark>" : part);
      i = j;
    }
    return out.toString();
  }
}
