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
   * labelled "peak N per hour"; one window draws a dot with its value, "one window so far".
   */
  static String volumeChart(long[] counts, double[] baseline, int width, int height) {
    return volumeChart(counts, baseline, width, height, Texts.EN);
  }

  /** {@link #volumeChart(long[], double[], int, int)} with its words in a language. */
  static String volumeChart(long[] counts, double[] baseline, int width, int height, Texts t) {
    if (counts.length == 0) {
      return "<p class=\"meta\">" + Html.escape(t.t("item.noVolume")) + "</p>";
    }
    return chart(counts, baseline, width, height, t.t("item.chartLabel"), t.t("chart.peak.hour"),
        t.t("chart.onePoint"));
  }

  /**
   * Counts against a baseline (NaN where unknown): a solid line and a dashed one with the peak
   * labelled, or for a single window a dot with its value (and the baseline's as a dash) and
   * {@code onePoint}, so a fresh series is never a blank box.
   *
   * @param label the chart's accessible name; escaped here
   * @param peak the peak label with {@code %s} for the number; escaped here
   * @param onePoint what a single window says, e.g. "one window so far"; escaped here
   */
  static String chart(long[] counts, double[] baseline, int width, int height, String label,
      String peak, String onePoint) {
    double max = 1;
    for (int i = 0; i < counts.length; i++) {
      max = Math.max(max, counts[i]);
      if (!Double.isNaN(baseline[i])) {
        max = Math.max(max, baseline[i]);
      }
    }
    String head = String.format(Locale.ROOT, "<svg class=\"chart\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", width, height, width, height,
        Html.escape(label));
    if (counts.length == 1) {
      double x = width / 2.0;
      double cy = y(counts[0], max, height);
      StringBuilder one = new StringBuilder(head);
      if (!Double.isNaN(baseline[0])) {
        double by = y(baseline[0], max, height);
        one.append(String.format(Locale.ROOT, "<line class=\"baseline\" x1=\"%.1f\" y1=\"%.1f\""
            + " x2=\"%.1f\" y2=\"%.1f\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>", x - 40, by,
            x + 40, by));
      }
      return one.append(String.format(Locale.ROOT, "<circle class=\"volume\" cx=\"%.1f\""
              + " cy=\"%.1f\" r=\"4\" fill=\"#c0392b\"/><text class=\"value\" x=\"%.1f\""
              + " y=\"%.1f\" font-size=\"11\">%d</text><text x=\"4\" y=\"12\" font-size=\"11\">"
              + "%s</text></svg>", x, cy, x + 8, Math.max(12, cy + 4), counts[0],
              Html.escape(onePoint)))
          .toString();
    }
    StringBuilder line = new StringBuilder();
    StringBuilder base = new StringBuilder();
    for (int i = 0; i < counts.length; i++) {
      double x = i * (width - 4.0) / (counts.length - 1) + 2;
      line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(counts[i], max, height)));
      if (!Double.isNaN(baseline[i])) {
        base.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(baseline[i], max, height)));
      }
    }
    return head + String.format(Locale.ROOT,
        "<polyline class=\"baseline\" fill=\"none\" stroke=\"#888\" stroke-dasharray=\"4 3\""
        + " points=\"%s\"/><polyline class=\"volume\" fill=\"none\" stroke=\"#c0392b\""
        + " stroke-width=\"2\" points=\"%s\"/><text x=\"4\" y=\"12\" font-size=\"11\">%s</text>"
        + "</svg>", base.toString().strip(), line.toString().strip(),
        Html.escape(String.format(Locale.ROOT, peak, String.format(Locale.ROOT, "%.0f", max))));
  }

  private static double y(double value, double max, int height) {
    return height - 2 - value * (height - 18.0) / max;
  }
}
