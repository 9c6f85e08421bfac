package nl.waarom.sink.board;

import java.util.List;

/**
 * Escapes a text and wraps character spans of it in {@code <mark>}: the evidence of a contact's
 * reasons, whose offsets index into the text. Spans outside the text are clipped, empty ones
 * ignored, overlapping ones merged.
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
        titles[i] = titles[i] == null || titles[i].equals(s.title()) ? s.title()
            : titles[i] + ", " + s.title();
      }
    }
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (int i = 0; i < text.length(); ) {
      int j = i;
      boolean marked = titles[i] != null;
      while (j < text.length() && (titles[j] != null) == marked) {
        j++;
      }
      String part = Html.escape(text.substring(i, j));
      out.append(marked ? "<mark title=\"" + Html.escape(titles[i]) + "\">" + part + "</mark>"
          : part);
      i = j;
    }
    return out.toString();
  }
}
