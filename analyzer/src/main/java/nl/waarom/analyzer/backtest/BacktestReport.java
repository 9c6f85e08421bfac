package nl.waarom.analyzer.backtest;

import java.util.List;
import java.util.Locale;

/**
 * A backtest as text for a terminal: per reason the contacts before and after, the explained
 * share before and after, the flips with example snippets, and last a machine-readable
 * {@code result:} line.
 */
public final class BacktestReport {
  private static final int SNIPPET = 100;

  private BacktestReport() {}

  /**
   * @param beforeName what the taxonomy in force is called in the header, e.g. "in force"
   * @param afterName what the new taxonomy is called, e.g. its file name
   */
  public static String text(BacktestResult r, String beforeName, String afterName) {
    return text(r, beforeName, afterName, List.of());
  }

  /**
   * The same with lines about how the backtest was made (e.g. the corrections both sides
   * learned) right under the header.
   *
   * @param notes lines without line breaks; never null
   */
  public static String text(BacktestResult r, String beforeName, String afterName,
      List<String> notes) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "backtest of %d contacts: taxonomy %s (%s) against "
        + "%s (%s)%n", r.contacts(), r.versionBefore(), beforeName, r.versionAfter(), afterName));
    notes.forEach(note -> out.append(note).append(System.lineSeparator()));
    if (r.skipped() > 0) {
      out.append(String.format(Locale.ROOT, "left out %d input records (no contact, or before the period)%n",
          r.skipped()));
    }
    int width = Math.max(16, r.reasons().stream().mapToInt(c -> c.reasonId().length()).max()
        .orElse(0));
    out.append(String.format(Locale.ROOT, "%n%-" + width + "s %9s %9s %8s%n", "reason", "before",
        "after", "change"));
    for (ReasonChange c : r.reasons()) {
      out.append(String.format(Locale.ROOT, "%-" + width + "s %9d %9d %8s%n", c.reasonId(),
          c.before(), c.after(), c.change() == 0 ? "" : String.format(Locale.ROOT, "%+d",
              c.change())));
    }
    out.append(String.format(Locale.ROOT, "%-" + width + "s %8.1f%% %8.1f%% %+7.1f%n",
        "explained share", 100 * r.explainedShareBefore(), 100 * r.explainedShareAfter(),
        100 * (r.explainedShareAfter() - r.explainedShareBefore())));
    out.append(String.format(Locale.ROOT, "%n%d contacts would change their primary reason%s%n",
        r.flipped(), r.flipped() == 0 ? "" : ":"));
    for (FlipGroup g : r.flips()) {
      out.append(String.format(Locale.ROOT, "  %s -> %s: %d%n", g.from(), g.to(), g.count()));
      for (Flip f : g.examples()) {
        out.append(String.format(Locale.ROOT, "    %s  %s%n", f.contactId(), quote(f.snippet())));
      }
    }
    out.append(String.format(Locale.ROOT, "%nresult: contacts=%d flipped=%d "
        + "explained_before=%.4f explained_after=%.4f contacts_per_s=%.0f%n", r.contacts(),
        r.flipped(), r.explainedShareBefore(), r.explainedShareAfter(), r.contactsPerSecond()));
    return out.toString();
  }

  private static String quote(String snippet) {
    if (snippet == null) {
      return "(no customer text)";
    }
    String oneLine = snippet.replaceAll("\\s+", " ");
    return "\"" + (oneLine.length() <= SNIPPET ? oneLine
        : oneLine.substring(0, SNIPPET - 1).stripTrailing() + "…") + "\"";
  }
}
