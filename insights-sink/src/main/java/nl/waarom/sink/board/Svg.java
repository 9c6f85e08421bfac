package nl.waarom.sink.board;

import java.util.Locale;

/**
 * Small inline SVG charts, rendered on the server so the board needs no chart library and works
 * offline: a sparkline of counts, and a volume-against-baseline chart. Every number is formatted
 * by this class; no user text is written into the SVG.
 */
final class Svg {
  private Svg() {}

  /** A polyline of {@code values} in a {@code width} × {@code height} box; empty for no data. */
  static String sparkline(long[] values, int width, int height) {
    if (values == null || values.length == 0) {
      return "";
    }
    long max = 1;
    for (long v : values) {
      max = Math.max(max, v);
    }
    StringBuilder points = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      double x = values.length == 1 ? width / 2.0 : i * (width - 2.0) / (values.length - 1) + 1;
      double y = height - 1 - values[i] * (height - 2.0) / max;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }
    return String.format(Locale.ROOT, "<svg class=\"spark\" width=\"%d\" height=\"%d\" viewBox=\"0 0"
        + " %d %d\" role=\"img\" aria-label=\"trend, peak %d\"><polyline fill=\"none\""
        + " stroke=\"currentColor\" stroke-width=\"1.5\" points=\"%s\"/></svg>", width, height,
        width, height, max, points.toString().strip());
  }

  /**
   * Counts as a solid line and the baseline (NaN where unknown) as a dashed line, with the peak
   * labelled.
   */
  static String volumeChart(long[] counts, double[] baseline, int width, int height) {
    if (counts.length == 0) {
      return "<p class=\"meta\">No hourly volume for this reason yet.</p>";
    }
    double max = 1;
    for (int i = 0; i < counts.length; i++) {
      max = Math.max(max, counts[i]);
      if (!Double.isNaN(baseline[i])) {
        max = Math.max(max, baseline[i]);
      }
    }
    StringBuilder line = new StringBuilder();
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      double x = counts.length == 1 ? width / 2.0 : i * (width - 4.0) / (counts.length - 1) + 2;
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(counts[i], max, height)));
      if (!Double.isNaN(baseline[i])) {
        base.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(baseline[i], max, height)));
      }
    }
    return String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\" viewBox=\"0 0"
        + " %d %d\" role=\"img\" aria-label=\"hourly volume against baseline\">"
        + "<polyline class=\"baseline\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\""
        + " points=\"%s\"/><polyline class=\"volume\" fill=\"none\" stroke=\"#c0392b\""
        + " stroke-width=\"2\" points=\"%s\"/><text x=\"4\" y=\"12\" font-size=\"11\">peak %.0f per"
        + " hour</text></svg>", width, height, width, height, base.toString().strip(),
        line.toString().strip(), max);
  }

  private static double y(double value, double max, int height) {
    return height - 2 - value * (height - 18.0) / max;
  }
}
