package nl.waarom.sink.board;

import java.util.List;

/**
 * Escapes a text and wraps character spans of it in {@code <mark>}: the evidence of a contact's
 * reasons, whose offsets index into the text. Spans outside the text are clipped, empty ones
 * ignored; where spans of different titles overlap, the overlap names both.
 */
final class Marks {
  private Marks() {}

  /**
   * A span to mark.
   *
   * @param start first character, inclusive
   * @param end last character, exclusive
   * @param title the tooltip (the reason's name); never null
   */
  record Span(int start, int end, String title) {}

  /** The escaped text with the spans marked; null text becomes the empty string. */
  static String mark(String text, List<Span> spans) {
    if (text == null) {
      return "";
    }
    String[] titles = new String[text.length()];
    for (Span s : spans) {
      int from = Math.max(0, s.start());
      int to = Math.min(text.length(), s.end());
      for (int i = from; i < to; i++) {
        titles[i] = titles[i] == null ? s.title()
            : List.of(titles[i].split(", ")).contains(s.title()) ? titles[i]
            : titles[i] + ", " + s.title();
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < text.length(); ) {
      int j = i;
      while (j < text.length() && java.util.Objects.equals(titles[j], titles[i])) {
        j++;
      }
      String part = Html.escape(text.substring(i, j));
      out.append(titles[i] != null ? "<mark title=\"" + Html.escape(titles[i]) + "\">" + part + "</mark>"
          : part);
      i = j;
    }
    return out.toString();
  }
}
